import { sql } from 'kysely';
import type { Viewer } from '../../auth/viewer.js';
import type { HearthDb } from '../../db/database.js';
import type { AppearanceKind, ContentSubject, OutreachMessageRow, OutreachSide, OutreachThreadRow, SubjectType } from '../../db/tables.js';
import { facilitatorMembershipSql, managedByViewerSql } from '../memberships/membership-standing.queries.js';

/** Every statement of the outreach module. Nothing here returns `writer_member_id` to a caller that shows it. */

/** What outreach needs of a post or reply: where it is, who wrote it, whether it is a crisis item. */
export interface OutreachSubject extends ContentSubject {
  body: string;
  /** Crisis language on the item, or an open crisis case about it. */
  in_crisis: boolean;
}

export async function findOutreachSubject(db: HearthDb, type: SubjectType, id: string): Promise<OutreachSubject | null> {
  const openCrisisCase = sql<boolean>`exists (select 1 from moderation_cases c where c.subject_id = item.id and c.status = 'OPEN' and c.crisis)`;
  const row =
    type === 'POST'
      ? await db
          .selectFrom('posts as item')
          .select(['item.id', 'item.institution_id', 'item.group_id', 'item.id as post_id', 'item.author_id', 'item.anonymous', 'item.status', 'item.body'])
          .select(sql<boolean>`item.crisis or ${openCrisisCase}`.as('in_crisis'))
          .where('item.id', '=', id)
          .executeTakeFirst()
      : await db
          .selectFrom('replies as item')
          .select(['item.id', 'item.institution_id', 'item.group_id', 'item.post_id', 'item.author_id', 'item.anonymous', 'item.status', 'item.body'])
          .select(sql<boolean>`item.crisis or ${openCrisisCase}`.as('in_crisis'))
          .where('item.id', '=', id)
          .executeTakeFirst();
  return row ? { ...row, type } : null;
}

/** The alias an anonymous writer already has in the thread of `postId` (written with their anonymous item). */
export async function findThreadAlias(db: HearthDb, postId: string, memberId: string): Promise<number | null> {
  const row = await db.selectFrom('thread_aliases').select('alias_number').where('post_id', '=', postId).where('member_id', '=', memberId).executeTakeFirst();
  return row?.alias_number ?? null;
}

export async function findThreadsByIds(db: HearthDb, ids: readonly string[]): Promise<OutreachThreadRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('outreach_threads').selectAll().where('id', 'in', [...ids]).execute();
}

export async function findThreadsOfSubjects(db: HearthDb, subjectIds: readonly string[]): Promise<OutreachThreadRow[]> {
  if (subjectIds.length === 0) return [];
  return db.selectFrom('outreach_threads').selectAll().where('subject_id', 'in', [...subjectIds]).execute();
}

export interface NewThread {
  institutionId: string;
  groupId: string;
  subject: { type: SubjectType; id: string } | null;
  writerMemberId: string;
  startedBy: OutreachSide;
  /** An anonymous subject: the writer appears under the thread alias (`writerAlias`, "Anonymous" alone if missing). */
  writerAnonymous: boolean;
  writerAlias: number | null;
}

/**
 * Opens the thread, or returns the one already there: one per subject, and one per member and group without a
 * subject (two facilitators writing at once share one thread): the partial unique indexes decide.
 */
