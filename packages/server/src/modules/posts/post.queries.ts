import { sql, type RawBuilder } from 'kysely';
import type { HearthDb } from '../../db/database.js';
import type { AppearanceKind, ContentStatus, CrisisVisibility, PostRow, SubjectType } from '../../db/tables.js';
import { holdsSeatSql } from '../memberships/membership-standing.queries.js';

/**
 * Posts as the API reads them: the row, the parts its author's name is made of (their pseudonym in the post's
 * group, their display name, their thread alias when anonymous) and the count of published replies, all in the
 * statement that finds the posts, so a feed page costs one statement however long it is.
 *
 * The author parts never leave the server as such: `authorNameOf` (author-names.ts) turns them into the one
 * name a reader may see.
 */
export interface PostRecord extends PostRow {
  author_pseudonym: string | null;
  author_appearance: AppearanceKind | null;
  author_display_name: string;
  author_alias: number | null;
  reply_count: number;
}

/** A post record with the key it was ordered by, for its cursor. */
export type PostPageRecord = PostRecord & { page_key: string; sort_time: Date; pinned: boolean };

/**
 * Content timestamps are kept to the whole second (see migration 0004): a sub-second instant shared with another
 * record could link an anonymous post to its author. Every write goes through this expression.
 */
export const wholeSecondNow = sql<Date>`date_trunc('second', now())`;

/**
 * A published item every reader of the group sees: the SQL half of crisis-visibility.ts (an item its writer kept
 * to the facilitators is not one). Counts and "has answers" use it too, so a kept reply is not given away by a count.
 */
export function seenByPeers(ref: string): RawBuilder<boolean> {
  const item = sql.raw(ref);
  return sql<boolean>`(${item}.status = 'PUBLISHED' and ${item}.crisis_visibility <> 'FACILITATORS_ONLY')`;
}

/** Columns of a post record, for a query whose posts are `p`. */
export const postRecordColumns = sql`
  p.*,
  author_membership.pseudonym as author_pseudonym,
  author_membership.appearance as author_appearance,
  author.display_name as author_display_name,
  author_alias.alias_number as author_alias,
  (select count(*)::int from replies counted where counted.post_id = p.id and ${seenByPeers('counted')}) as reply_count`;

/** Joins that `postRecordColumns` reads. */
export const postRecordJoins = sql`
  join members author on author.id = p.author_id
  left join memberships author_membership on author_membership.group_id = p.group_id and author_membership.member_id = p.author_id
  left join thread_aliases author_alias on p.anonymous and author_alias.post_id = p.id and author_alias.member_id = p.author_id`;

export async function findPostRecords(db: HearthDb, ids: readonly string[]): Promise<PostRecord[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<PostRecord>`
    select ${postRecordColumns} from posts p ${postRecordJoins}
    where p.id = any(${[...ids]}::uuid[])`.execute(db);
  return rows;
}

/**
 * Who reads a list: which groups they moderate (they see held, hidden and removed items there) and who they are
 * (an author sees their own held items). Passed per parent as SQL arrays so one statement serves many groups.
 */
export interface ListReader {
  memberId: string | null;
}

/**
 * The visibility rule of post.rules.ts (itemVisible), in SQL, for items aliased `item` of a group where the reader
 * moderates when `moderates` is true. Deleted items (and removed ones, for those who don't moderate) stay in a
 * list only as tombstones that keep published replies readable; with none, they leave the list.
 */
export function visibleInList(item: 'p' | 'r', moderates: RawBuilder<boolean>, reader: ListReader): RawBuilder<boolean> {
  const ref = sql.raw(item);
  const hasPublishedReplies =
    item === 'p'
      ? sql`exists (select 1 from replies answer where answer.post_id = p.id and ${seenByPeers('answer')})`
      : sql`exists (select 1 from replies answer where answer.parent_reply_id = r.id and ${seenByPeers('answer')})`;
  return sql<boolean>`(
    ${seenByPeers(item)}
    or ((${ref}.status = 'PENDING_REVIEW' or ${ref}.status = 'PUBLISHED') and (${moderates} or ${ref}.author_id = ${reader.memberId}::uuid))
    or (${ref}.status = 'HIDDEN' and ${moderates})
    or (${ref}.status = 'REMOVED' and (${moderates} or ${hasPublishedReplies}))
    or (${ref}.status = 'DELETED' and ${hasPublishedReplies})
  )`;
}

export type PostOrder = 'NEWEST' | 'LATEST_ACTIVITY';

/** Where a feed page starts: after the post with this key (pinned posts first, then by the order's time). */
export interface FeedCursor {
  pinned: boolean;
  time: Date;
  id: string;
}

export interface FeedPageQuery {
  /** One page per group; `moderates` says whether the reader moderates that group. */
  groups: ReadonlyArray<{ id: string; moderates: boolean }>;
  order: PostOrder;
  after: FeedCursor | null;
  /** Rows per group, counting the extra one that tells whether another page follows. */
  limit: number;
  reader: ListReader;
}

