import { sql, type SqlBool } from 'kysely';
import type { HearthDb } from '../../db/database.js';
import type {
  ContentStatus,
  ContentSubject,
  ModerationActionRow,
  ModerationCaseRow,
  ReportReason,
  ReportRow,
  SubjectType,
} from '../../db/tables.js';
import { facilitatorMembershipSql } from '../memberships/membership-standing.queries.js';

/**
 * SQL of the moderation module: the items it acts on (posts and replies, seen through the few columns moderation
 * needs), reports, cases, and the audit log (moderation_actions).
 */

/** A post or a reply as moderation sees it: the columns every module reads, and whether it is pinned or locked. */
export interface ModeratedSubject extends ContentSubject {
  /** Posts only (null for replies). */
  pinned_at: Date | null;
  /** Posts only (null for replies). */
  locked_at: Date | null;
}

export interface SubjectRef {
  type: SubjectType;
  id: string;
}

function postSubjects(db: HearthDb) {
  return db
    .selectFrom('posts')
    .select([
      sql<SubjectType>`'POST'`.as('type'),
      'posts.id',
      'posts.institution_id',
      'posts.group_id',
      'posts.id as post_id',
      'posts.author_id',
      'posts.anonymous',
      'posts.status',
      'posts.pinned_at',
      'posts.locked_at',
    ]);
}

function replySubjects(db: HearthDb) {
  return db
    .selectFrom('replies')
    .select([
      sql<SubjectType>`'REPLY'`.as('type'),
      'replies.id',
      'replies.institution_id',
      'replies.group_id',
      'replies.post_id',
      'replies.author_id',
      'replies.anonymous',
      'replies.status',
      sql<Date | null>`null::timestamptz`.as('pinned_at'),
      sql<Date | null>`null::timestamptz`.as('locked_at'),
    ]);
}

/** Posts and replies by reference, in one statement whatever the mix. */
export async function findSubjects(db: HearthDb, refs: readonly SubjectRef[]): Promise<ModeratedSubject[]> {
  const postIds = refs.filter((ref) => ref.type === 'POST').map((ref) => ref.id);
  const replyIds = refs.filter((ref) => ref.type === 'REPLY').map((ref) => ref.id);
  if (postIds.length === 0 && replyIds.length === 0) return [];
  if (replyIds.length === 0) return postSubjects(db).where('posts.id', 'in', postIds).execute();
  if (postIds.length === 0) return replySubjects(db).where('replies.id', 'in', replyIds).execute();
  return postSubjects(db).where('posts.id', 'in', postIds).unionAll(replySubjects(db).where('replies.id', 'in', replyIds)).execute();
}

/** The item's row, locked until the transaction ends: actions on one item run one after another. */
export async function lockSubject(trx: HearthDb, ref: SubjectRef): Promise<ModeratedSubject | undefined> {
  return ref.type === 'POST'
    ? postSubjects(trx).where('posts.id', '=', ref.id).forUpdate().executeTakeFirst()
    : replySubjects(trx).where('replies.id', '=', ref.id).forUpdate().executeTakeFirst();
}

export async function updateSubjectStatus(trx: HearthDb, ref: SubjectRef, status: ContentStatus): Promise<void> {
  if (ref.type === 'POST') await trx.updateTable('posts').set({ status }).where('id', '=', ref.id).execute();
  else await trx.updateTable('replies').set({ status }).where('id', '=', ref.id).execute();
}

/** Pins or locks a post (now, to the whole second like every content timestamp), or lifts the pin or lock. */
export async function setPostMark(trx: HearthDb, postId: string, mark: 'pinned_at' | 'locked_at', on: boolean): Promise<void> {
  await trx
    .updateTable('posts')
    .set({ [mark]: on ? sql<Date>`date_trunc('second', now())` : null })
    .where('id', '=', postId)
    .execute();
}

/**
 * A reply published late (approved after being held) is new activity in its thread, like a reply just written; to
 * the whole second, as every content timestamp (a sub-second instant could be matched against other records).
 */
export async function bumpThreadActivity(trx: HearthDb, postId: string): Promise<void> {
  await trx
    .updateTable('posts')
    .set({ last_activity_at: sql<Date>`greatest(last_activity_at, date_trunc('second', now()))` })
    .where('id', '=', postId)
    .execute();
}