export async function insertOrFindThread(trx: HearthDb, thread: NewThread): Promise<OutreachThreadRow> {
  const subjectId = thread.subject?.id ?? null;
  const inserted = await trx
    .insertInto('outreach_threads')
    .values({
      institution_id: thread.institutionId,
      group_id: thread.groupId,
      subject_type: thread.subject?.type ?? null,
      subject_id: subjectId,
      writer_member_id: thread.writerMemberId,
      started_by: thread.startedBy,
      writer_anonymous: thread.writerAnonymous,
      writer_alias: thread.writerAlias,
    })
    .onConflict((conflict) =>
      subjectId === null
        ? conflict.columns(['group_id', 'writer_member_id']).where('subject_id', 'is', null).doNothing()
        : conflict.column('subject_id').where('subject_id', 'is not', null).doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
  if (inserted) return inserted;
  let existing = trx.selectFrom('outreach_threads').selectAll();
  existing =
    subjectId === null
      ? existing.where('group_id', '=', thread.groupId).where('writer_member_id', '=', thread.writerMemberId).where('subject_id', 'is', null)
      : existing.where('subject_id', '=', subjectId);
  return existing.executeTakeFirstOrThrow();
}

export async function insertMessage(
  trx: HearthDb,
  message: { threadId: string; from: OutreachSide; senderMemberId: string | null; body: string; crisis: boolean },
): Promise<OutreachMessageRow> {
  const row = await trx
    .insertInto('outreach_messages')
    .values({ thread_id: message.threadId, from_side: message.from, sender_member_id: message.senderMemberId, body: message.body, crisis: message.crisis })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx.updateTable('outreach_threads').set({ last_message_at: row.created_at }).where('id', '=', message.threadId).execute();
  return row;
}

export async function findMessagesByIds(db: HearthDb, ids: readonly string[]): Promise<OutreachMessageRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('outreach_messages').selectAll().where('id', 'in', [...ids]).execute();
}

/**
 * A page of the viewer's threads, latest message first: those they are the writer of, those of the groups they
 * facilitate (the standing rule's SQL), and every thread of the institution they administer. The cursor is the id
 * of the last thread seen; its sort key is read back here so no timestamp travels in a cursor.
 */
export async function findViewerThreadPage(db: HearthDb, viewer: Viewer, after: string | null, limit: number): Promise<OutreachThreadRow[]> {
  if (viewer.kind !== 'member') return [];
  const memberId = viewer.member.id;
  let query = db
    .selectFrom('outreach_threads as t')
    .selectAll('t')
    .where('t.institution_id', '=', viewer.member.institution_id)
    .where((eb) =>
      eb.or([
        eb('t.writer_member_id', '=', memberId),
        eb.exists(
          eb
            .selectFrom('memberships as m')
            .select(sql.lit(1).as('one'))
            .whereRef('m.group_id', '=', 't.group_id')
            .where('m.member_id', '=', memberId)
            .where(facilitatorMembershipSql('m')),
        ),
        managedByViewerSql(viewer, 't.institution_id'),
      ]),
    );
  if (after !== null) {
    query = query.where(
      sql<boolean>`(t.last_message_at, t.id) < (select last_message_at, id from outreach_threads where id = ${after}::uuid)`,
    );
  }
  return query.orderBy('t.last_message_at', 'desc').orderBy('t.id', 'desc').limit(limit).execute();
}

/** Pages of messages for many threads in one statement, oldest first; the cursor is the last message's id. */
export async function findMessagePages(db: HearthDb, threadIds: readonly string[], after: string | null, limit: number): Promise<OutreachMessageRow[]> {
  if (threadIds.length === 0) return [];
  const result = await sql<OutreachMessageRow>`
    select page.* from unnest(${sql.val([...threadIds])}::uuid[]) as wanted(thread_id)
    cross join lateral (
      select msg.* from outreach_messages msg
      where msg.thread_id = wanted.thread_id
        ${after === null ? sql`` : sql`and (msg.created_at, msg.id) > (select created_at, id from outreach_messages where id = ${after}::uuid)`}
      order by msg.created_at, msg.id
      limit ${limit}
    ) page`.execute(db);
  return result.rows;
}

/** How a member appears in a group (for a facilitator's or a named writer's senderName), by member id. */
export interface GroupNameRow {
  member_id: string;
  display_name: string;
  pseudonym: string | null;
  appearance: AppearanceKind | null;
}

export async function findGroupNames(db: HearthDb, groupId: string, memberIds: readonly string[]): Promise<GroupNameRow[]> {
  if (memberIds.length === 0) return [];
  return db
    .selectFrom('members as mem')
    .leftJoin('memberships as m', (join) => join.onRef('m.member_id', '=', 'mem.id').on('m.group_id', '=', groupId))
    .select(['mem.id as member_id', 'mem.display_name', 'm.pseudonym', 'm.appearance'])
    .where('mem.id', 'in', [...memberIds])
    .execute();
}
