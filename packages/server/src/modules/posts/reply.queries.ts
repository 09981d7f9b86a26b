import { sql } from 'kysely';
import type { HearthDb } from '../../db/database.js';
import type { AppearanceKind, ContentStatus, CrisisVisibility, ReplyRow } from '../../db/tables.js';
import { holdsSeatSql } from '../memberships/membership-standing.queries.js';
import { seenByPeers, visibleInList, wholeSecondNow, type ListReader, type TimeCursor } from './post.queries.js';

/**
 * Replies as the API reads them: the row, its author's name parts (see PostRecord), and what the reply's
 * visibility depends on in its thread (the post's status and author), all from the statement that finds them.
 */
export interface ReplyRecord extends ReplyRow {
  author_pseudonym: string | null;
  author_appearance: AppearanceKind | null;
  author_display_name: string;
  author_alias: number | null;
  post_status: ContentStatus;
  post_author_id: string;
  post_crisis_visibility: CrisisVisibility;
  post_locked_at: Date | null;
}

export type ReplyPageRecord = ReplyRecord & { page_key: string; sort_time: Date };

const replyRecordColumns = sql`
  r.*,
  author_membership.pseudonym as author_pseudonym,
  author_membership.appearance as author_appearance,
  author.display_name as author_display_name,
  author_alias.alias_number as author_alias,
  thread.status as post_status,
  thread.author_id as post_author_id,
  thread.crisis_visibility as post_crisis_visibility,
  thread.locked_at as post_locked_at`;

const replyRecordJoins = sql`
  join posts thread on thread.id = r.post_id
  join members author on author.id = r.author_id
  left join memberships author_membership on author_membership.group_id = r.group_id and author_membership.member_id = r.author_id
  left join thread_aliases author_alias on r.anonymous and author_alias.post_id = r.post_id and author_alias.member_id = r.author_id`;

export async function findReplyRecords(db: HearthDb, ids: readonly string[]): Promise<ReplyRecord[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<ReplyRecord>`
    select ${replyRecordColumns} from replies r ${replyRecordJoins}
    where r.id = any(${[...ids]}::uuid[])`.execute(db);
  return rows;
}

export interface ReplyPageQuery {
  /** Posts (top-level replies) or top-level replies (their answers); `moderates` as in FeedPageQuery. */
  parents: ReadonlyArray<{ id: string; moderates: boolean }>;
  level: 'top' | 'answers';
  after: TimeCursor | null;
  limit: number;
  reader: ListReader;
}

/**
 * One page of replies per parent in one statement, oldest first so a conversation reads in order: the top-level
 * replies of many posts, or the answers under many top-level replies.
 */
export async function findReplyPages(db: HearthDb, query: ReplyPageQuery): Promise<ReplyPageRecord[]> {
  if (query.parents.length === 0 || query.limit <= 0) return [];
  const { after, limit, reader } = query;
  const belongs = query.level === 'top' ? sql`r.post_id = parent.id and r.parent_reply_id is null` : sql`r.parent_reply_id = parent.id`;
  const afterCondition = after === null ? sql`true` : sql`(r.created_at, r.id) > (${after.time}, ${after.id}::uuid)`;
  const { rows } = await sql<ReplyPageRecord>`
    with page as (
      select parent.id as parent_id, parent.position, found.id, found.created_at as sort_time,
        row_number() over (partition by parent.id order by found.created_at, found.id) as rank
      from unnest(${query.parents.map((parent) => parent.id)}::uuid[], ${query.parents.map((parent) => parent.moderates)}::boolean[])
        with ordinality as parent(id, moderates, position)
      cross join lateral (
        select r.id, r.created_at from replies r
        where ${belongs} and ${visibleInList('r', sql<boolean>`parent.moderates`, reader)} and ${afterCondition}
        order by r.created_at, r.id limit ${limit}
      ) found
    )
    select ${replyRecordColumns}, page.parent_id as page_key, page.sort_time
    from page join replies r on r.id = page.id ${replyRecordJoins}
    order by page.position, page.rank`.execute(db);
  return rows;
}