/** The thread alias number ("Anonymous 3") the member goes by in a thread, if they posted anonymously there. */
export async function findThreadAliasNumber(db: HearthDb, postId: string, memberId: string): Promise<number | null> {
  const row = await db
    .selectFrom('thread_aliases')
    .select('alias_number')
    .where('post_id', '=', postId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row?.alias_number ?? null;
}

/** Groups the member facilitates (membership-standing.queries.ts: a facilitator role on a membership in force). */
export async function findGroupsFacilitatedBy(db: HearthDb, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('group_id')
    .where('member_id', '=', memberId)
    .where(facilitatorMembershipSql('memberships'))
    .execute();
  return rows.map((row) => row.group_id);
}

// Reports.

export async function findOpenReport(trx: HearthDb, subjectId: string, reporterId: string): Promise<ReportRow | undefined> {
  return trx
    .selectFrom('reports')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('reporter_id', '=', reporterId)
    .where('status', '=', 'OPEN')
    .executeTakeFirst();
}

export async function insertReport(
  trx: HearthDb,
  report: { subject: ModeratedSubject; caseId: string; reporterId: string; reason: ReportReason; note: string | null },
): Promise<ReportRow> {
  return trx
    .insertInto('reports')
    .values({
      institution_id: report.subject.institution_id,
      group_id: report.subject.group_id,
      subject_type: report.subject.type,
      subject_id: report.subject.id,
      case_id: report.caseId,
      reporter_id: report.reporterId,
      reason: report.reason,
      note: report.note,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findReportsByIds(db: HearthDb, ids: readonly string[]): Promise<ReportRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('reports').selectAll().where('id', 'in', ids).execute();
}

/** Reports of many cases in one statement, oldest first within each case. */
export async function findReportsOfCases(db: HearthDb, caseIds: readonly string[]): Promise<ReportRow[]> {
  if (caseIds.length === 0) return [];
  return db.selectFrom('reports').selectAll().where('case_id', 'in', caseIds).orderBy('created_at').orderBy('id').execute();
}

/** Closes the open reports of a case: RESOLVED when a moderator acted on the item, DISMISSED when they dismissed it. */
export async function closeReportsOfCase(trx: HearthDb, caseId: string, status: 'RESOLVED' | 'DISMISSED'): Promise<void> {
  await trx
    .updateTable('reports')
    .set({ status, resolved_at: sql<Date>`now()` })
    .where('case_id', '=', caseId)
    .where('status', '=', 'OPEN')
    .execute();
}

// Cases.

export async function findCasesByIds(db: HearthDb, ids: readonly string[]): Promise<ModerationCaseRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('moderation_cases').selectAll().where('id', 'in', ids).execute();
}

export async function lockCase(trx: HearthDb, id: string): Promise<ModerationCaseRow | undefined> {
  return trx.selectFrom('moderation_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function lockOpenCaseOf(trx: HearthDb, subjectId: string): Promise<ModerationCaseRow | undefined> {
  return trx
    .selectFrom('moderation_cases')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'OPEN')
    .forUpdate()
    .executeTakeFirst();
}

export async function resolveCase(trx: HearthDb, id: string): Promise<void> {
  await trx
    .updateTable('moderation_cases')
    .set({ status: 'RESOLVED', resolved_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Marks that a moderator acted on the case's item without closing it (a warning, a lock, a pin). */
export async function touchCase(trx: HearthDb, id: string): Promise<void> {
  await trx.updateTable('moderation_cases').set({ updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

/** Whose queue: every group of an institution (its managers), or some groups (their facilitators). */
export type QueueScope = { institutionId: string } | { groupIds: readonly string[] };

/** Where a queue page starts: after the case with this id, which had this rank when the previous page was read. */
export interface QueueCursor {
  rank: number;
  caseId: string;
}

/**
 * One page of the open cases in a scope, in the order of `queue_rank` (migration 0007: crisis first by risk,
 * unacknowledged before acknowledged), then oldest first. The cursor carries the last case's rank as it was on
 * the page (a case acknowledged since changes rank, and reading it back would skip or repeat cases) and its id;
 * its creation instant is read back from the table, so cursors carry no timestamps (a case opened with its item
 * shares the item's creation instant, which clients only ever see to the second).
 */
export async function findQueuePage(db: HearthDb, scope: QueueScope, after: QueueCursor | null, limit: number): Promise<ModerationCaseRow[]> {
  if ('groupIds' in scope && scope.groupIds.length === 0) return [];
  return db
    .selectFrom('moderation_cases')
    .selectAll()
    .where('status', '=', 'OPEN')
    .$if('institutionId' in scope, (q) => q.where('institution_id', '=', (scope as { institutionId: string }).institutionId))
    .$if('groupIds' in scope, (q) => q.where('group_id', 'in', (scope as { groupIds: readonly string[] }).groupIds))
    .$if(after !== null, (q) =>
      q.where(
        sql<SqlBool>`(moderation_cases.queue_rank, moderation_cases.created_at, moderation_cases.id) >
          (${after!.rank}::smallint, (select cursor_case.created_at from moderation_cases cursor_case where cursor_case.id = ${after!.caseId}), ${after!.caseId}::uuid)`,
      ),
    )
    .orderBy('queue_rank')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

// The audit log.

export interface ActionDetails {
  /** Whether the item was anonymous when the action was taken: its author is then shown to the institution's admins only. */
  anonymous?: boolean;
  suspendedUntil?: string;
  previousStatus?: ContentStatus;
  status?: ContentStatus;
}

export interface NewModerationAction {
  subject: ModeratedSubject;
  caseId: string | null;
  actor: { memberId: string | null; serviceTokenId: string | null };
  action: string;
  reason: string;
  details: ActionDetails;
}

export async function insertModerationAction(trx: HearthDb, entry: NewModerationAction): Promise<ModerationActionRow> {
  return trx
    .insertInto('moderation_actions')
    .values({
      institution_id: entry.subject.institution_id,
      group_id: entry.subject.group_id,
      case_id: entry.caseId,
      actor_member_id: entry.actor.memberId,
      actor_service_token_id: entry.actor.serviceTokenId,
      action: entry.action,
      subject_type: entry.subject.type,
      subject_id: entry.subject.id,
      target_member_id: entry.subject.author_id,
      reason: entry.reason,
      details: { ...entry.details },
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findActionsByIds(db: HearthDb, ids: readonly string[]): Promise<ModerationActionRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('moderation_actions').selectAll().where('id', 'in', ids).execute();
}

/** The actions taken on many cases, in one statement, oldest first within each case. */
export async function findActionsOfCases(db: HearthDb, caseIds: readonly string[]): Promise<ModerationActionRow[]> {
  if (caseIds.length === 0) return [];
  return db.selectFrom('moderation_actions').selectAll().where('case_id', 'in', caseIds).orderBy('created_at').orderBy('id').execute();
}

/** Actions that only the institution's admins and the actor see in the log (see `auditEntryVisibleTo`). */
const authorSanctions = ['SUSPEND', 'BAN'];

export interface AuditLogQuery {
  scope: QueueScope;
  /** Set for viewers who don't manage the institution: hides admins-only entries they did not make themselves. */
  restrictedFor?: { memberId: string | null } | undefined;
  afterActionId: string | null;
  limit: number;
}

/** One page of the audit log, newest first; the cursor is the id of the last entry seen (as the queue's). */
export async function findAuditLogPage(db: HearthDb, query: AuditLogQuery): Promise<ModerationActionRow[]> {
  const { scope, restrictedFor, afterActionId } = query;
  if ('groupIds' in scope && scope.groupIds.length === 0) return [];
  return db
    .selectFrom('moderation_actions')
    .selectAll()
    .$if('institutionId' in scope, (q) => q.where('institution_id', '=', (scope as { institutionId: string }).institutionId))
    .$if('groupIds' in scope, (q) => q.where('group_id', 'in', (scope as { groupIds: readonly string[] }).groupIds))
    .$if(restrictedFor !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('action', 'not in', authorSanctions),
          sql<SqlBool>`coalesce((moderation_actions.details->>'anonymous')::boolean, false) = false`,
          ...(restrictedFor!.memberId ? [eb('actor_member_id', '=', restrictedFor!.memberId)] : []),
        ]),
      ),
    )
    .$if(afterActionId !== null, (q) =>
      q.where(
        sql<SqlBool>`(moderation_actions.created_at, moderation_actions.id) <
          (select cursor_action.created_at, cursor_action.id from moderation_actions cursor_action where cursor_action.id = ${afterActionId})`,
      ),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .execute();
}

/** Warnings (WARN entries of the audit log) given to members in groups, for many (member, group) pairs at once. */
export async function findWarnings(db: HearthDb, pairs: readonly { memberId: string; groupId: string }[]): Promise<ModerationActionRow[]> {
  if (pairs.length === 0) return [];
  return db
    .selectFrom('moderation_actions')
    .selectAll()
    .where('action', '=', 'WARN')
    .where('target_member_id', 'in', [...new Set(pairs.map((pair) => pair.memberId))])
    .where('group_id', 'in', [...new Set(pairs.map((pair) => pair.groupId))])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