/**
 * One feed page per group in one statement: pinned posts first, then the rest, each newest first by creation or
 * by latest activity. Each group's page is two index scans (pinned, unpinned) under a LATERAL join, so a page
 * reads about `limit` rows whatever the size of the group.
 */
export async function findFeedPages(db: HearthDb, query: FeedPageQuery): Promise<PostPageRecord[]> {
  if (query.groups.length === 0 || query.limit <= 0) return [];
  const column = sql.raw(query.order === 'NEWEST' ? 'created_at' : 'last_activity_at');
  const { after, limit, reader } = query;
  const moderates = sql<boolean>`g.moderates`;
  const visible = visibleInList('p', moderates, reader);
  // The pinned segment comes first: a cursor in it continues there then takes the whole unpinned segment; a
  // cursor in the unpinned segment skips the pinned one.
  const pinnedAfter = after === null ? sql`true` : after.pinned ? sql`(p.${column}, p.id) < (${after.time}, ${after.id}::uuid)` : sql`false`;
  const unpinnedAfter = after === null || after.pinned ? sql`true` : sql`(p.${column}, p.id) < (${after.time}, ${after.id}::uuid)`;
  const { rows } = await sql<PostPageRecord>`
    with page as (
      select g.group_id, g.position, segment.id, segment.pinned, segment.sort_time
      from unnest(${query.groups.map((group) => group.id)}::uuid[], ${query.groups.map((group) => group.moderates)}::boolean[])
        with ordinality as g(group_id, moderates, position)
      cross join lateral (
        (select p.id, true as pinned, p.${column} as sort_time from posts p
          where p.group_id = g.group_id and p.pinned_at is not null and ${visible} and ${pinnedAfter}
          order by p.${column} desc, p.id desc limit ${limit})
        union all
        (select p.id, false as pinned, p.${column} as sort_time from posts p
          where p.group_id = g.group_id and p.pinned_at is null and ${visible} and ${unpinnedAfter}
          order by p.${column} desc, p.id desc limit ${limit})
      ) segment
    ),
    ranked as (
      select page.*, row_number() over (partition by page.group_id order by page.pinned desc, page.sort_time desc, page.id desc) as rank
      from page
    )
    select ${postRecordColumns}, ranked.group_id as page_key, ranked.sort_time, ranked.pinned
    from ranked join posts p on p.id = ranked.id ${postRecordJoins}
    where ranked.rank <= ${limit}
    order by ranked.position, ranked.rank`.execute(db);
  return rows;
}

export interface TimeCursor {
  time: Date;
  id: string;
}

/**
 * "Who is still waiting": published, unlocked posts that nobody but their author has answered, oldest first, one
 * page per group in one statement. "Their author" means a reply that shows as theirs (the same name, or the same
 * alias); a reply the writer sent under another face counts as an answer, so the list confirms nothing.
 */
export async function findUnansweredPages(
  db: HearthDb,
  query: { groupIds: readonly string[]; after: TimeCursor | null; limit: number },
): Promise<PostPageRecord[]> {
  if (query.groupIds.length === 0 || query.limit <= 0) return [];
  const { after, limit } = query;
  const afterCondition = after === null ? sql`true` : sql`(p.created_at, p.id) > (${after.time}, ${after.id}::uuid)`;
  const { rows } = await sql<PostPageRecord>`
    with page as (
      select g.group_id, g.position, waiting.id, waiting.created_at as sort_time,
        row_number() over (partition by g.group_id order by waiting.created_at, waiting.id) as rank
      from unnest(${[...query.groupIds]}::uuid[]) with ordinality as g(group_id, position)
      cross join lateral (
        select p.id, p.created_at from posts p
        where p.group_id = g.group_id and ${seenByPeers('p')} and p.locked_at is null and ${afterCondition}
          and not exists (
            select 1 from replies answer
            -- An answer is any published reply except one that visibly comes from the post's writer (same name, or
            -- the same thread alias). A named reply by an anonymous post's writer counts like anyone's: leaving the
            -- post listed as waiting would confirm that the named reply is the writer's.
            where answer.post_id = p.id and ${seenByPeers('answer')}
              and not (answer.author_id = p.author_id and answer.anonymous = p.anonymous)
          )
        order by p.created_at, p.id limit ${limit}
      ) waiting
    )
    select ${postRecordColumns}, page.group_id as page_key, page.sort_time, false as pinned
    from page join posts p on p.id = page.id ${postRecordJoins}
    order by page.position, page.rank`.execute(db);
  return rows;
}

/**
 * A member's own posts, newest first, in the groups whose posts they may still read (their membership there is
 * active or suspended). Held posts are included: the author sees them as pending. One page per member.
 */
