import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { HearthDb } from '../../db/database.js';
import type { Facilitation, GroupFormat, GroupRow, HearthDatabase, JoinPolicy, MembershipStatus } from '../../db/tables.js';
import { groupColumns } from '../groups/group.queries.js';
import { holdsSeatSql } from '../memberships/membership-standing.queries.js';
import type { ListingScope } from './discovery.rules.js';

/**
 * How close a misspelt query must come to one of a group's words (name and topics), as pg_trgm's
 * `strict_word_similarity`. Tuned on the demo's vocabulary: "dibetes" → "diabetes" scores 0.55, "canser" →
 * "cancer" 0.40, "postpartm" → "postpartum" 0.62, while unrelated short words stay at or below 0.33 ("care" →
 * "caregivers", "cat" → "cancer" 0.22, "diet" → "diabetes" 0.17). Whole-word similarity rather than
 * `word_similarity`, which matches any stretch of text and lets "diet" reach 0.4 against "diabetes".
 */
export const fuzzyMatchThreshold = 0.4;

/** A listing request, already authorized (`scope`) and validated. Lists are empty or absent when not filtered on. */
export interface GroupListing {
  institutionId: string;
  scope: ListingScope;
  topics: string[];
  /** Lowercase language tags; "ar" also finds groups in "ar-EG". */
  languages: string[];
  facilitation: Facilitation | null;
  formats: GroupFormat[];
  joinPolicies: JoinPolicy[];
  acceptingMembers: boolean | null;
  /**
   * Only groups where the viewer's own membership has one of these statuses ("My groups"); `memberId` is null for
   * a viewer with no membership in this institution (a guest, a service token), who then gets none.
   */
  viewerMembership: { memberId: string | null; statuses: MembershipStatus[] } | null;
  limit: number;
}

export interface ListedGroupRow extends GroupRow {
  /** Relevance as the database sorts it (a numeric; drivers hand it back differently). */
  relevance: unknown;
  /** The same relevance as an exact decimal string (rounded in SQL), which survives a round trip through a cursor. */
  score: string;
}

type GroupsExpressions = ExpressionBuilder<HearthDatabase, 'groups'>;

/**
 * Which groups the viewer may find, in SQL so that a page is always full: PUBLIC groups; PRIVATE ones where the
 * viewer holds a membership (the same rule as `RequestAccess.canSeeGroup`); everything for the tenant's managers.
 * UNLISTED groups are never listed for anyone else: they open by direct link only. Archived groups are not listed.
 */
function visibleIn(eb: GroupsExpressions, listing: GroupListing): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [eb('groups.institution_id', '=', listing.institutionId), eb('groups.archived_at', 'is', null)];
  const scope = listing.scope;
  if (scope.kind === 'public') conditions.push(eb('groups.visibility', '=', 'PUBLIC'));
  if (scope.kind === 'publicAndJoined') {
    conditions.push(
      eb.or([
        eb('groups.visibility', '=', 'PUBLIC'),
        eb.and([
          // An unlisted group opens by link only, except in the viewer's own list of their groups: they know it.
          listing.viewerMembership ? eb('groups.visibility', 'in', ['PRIVATE', 'UNLISTED']) : eb('groups.visibility', '=', 'PRIVATE'),
          eb.exists(
            eb
              .selectFrom('memberships')
              .select(sql`1`.as('one'))
              .whereRef('memberships.group_id', '=', 'groups.id')
              .where('memberships.member_id', '=', scope.memberId)
              .where('memberships.status', 'not in', ['BANNED', 'REJECTED']),
          ),
        ]),
      ]),
    );
  }
  return eb.and(conditions);
}

