import type { Viewer } from '../../auth/viewer.js';
import type { HearthDb } from '../../db/database.js';
import type { GroupRow, ModerationActionRow, ModerationCaseRow } from '../../db/tables.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.js';
import { findGroupsByIds } from '../groups/group.queries.js';
import { findMembershipsOfMember } from '../memberships/membership.queries.js';
import { readGroupActor, type GroupActor } from '../memberships/membership.rules.js';
import { banMember, suspendMember } from '../memberships/membership-standing.js';
import {
  bumpThreadActivity,
  closeReportsOfCase,
  findCasesByIds,
  insertModerationAction,
  lockCase,
  lockOpenCaseOf,
  lockSubject,
  resolveCase,
  setPostMark,
  touchCase,
  updateSubjectStatus,
  type ActionDetails,
  type ModeratedSubject,
  type SubjectRef,
} from './moderation.queries.js';
import {
  authorActionRefusal,
  authorActions,
  closesCase,
  itemChange,
  moderatorRefusal,
  postOnlyActions,
  type ModerationActionKind,
} from './moderation.rules.js';

/**
 * A moderator's action on a post or reply: the change to the item (or its author), the case it settles, and the
 * audit log entry, written in one transaction or not at all.
 */
export interface ModerationRequest {
  /** The case to act on; or null with `subject` to act on an item directly (its open case, if any, is used). */
  caseId: string | null;
  subject: SubjectRef | null;
  action: ModerationActionKind;
  reason: string;
  /** SUSPEND only. */
  suspendUntil: Date | null;
}

export interface ModerationResult {
  entry: ModerationActionRow;
  /** The group whose members changed (a suspension or ban), for callers that cache memberships. */
  changedMembershipsOf: string | null;
}

export async function moderate(db: HearthDb, viewer: Viewer, request: ModerationRequest): Promise<ModerationResult> {
  return db.transaction().execute(async (trx) => {
    let ref = request.subject;
    if (request.caseId) {
      // A case never changes its item, so it can be read before the item's lock is taken (item, then case).
      const [known] = await findCasesByIds(trx, [request.caseId]);
      if (!known || !viewerInInstitution(viewer, known.institution_id)) throw new NotFoundError('No such moderation case.');
      ref = { type: known.subject_type, id: known.subject_id };
    }
    const subject = ref ? await lockSubject(trx, ref) : undefined;
    if (!subject || !viewerInInstitution(viewer, subject.institution_id)) throw new NotFoundError('No such post or reply.');
    const [group] = await findGroupsByIds(trx, [subject.group_id]);
    if (!group) throw new NotFoundError('No such post or reply.');

    const actor = await readGroupActor(trx, viewer, group);
    const refusal = moderatorRefusal(actor);
    if (refusal) throw new ForbiddenError(refusal);
    if (postOnlyActions.has(request.action) && subject.type !== 'POST') {
      throw ValidationError.field(['input', 'action'], 'Only posts are locked and pinned; a reply follows its post.');
    }

    const change = itemChange(request.action, subject);
    if (change.kind === 'conflict') throw new ConflictError(change.message);

    let changedMembershipsOf: string | null = null;
    const details: ActionDetails = { anonymous: subject.anonymous };
    if (authorActions.has(request.action)) {
      await actOnAuthor(trx, viewer, actor, group, subject, request);
      if (request.action !== 'WARN') changedMembershipsOf = group.id;
      if (request.suspendUntil) details.suspendedUntil = request.suspendUntil.toISOString();
    }

    const moderationCase = request.caseId ? await lockCase(trx, request.caseId) : await lockOpenCaseOf(trx, subject.id);
    if (request.action === 'DISMISS' && moderationCase?.status !== 'OPEN') {
      throw new ConflictError(request.caseId ? 'This case is already closed.' : 'There is no open case about this item to dismiss.');
    }

    if (change.kind === 'status') {
      await updateSubjectStatus(trx, subject, change.status);
      Object.assign(details, { previousStatus: subject.status, status: change.status });
      if (subject.type === 'REPLY' && subject.status === 'PENDING_REVIEW' && change.status === 'PUBLISHED') await bumpThreadActivity(trx, subject.post_id);
    } else if (change.kind === 'mark') {
      await setPostMark(trx, subject.id, change.mark, change.on);
    }
    await settleCase(trx, moderationCase, request.action);

    const entry = await insertModerationAction(trx, {
      subject,
      caseId: moderationCase?.id ?? null,
      actor: { memberId: actor.memberId, serviceTokenId: viewer.kind === 'service' ? viewer.serviceTokenId : null },
      action: request.action,
      reason: request.reason,
      details,
    });
    return { entry, changedMembershipsOf };
  });
}

function viewerInInstitution(viewer: Viewer, institutionId: string): boolean {
  return viewer.institutionId === institutionId;
}

/**
 * Warns, suspends or bans the item's author in the item's group. Suspensions and bans are the memberships
 * module's own functions (one implementation of who may suspend whom), run inside this transaction.
 */
async function actOnAuthor(
  trx: HearthDb,
  viewer: Viewer,
  actor: GroupActor,
  group: GroupRow,
  subject: ModeratedSubject,
  request: ModerationRequest,
): Promise<void> {
  const [author] = await findMembershipsOfMember(trx, subject.author_id, [group.id]);
  if (!author) throw new NotFoundError("The author has no membership in this group.");
  const refusal = authorActionRefusal(actor, request.action, subject, author);
  if (refusal) throw new ForbiddenError(refusal);
  // A warning is the audit entry itself: the author reads it on their membership (Membership.warnings).
  if (request.action === 'SUSPEND') await suspendMember(trx, viewer, author.id, request.suspendUntil!, request.reason);
  if (request.action === 'BAN') await banMember(trx, viewer, author.id, request.reason);
}

/** Closes the case (and its open reports) when the action decides about the item; otherwise notes the activity. */
async function settleCase(trx: HearthDb, moderationCase: ModerationCaseRow | undefined, action: ModerationActionKind): Promise<void> {
  if (!moderationCase || moderationCase.status !== 'OPEN') return;
  if (!closesCase(action)) {
    await touchCase(trx, moderationCase.id);
    return;
  }
  await resolveCase(trx, moderationCase.id);
  await closeReportsOfCase(trx, moderationCase.id, action === 'DISMISS' ? 'DISMISSED' : 'RESOLVED');
}
