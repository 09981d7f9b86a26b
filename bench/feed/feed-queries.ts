/**
 * The measured request, as each server spells it: the first page of a group's feed, newest first, each post with
 * its author's name (pseudonym, display name or thread alias), its published reply count, its reaction counts per
 * kind and its first three top-level replies (oldest first) with their authors' names, plus the page info a client
 * needs for the next page. The `author` profile itself is left out: Hearth shows it only to those allowed to see
 * the member's profile (null to a fellow member), a rule the peer has no way to express.
 *
 * The two documents ask for the same data; `summarizeFeed` reduces either answer to the same shape so the
 * benchmark can check, before measuring, that both servers did the same work.
 */

export const hearthFeedQuery = /* GraphQL */ `
  query GroupFeed($slug: String!, $first: Int!) {
    group(slug: $slug) {
      id
      name
      posts(first: $first) {
        edges {
          node {
            id
            title
            body
            contentWarning
            anonymous
            createdAt
            authorName
            replyCount
            reactionCounts { kind count }
            replies(first: 3) {
              edges { node { id body anonymous createdAt authorName } }
            }
          }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

/**
 * PostGraphile's side. Group by its unique (institution, slug) key, as Hearth finds it by slug within the
 * signed-in member's institution. The posts' order and the replies' filter (top level, published) are spelled out
 * because PostGraphile knows no feed semantics; `reactionCounts` is the computed column of postgraphile-schema.ts,
 * a plain list under the simplified inflection's `List` suffix, aliased to Hearth's name.
 */
export const postgraphileFeedQuery = /* GraphQL */ `
  query GroupFeed($institutionId: UUID!, $slug: String!, $first: Int!) {
    group: groupByInstitutionIdAndSlug(institutionId: $institutionId, slug: $slug) {
      id
      name
      posts(first: $first, orderBy: [CREATED_AT_DESC, ID_DESC], condition: { status: "PUBLISHED" }) {
        edges {
          node {
            id
            title
            body
            contentWarning
            anonymous
            createdAt
            authorName
            replyCount
            reactionCounts: reactionCountsList { kind count }
            replies(first: 3, orderBy: [CREATED_AT_ASC, ID_ASC], condition: { parentReplyId: null, status: "PUBLISHED" }) {
              edges { node { id body anonymous createdAt authorName } }
            }
          }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

/** One post of a feed page, reduced to what both servers must agree on. */
export interface FeedPostSummary {
  id: string;
  authorName: string;
  replyCount: number;
  /** "HUG 3, SUPPORT 5" — kinds with at least one reaction, by name. */
  reactionCounts: string;
  firstReplies: Array<{ id: string; authorName: string }>;
}

interface FeedAnswer {
  data?: {
    group?: {
      posts?: {
        edges?: Array<{
          node: {
            id: string;
            authorName: string;
            replyCount: number;
            reactionCounts: Array<{ kind: string; count: number }>;
            replies: { edges: Array<{ node: { id: string; authorName: string } }> };
          };
        }>;
      };
    } | null;
  };
  errors?: Array<{ message: string }>;
}

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The database id inside either server's id: PostGraphile's `id` is the uuid itself; Hearth's is a Relay global
 * id (base64 of "Type:uuid").
 */
export function databaseIdOf(id: string): string {
  const plain = uuidPattern.exec(id);
  if (plain && plain[0].length === id.length) return id.toLowerCase();
  const decoded = uuidPattern.exec(Buffer.from(id, 'base64').toString('utf8'));
  if (!decoded) throw new Error(`"${id}" holds no uuid`);
  return decoded[0].toLowerCase();
}

/** Reduces a feed answer of either server to its summary; throws with the server's errors if it has any. */
export function summarizeFeed(answer: unknown): FeedPostSummary[] {
  const { data, errors } = answer as FeedAnswer;
  if (errors?.length) throw new Error(`the feed query failed: ${errors.map((error) => error.message).join('; ')}`);
  const edges = data?.group?.posts?.edges;
  if (!edges) throw new Error(`the feed query returned no posts: ${JSON.stringify(answer).slice(0, 300)}`);
  return edges.map(({ node }) => ({
    id: databaseIdOf(node.id),
    authorName: node.authorName,
    replyCount: node.replyCount,
    reactionCounts: node.reactionCounts
      .filter((reaction) => reaction.count > 0)
      .map((reaction) => `${reaction.kind} ${reaction.count}`)
      .sort()
      .join(', '),
    firstReplies: node.replies.edges.map(({ node: reply }) => ({
      id: databaseIdOf(reply.id),
      authorName: reply.authorName,
    })),
  }));
}

/** The differences between two summaries of the same page, described for a person; empty when they agree. */
export function compareFeeds(hearth: FeedPostSummary[], peer: FeedPostSummary[]): string[] {
  const differences: string[] = [];
  if (hearth.length !== peer.length) differences.push(`Hearth returned ${hearth.length} posts, PostGraphile ${peer.length}`);
  for (let index = 0; index < Math.min(hearth.length, peer.length); index += 1) {
    const ours = hearth[index]!;
    const theirs = peer[index]!;
    const where = `post ${index + 1} (${ours.id})`;
    if (ours.id !== theirs.id) {
      differences.push(`post ${index + 1}: Hearth ${ours.id}, PostGraphile ${theirs.id}`);
      continue;
    }
    for (const field of ['authorName', 'replyCount', 'reactionCounts'] as const) {
      if (ours[field] !== theirs[field]) differences.push(`${where} ${field}: Hearth ${JSON.stringify(ours[field])}, PostGraphile ${JSON.stringify(theirs[field])}`);
    }
    const ourReplies = JSON.stringify(ours.firstReplies);
    const theirReplies = JSON.stringify(theirs.firstReplies);
    if (ourReplies !== theirReplies) differences.push(`${where} first replies: Hearth ${ourReplies}, PostGraphile ${theirReplies}`);
  }
  return differences;
}