/** The facet filters: each list matches any of its items; different filters must all match. */
function matchesFilters(eb: GroupsExpressions, listing: GroupListing): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (listing.topics.length > 0) {
    conditions.push(sql<SqlBool>`exists (
      select 1 from unnest(groups.topics) as topic(name)
      where hearth_search_normalize(topic.name) in (select hearth_search_normalize(wanted) from unnest(${listing.topics}::text[]) as wanted)
    )`);
  }
  if (listing.languages.length > 0) {
    conditions.push(sql<SqlBool>`exists (
      select 1 from unnest(groups.languages) as language(tag)
      where lower(language.tag) = any(${listing.languages}::text[]) or split_part(lower(language.tag), '-', 1) = any(${listing.languages}::text[])
    )`);
  }
  if (listing.viewerMembership) {
    const { memberId, statuses } = listing.viewerMembership;
    conditions.push(
      memberId === null
        ? sql<SqlBool>`false`
        : eb.exists(
            eb
              .selectFrom('memberships')
              .select(sql`1`.as('one'))
              .whereRef('memberships.group_id', '=', 'groups.id')
              .where('memberships.member_id', '=', memberId)
              .where('memberships.status', 'in', statuses),
          ),
    );
  }
  if (listing.facilitation) conditions.push(eb('groups.facilitation', '=', listing.facilitation));
  if (listing.formats.length > 0) conditions.push(sql<SqlBool>`groups.formats && ${listing.formats}::text[]`);
  if (listing.joinPolicies.length > 0) conditions.push(eb('groups.join_policy', 'in', listing.joinPolicies));
  if (listing.acceptingMembers !== null) {
    // Seats as `countSeatsTaken` counts them: active and suspended members keep a seat.
    const hasSeat = sql<SqlBool>`(groups.capacity is null or (
      select count(*) from memberships
      where memberships.group_id = groups.id and ${holdsSeatSql('memberships')}
    ) < groups.capacity)`;
    conditions.push(listing.acceptingMembers ? hasSeat : eb.not(hasSeat));
  }
  return eb.and(conditions);
}

/** Groups in name order (then id), starting after `after`; `listing.limit` rows at most. */
export async function findListedGroupsByName(
  db: HearthDb,
  listing: GroupListing,
  after: { name: string; id: string } | null,
): Promise<GroupRow[]> {
  return db
    .selectFrom('groups')
    .select(groupColumns)
    .where((eb) => visibleIn(eb, listing))
    .where((eb) => matchesFilters(eb, listing))
    .$if(after !== null, (query) => query.where(sql<SqlBool>`(groups.name, groups.id) > (${after!.name}, ${after!.id}::uuid)`))
    .orderBy('groups.name')
    .orderBy('groups.id')
    .limit(listing.limit)
    .execute();
}

/**
 * Groups matching `text`, most relevant first (then id), starting after `after`. A group matches when its search
 * document matches the query in any of the three text-search configurations (stemmed English and Arabic, plus
 * `simple` for names and words neither stemmer knows), or when the query is close to one of its words (typos).
 * The query is folded with `hearth_search_normalize`, as the stored columns are, so Arabic spelling variants meet.
 * Relevance adds `ts_rank` (name beats topics beats description) to the trigram similarity.
 */
export async function findListedGroupsByRelevance(
  db: HearthDb,
  listing: GroupListing,
  text: string,
  after: { score: string; id: string } | null,
): Promise<ListedGroupRow[]> {
  return db
    .with('search', (qb) =>
      qb.selectNoFrom([sql<string>`hearth_search_normalize(${text})`.as('words')]),
    )
    .with('search_query', (qb) =>
      qb.selectFrom('search').select([
        'search.words',
        sql<unknown>`websearch_to_tsquery('simple', search.words) || websearch_to_tsquery('english', search.words) || websearch_to_tsquery('arabic', search.words)`.as('query'),
      ]),
    )
    .with('ranked', (qb) =>
      qb
        .selectFrom(['groups', 'search_query'])
        .select(groupColumns)
        .select(
          sql<string>`round((ts_rank(groups.search_document, search_query.query) + strict_word_similarity(search_query.words, groups.search_words))::numeric, 6)`.as('relevance'),
        )
        .where((eb) => visibleIn(eb as unknown as GroupsExpressions, listing))
        .where((eb) => matchesFilters(eb as unknown as GroupsExpressions, listing))
        .where(
          sql<SqlBool>`(groups.search_document @@ search_query.query or strict_word_similarity(search_query.words, groups.search_words) >= ${fuzzyMatchThreshold})`,
        ),
    )
    .selectFrom('ranked')
    .selectAll()
    // As text: drivers differ in how they hand back numerics, and the cursor needs the exact value.
    .select(sql<string>`ranked.relevance::text`.as('score'))
    .$if(after !== null, (query) =>
      query.where(
        sql<SqlBool>`(ranked.relevance < ${after!.score}::numeric or (ranked.relevance = ${after!.score}::numeric and ranked.id > ${after!.id}::uuid))`,
      ),
    )
    .orderBy('ranked.relevance', 'desc')
    .orderBy('ranked.id')
    .limit(listing.limit)
    .execute() as Promise<ListedGroupRow[]>;
}
