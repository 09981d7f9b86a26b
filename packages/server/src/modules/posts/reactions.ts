import type { RequestAccess } from '../../auth/request-access.js';
import type { HearthDb } from '../../db/database.js';
import type { ReactionKind, SubjectType } from '../../db/tables.js';
import { ForbiddenError, NotFoundError } from '../../schema/errors.js';
import { rateLimit } from '../../rate-limits/rate-limits.js';
import type { ContentServices } from '../content-pipeline/content-pipeline.js';
import { conversationAccess } from './post.rules.js';
import { participant } from './publishing.js';
import { deleteReaction, insertReaction } from './reaction.queries.js';

export const reactionKinds = ['SUPPORT', 'HUG', 'ME_TOO', 'THANK_YOU', 'HELPFUL'] as const satisfies readonly ReactionKind[];

/**
 * Gives (`on`) or takes back a reaction. Only on published items the viewer can see, by an active member of the
 * item's group; a reaction is one row per member, item and kind, so giving it twice changes nothing. Reactions
 * are never anonymous, and they are rate limited like posts (per member, `react`).
 */
export async function setReaction(
  db: HearthDb,
  access: RequestAccess,
  subjectType: SubjectType,
  visibleItem: { id: string; group_id: string; institution_id: string; status: string } | null,
  kind: ReactionKind,
  on: boolean,
  services: ContentServices,
): Promise<void> {
  if (!visibleItem) throw new NotFoundError(subjectType === 'POST' ? 'No such post.' : 'No such reply.');
  const who = participant(access.viewer, await conversationAccess(access, visibleItem.group_id));
  if (visibleItem.status !== 'PUBLISHED') throw new ForbiddenError('Only published posts and replies take reactions.');
  await rateLimit({ rateLimiter: services.rateLimiter, viewer: access.viewer }, 'react');
  const reaction = { subjectId: visibleItem.id, memberId: who.member.id, kind };
  if (on) {
    await insertReaction(db, { ...reaction, institutionId: visibleItem.institution_id, groupId: visibleItem.group_id, subjectType });
  } else {
    await deleteReaction(db, reaction);
  }
}