export async function findOwnPostPages(
  db: HearthDb,
  query: { memberIds: readonly string[]; after: TimeCursor | null; limit: number },
): Promise<PostPageRecord[]> {
  if (query.memberIds.length === 0 || query.limit <= 0) return [];
  const { after, limit } = query;
  const afterCondition = after === null ? sql`true` : sql`(p.created_at, p.id) < (${after.time}, ${after.id}::uuid)`;
  const { rows } = await sql<PostPageRecord>`
    with page as (
      select m.member_id, m.position, own.id, own.created_at as sort_time,
        row_number() over (partition by m.member_id order by own.created_at desc, own.id desc) as rank
      from unnest(${[...query.memberIds]}::uuid[]) with ordinality as m(member_id, position)
      cross join lateral (
        select p.id, p.created_at from posts p
        where p.author_id = m.member_id and p.status in ('PUBLISHED', 'PENDING_REVIEW') and ${afterCondition}
          and exists (
            select 1 from memberships reading
            where reading.group_id = p.group_id and reading.member_id = m.member_id and ${holdsSeatSql('reading')}
          )
        order by p.created_at desc, p.id desc limit ${limit}
      ) own
    )
    select ${postRecordColumns}, page.member_id as page_key, page.sort_time, false as pinned
    from page join posts p on p.id = page.id ${postRecordJoins}
    order by page.position, page.rank`.execute(db);
  return rows;
}

export interface NewPost {
  institutionId: string;
  groupId: string;
  authorId: string;
  anonymous: boolean;
  title: string;
  body: string;
  contentWarning: string | null;
  status: ContentStatus;
  crisis: boolean;
}

export async function insertPost(trx: HearthDb, post: NewPost): Promise<PostRow> {
  return trx
    .insertInto('posts')
    .values({
      institution_id: post.institutionId,
      group_id: post.groupId,
      author_id: post.authorId,
      anonymous: post.anonymous,
      title: post.title,
      body: post.body,
      content_warning: post.contentWarning,
      status: post.status,
      crisis: post.crisis,
      created_at: wholeSecondNow,
      last_activity_at: wholeSecondNow,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Locks a post for the rest of the transaction: replies, edits and deletion of one thread queue behind it. */
export async function lockPost(trx: HearthDb, id: string): Promise<PostRow | undefined> {
  return trx.selectFrom('posts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The writer's choice for their post or reply in crisis (crisis-visibility.ts). */
export async function updateCrisisVisibility(db: HearthDb, subject: { type: SubjectType; id: string }, visibility: CrisisVisibility): Promise<void> {
  if (subject.type === 'POST') await db.updateTable('posts').set({ crisis_visibility: visibility }).where('id', '=', subject.id).execute();
  else await db.updateTable('replies').set({ crisis_visibility: visibility }).where('id', '=', subject.id).execute();
}

export async function updatePostContent(
  trx: HearthDb,
  id: string,
  content: { title: string; body: string; contentWarning: string | null; status: ContentStatus; crisis: boolean },
): Promise<void> {
  await trx
    .updateTable('posts')
    .set({
      title: content.title,
      body: content.body,
      content_warning: content.contentWarning,
      status: content.status,
      crisis: content.crisis,
      edited_at: wholeSecondNow,
    })
    .where('id', '=', id)
    .execute();
}

export async function markPostDeleted(trx: HearthDb, id: string): Promise<void> {
  await trx.updateTable('posts').set({ status: 'DELETED', deleted_at: wholeSecondNow }).where('id', '=', id).execute();
}

/** A published reply is activity: the thread moves up the "latest activity" feed. */
export async function bumpPostActivity(trx: HearthDb, id: string): Promise<void> {
  await trx.updateTable('posts').set({ last_activity_at: wholeSecondNow }).where('id', '=', id).execute();
}

export interface ContentEditRecord {
  subject_id: string;
  previous_title: string | null;
  previous_body: string;
  previous_content_warning: string | null;
  edited_at: Date;
}

/** Keeps the version an edit replaces: facilitators read the history. */
export async function insertContentEdit(
  trx: HearthDb,
  edit: { institutionId: string; subjectType: SubjectType; subjectId: string; title: string | null; body: string; contentWarning: string | null },
): Promise<void> {
  await trx
    .insertInto('content_edits')
    .values({
      institution_id: edit.institutionId,
      subject_type: edit.subjectType,
      subject_id: edit.subjectId,
      previous_title: edit.title,
      previous_body: edit.body,
      previous_content_warning: edit.contentWarning,
      // The exact moment, so two edits within a second keep their order; the API shows it to the second.
      edited_at: sql<Date>`clock_timestamp()`,
    })
    .execute();
}

/** Earlier versions of many items, oldest first, in one statement. */
export async function findContentEdits(db: HearthDb, subjectIds: readonly string[]): Promise<ContentEditRecord[]> {
  if (subjectIds.length === 0) return [];
  return db
    .selectFrom('content_edits')
    .select(['subject_id', 'previous_title', 'previous_body', 'previous_content_warning', 'edited_at'])
    .where('subject_id', 'in', subjectIds)
    .orderBy('subject_id')
    .orderBy('edited_at')
    .orderBy('id')
    .execute();
}
