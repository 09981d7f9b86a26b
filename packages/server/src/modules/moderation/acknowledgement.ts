import type { Viewer } from '../../auth/viewer.js';
import type { HearthDb } from '../../db/database.js';
import type { ModerationCaseRow } from '../../db/tables.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../schema/errors.js';
import { findGroupsByIds } from '../groups/group.queries.js';
import { readGroupActor } from '../memberships/membership.rules.js';
import { acknowledgeCase } from './moderation-cases.queries.js';
import { findCasesByIds, insertModerationAction, lockCase, lockSubject } from './moderation.queries.js';
import { acknowledgerRefusal } from './moderation.rules.js';

/**
 * A facilitator acknowledges a queue item: the others see that someone is on it (who, since when), it moves below
 * the unacknowledged items of its risk level, and the audit log keeps an ACKNOWLEDGE entry. The case stays open:
 * acknowledging is not deciding about the item. The first acknowledgement stands; a second is a ConflictError
 * naming nothing the viewer doesn't already see on the item.
 */
export async function acknowledgeModerationItem(db: HearthDb, viewer: Viewer, caseId: string): Promise<ModerationCaseRow> {
  return db.transaction().execute(async (trx) => {
    const [known] = await findCasesByIds(trx, [caseId]);
    if (!known || known.institution_id !== viewer.institutionId) throw new NotFoundError('No such moderation item.');
    // Item, then case: the lock order of every moderation action.
    const subject = await lockSubject(trx, { type: known.subject_type, id: known.subject_id });
    const [group] = await findGroupsByIds(trx, [known.group_id]);
    if (!subject || !group) throw new NotFoundError('No such moderation item.');
    const actor = { ...(await readGroupActor(trx, viewer, group)), isService: viewer.kind === 'service' };
    const refusal = acknowledgerRefusal(actor);
    if (refusal) throw new ForbiddenError(refusal);

    const moderationCase = await lockCase(trx, caseId);
    if (!moderationCase || moderationCase.status !== 'OPEN') throw new ConflictError('This item is no longer in the queue.');
    if (moderationCase.acknowledged_at !== null) throw new ConflictError('This item was already acknowledged.');
    const acknowledged = await acknowledgeCase(trx, caseId, actor.memberId!);
    if (!acknowledged) throw new ConflictError('This item was already acknowledged.');
    await insertModerationAction(trx, {
      subject,
      caseId,
      actor: { memberId: actor.memberId, serviceTokenId: null },
      action: 'ACKNOWLEDGE',
      reason: '',
      details: { anonymous: subject.anonymous },
    });
    return acknowledged;
  });
}
