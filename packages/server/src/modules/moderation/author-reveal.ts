import type { Viewer } from '../../auth/viewer.js';
import type { HearthDb } from '../../db/database.js';
import type { MembershipRow, ModerationActionRow } from '../../db/tables.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.js';
import { findGroupsByIds } from '../groups/group.queries.js';
import { findMembersByIds } from '../members/member.queries.js';
import { findMembershipsOfMember } from '../memberships/membership.queries.js';
import { readGroupActor } from '../memberships/membership.rules.js';
import { findCasesByIds, findThreadAliasNumber, insertModerationAction, lockSubject, type SubjectRef } from './moderation.queries.js';
import { revealRefusal } from './anonymity-policy.js';
import { revealConditionRefusal } from './moderation.rules.js';

/**
 * The one way to learn who wrote an anonymous item: someone the group's anonymity rule allows (anonymity-policy.ts:
 * professional facilitators and admins of a professional group, admins only of a peer-led one, nobody under policy
 * ANONYMOUS; never a service token, since a person answers for every reveal), handling an open crisis case about it,
 * says why; the reveal and its reason go into the audit log in the same transaction that reads the author.
 *
 * The answer carries what the institution needs to reach the person through its own records: the host's external
 * user id and the display name the host sent. It is shown once, to the revealer.
 */
export interface RevealedAuthor {
  memberId: string;
  /** The host's user id for the member (the SSO subject): the key to the institution's own records. */
  externalId: string;
  displayName: string;
  membership: MembershipRow | null;
  /** The author's alias number in the thread ("Anonymous 3"), if they have one there. */
  aliasNumber: number | null;
  entry: ModerationActionRow;
}

export async function revealAnonymousAuthor(
  db: HearthDb,
  viewer: Viewer,
  request: { subject: SubjectRef; caseId: string; reason: string },
): Promise<RevealedAuthor> {
  return db.transaction().execute(async (trx) => {
    const subject = await lockSubject(trx, request.subject);
    const [moderationCase] = await findCasesByIds(trx, [request.caseId]);
    if (!subject || subject.institution_id !== viewer.institutionId) throw new NotFoundError('No such post or reply.');
    const [group] = await findGroupsByIds(trx, [subject.group_id]);
    if (!group || !moderationCase || moderationCase.institution_id !== viewer.institutionId) throw new NotFoundError('No such moderation case.');

    const actor = { ...(await readGroupActor(trx, viewer, group)), isService: viewer.kind === 'service' };
    // Who may reveal at all is decided first, by the group's rule alone, and refused in the same words whatever the
    // item, so that people who may not reveal learn nothing about it (not even whether it is anonymous).
    const who = revealRefusal(group, actor);
    if (who) throw new ForbiddenError(who);
    if (moderationCase.subject_id !== subject.id) throw ValidationError.field(['input', 'caseId'], 'This case is about another item.');
    const refusal = revealConditionRefusal(moderationCase, subject);
    if (refusal) throw new ForbiddenError(refusal);

    const entry = await insertModerationAction(trx, {
      subject,
      caseId: moderationCase.id,
      actor: { memberId: actor.memberId, serviceTokenId: null },
      action: 'REVEAL_AUTHOR',
      reason: request.reason,
      details: { anonymous: true },
    });
    const [membership] = await findMembershipsOfMember(trx, subject.author_id, [group.id]);
    const [author] = await findMembersByIds(trx, [subject.author_id]);
    if (!author) throw new NotFoundError('No such post or reply.');
    return {
      memberId: subject.author_id,
      externalId: author.external_id,
      displayName: author.display_name,
      membership: membership ?? null,
      aliasNumber: await findThreadAliasNumber(trx, subject.post_id, subject.author_id),
      entry,
    };
  });
}