/**
 * Published replies by others to the member's posts (anonymous ones included: they are the author), newest first,
 * in groups whose posts the member may still read. One page per member.
 */
export async function findRepliesToOwnPosts(
  db: HearthDb,
  query: { memberId: string; after: TimeCursor | null; limit: number },
): Promise<ReplyPageRecord[]> {
  if (query.limit <= 0) return [];
  const { after, limit, memberId } = query;
  const afterCondition = after === null ? sql`true` : sql`(r.created_at, r.id) < (${after.time}, ${after.id}::uuid)`;
  const { rows } = await sql<ReplyPageRecord>`
    select ${replyRecordColumns}, ${memberId}::text as page_key, r.created_at as sort_time
    from replies r ${replyRecordJoins}
    where thread.author_id = ${memberId}::uuid and r.author_id <> ${memberId}::uuid and ${seenByPeers('r')}
      and thread.status in ('PUBLISHED', 'PENDING_REVIEW') and ${afterCondition}
      and exists (
        select 1 from memberships reading
        where reading.group_id = r.group_id and reading.member_id = ${memberId}::uuid and ${holdsSeatSql('reading')}
      )
    order by r.created_at desc, r.id desc
    limit ${limit}`.execute(db);
  return rows;
}

export interface NewReply {
  institutionId: string;
  groupId: string;
  postId: string;
  parentReplyId: string | null;
  authorId: string;
  anonymous: boolean;
  body: string;
  contentWarning: string | null;
  status: ContentStatus;
  crisis: boolean;
}

export async function insertReply(trx: HearthDb, reply: NewReply): Promise<ReplyRow> {
  return trx
    .insertInto('replies')
    .values({
      institution_id: reply.institutionId,
      group_id: reply.groupId,
      post_id: reply.postId,
      parent_reply_id: reply.parentReplyId,
      author_id: reply.authorId,
      anonymous: reply.anonymous,
      body: reply.body,
      content_warning: reply.contentWarning,
      status: reply.status,
      crisis: reply.crisis,
      created_at: wholeSecondNow,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function lockReply(trx: HearthDb, id: string): Promise<ReplyRow | undefined> {
  return trx.selectFrom('replies').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateReplyContent(
  trx: HearthDb,
  id: string,
  content: { body: string; contentWarning: string | null; status: ContentStatus; crisis: boolean },
): Promise<void> {
  await trx
    .updateTable('replies')
    .set({ body: content.body, content_warning: content.contentWarning, status: content.status, crisis: content.crisis, edited_at: wholeSecondNow })
    .where('id', '=', id)
    .execute();
}

export async function markReplyDeleted(trx: HearthDb, id: string): Promise<void> {
  await trx.updateTable('replies').set({ status: 'DELETED', deleted_at: wholeSecondNow }).where('id', '=', id).execute();
}

/**
 * The member's alias in a thread ("Anonymous 3"): the one they have, or the next number. Call with the post
 * locked (lockPost), so two first-time anonymous participants can't take the same number.
 */
export async function threadAliasFor(trx: HearthDb, postId: string, memberId: string): Promise<number> {
  const existing = await trx
    .selectFrom('thread_aliases')
    .select('alias_number')
    .where('post_id', '=', postId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  if (existing) return existing.alias_number;
  const created = await trx
    .insertInto('thread_aliases')
    .values((eb) => ({
      post_id: postId,
      member_id: memberId,
      alias_number: eb
        .selectFrom('thread_aliases')
        .select(sql<number>`coalesce(max(alias_number), 0) + 1`.as('next'))
        .where('post_id', '=', postId),
    }))
    .returning('alias_number')
    .executeTakeFirstOrThrow();
  return created.alias_number;
}
