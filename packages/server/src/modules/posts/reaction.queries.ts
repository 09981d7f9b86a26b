import { sql } from 'kysely';
import type { HearthDb } from '../../db/database.js';
import type { AppearanceKind, ReactionKind, SubjectType } from '../../db/tables.js';

export interface ReactionTally {
  subject_id: string;
  kind: ReactionKind;
  count: number;
  /** True when the reader is among those who reacted with this kind. */
  by_reader: boolean;
}

/** Counts per kind for many posts and replies, and which kinds the reader gave, in one statement. */
export async function findReactionTallies(db: HearthDb, subjectIds: readonly string[], readerId: string | null): Promise<ReactionTally[]> {
  if (subjectIds.length === 0) return [];
  const { rows } = await sql<ReactionTally>`
    select subject_id, kind, count(*)::int as count, coalesce(bool_or(member_id = ${readerId}::uuid), false) as by_reader
    from reactions
    where subject_id = any(${[...subjectIds]}::uuid[])
    group by subject_id, kind`.execute(db);
  return rows;
}

export interface ReactorRecord {
  subject_id: string;
  kind: ReactionKind;
  member_id: string;
  pseudonym: string | null;
  appearance: AppearanceKind | null;
  display_name: string;
  /** True when the reactor shows under their thread alias (see findReactors); `alias_number` is then theirs. */
  under_alias: boolean;
  alias_number: number | null;
}

/**
 * Who reacted to many items (at most `limit` per item and kind, earliest first), with the name parts of each
 * person in the item's group, in one statement. A reactor shows under their thread alias when they are the
 * anonymous author of the item itself, or the anonymous writer of the thread's post reacting anywhere in their
 * thread: thanking the people who answered, under a name, would tell the thread who wrote the post.
 */
export async function findReactors(
  db: HearthDb,
  query: { items: ReadonlyArray<{ id: string; postId: string; anonymousAuthorId: string | null }>; kind: ReactionKind | null; limit: number },
): Promise<ReactorRecord[]> {
  if (query.items.length === 0) return [];
  const { rows } = await sql<ReactorRecord>`
    with items as (
      select * from unnest(
        ${query.items.map((item) => item.id)}::uuid[],
        ${query.items.map((item) => item.postId)}::uuid[],
        ${query.items.map((item) => item.anonymousAuthorId)}::uuid[]
      ) as i(id, post_id, anonymous_author_id)
    ),
    ranked as (
      select reaction.subject_id, reaction.kind, reaction.member_id, reaction.group_id, items.post_id, items.anonymous_author_id,
        row_number() over (partition by reaction.subject_id, reaction.kind order by reaction.created_at, reaction.member_id) as rank,
        reaction.created_at
      from reactions reaction join items on items.id = reaction.subject_id
      where (${query.kind}::text is null or reaction.kind = ${query.kind}::text)
    )
    select ranked.subject_id, ranked.kind, ranked.member_id, membership.pseudonym, membership.appearance, member.display_name,
      coalesce(ranked.member_id = ranked.anonymous_author_id or (thread.anonymous and thread.author_id = ranked.member_id), false) as under_alias,
      alias.alias_number
    from ranked
    join posts thread on thread.id = ranked.post_id
    join members member on member.id = ranked.member_id
    left join memberships membership on membership.group_id = ranked.group_id and membership.member_id = ranked.member_id
    left join thread_aliases alias on alias.post_id = ranked.post_id and alias.member_id = ranked.member_id
    where ranked.rank <= ${query.limit}
    order by ranked.subject_id, ranked.kind, ranked.rank`.execute(db);
  return rows;
}

export async function insertReaction(
  db: HearthDb,
  reaction: { institutionId: string; groupId: string; subjectType: SubjectType; subjectId: string; memberId: string; kind: ReactionKind },
): Promise<void> {
  await db
    .insertInto('reactions')
    .values({
      institution_id: reaction.institutionId,
      group_id: reaction.groupId,
      subject_type: reaction.subjectType,
      subject_id: reaction.subjectId,
      member_id: reaction.memberId,
      kind: reaction.kind,
      created_at: sql<Date>`date_trunc('second', now())`,
    })
    .onConflict((conflict) => conflict.columns(['subject_id', 'member_id', 'kind']).doNothing())
    .execute();
}

export async function deleteReaction(db: HearthDb, reaction: { subjectId: string; memberId: string; kind: ReactionKind }): Promise<void> {
  await db
    .deleteFrom('reactions')
    .where('subject_id', '=', reaction.subjectId)
    .where('member_id', '=', reaction.memberId)
    .where('kind', '=', reaction.kind)
    .execute();
}
