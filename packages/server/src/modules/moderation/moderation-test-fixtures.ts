import type { HearthDb } from '../../db/database.js';
import type { ContentStatus, GroupRow, MemberRow, PostRow, ReplyRow } from '../../db/tables.js';
import { openOrUpdateModerationCase } from './moderation-cases.queries.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';
export { globalId };

/**
 * Content and GraphQL documents shared by the moderation tests. Posts and replies are inserted directly, as the
 * posts module would store them, so these tests exercise moderation alone.
 */

export async function insertTestPost(
  db: HearthDb,
  group: GroupRow,
  author: MemberRow,
  options: { anonymous?: boolean; status?: ContentStatus; title?: string; aliasNumber?: number } = {},
): Promise<PostRow> {
  const post = await db
    .insertInto('posts')
    .values({
      institution_id: group.institution_id,
      group_id: group.id,
      author_id: author.id,
      anonymous: options.anonymous ?? false,
      title: options.title ?? 'A hard week',
      body: 'Some days are harder than others.',
      status: options.status ?? 'PUBLISHED',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (options.anonymous) {
    await db.insertInto('thread_aliases').values({ post_id: post.id, member_id: author.id, alias_number: options.aliasNumber ?? 1 }).execute();
  }
  return post;
}

export async function insertTestReply(
  db: HearthDb,
  post: PostRow,
  author: MemberRow,
  options: { anonymous?: boolean; status?: ContentStatus } = {},
): Promise<ReplyRow> {
  return db
    .insertInto('replies')
    .values({
      institution_id: post.institution_id,
      group_id: post.group_id,
      post_id: post.id,
      author_id: author.id,
      anonymous: options.anonymous ?? false,
      body: 'You are not alone.',
      status: options.status ?? 'PUBLISHED',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A post held for review with its case, as the content pipeline's pre-moderation stage leaves them. */
export async function insertHeldPost(db: HearthDb, group: GroupRow, author: MemberRow): Promise<{ post: PostRow; caseId: string }> {
  const post = await insertTestPost(db, group, author, { status: 'PENDING_REVIEW' });
  const moderationCase = await openOrUpdateModerationCase(db, {
    institutionId: group.institution_id,
    groupId: group.id,
    subjectType: 'POST',
    subjectId: post.id,
    heldForReview: true,
    reasons: ['FIRST_POSTS'],
  });
  return { post, caseId: moderationCase.id };
}

const resultFields = /* GraphQL */ `
  __typename
  ... on Error { message }
  ... on ValidationError { fields { path message } }
`;

export const reportMutation = /* GraphQL */ `
  mutation($input: ReportInput!) {
    report(input: $input) {
      ${resultFields}
      ... on RateLimitedError { retryAfterSeconds }
      ... on Report { id reason note status subjectType reporter { id } moderationItem { id crisis } subject { __typename id ... on Post { title status authorName author { id } } ... on Reply { status authorName author { id } } } }
    }
  }
`;

export const moderateMutation = /* GraphQL */ `
  mutation($input: ModerateInput!) {
    moderate(input: $input) {
      ${resultFields}
      ... on ModerationAction {
        id action reason subjectType byServiceToken suspendedUntil
        subject { __typename id ... on Post { title status authorName author { id } } ... on Reply { status authorName author { id } } }
        actor { id }
        targetMember { id }
        moderationItem { id status }
      }
    }
  }
`;

export const revealMutation = /* GraphQL */ `
  mutation($input: RevealAnonymousAuthorInput!) {
    revealAnonymousAuthor(input: $input) {
      ${resultFields}
      ... on RevealedAuthor { member { id displayName } externalId displayName membership { id } alias aliasNumber auditEntry { id action reason targetMember { id } } }
    }
  }
`;

export const queueQuery = /* GraphQL */ `
  query($groupId: ID, $first: Int, $after: String) {
    moderationQueue(groupId: $groupId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id crisis reasons flags reportCount heldForReview subjectType status
          group { id }
          subject { __typename id ... on Post { title status authorName author { id } } ... on Reply { status authorName author { id } } }
          reports { reason note status reporter { id } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const auditLogQuery = /* GraphQL */ `
  query($groupId: ID, $first: Int, $after: String) {
    auditLog(groupId: $groupId, first: $first, after: $after) {
      edges {
        node {
          id action reason subjectType byServiceToken suspendedUntil createdAt
          subject { __typename id ... on Post { title status authorName author { id } } ... on Reply { status authorName author { id } } }
          actor { id }
          targetMember { id }
          group { id }
          moderationItem { id }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const acknowledgeMutation = /* GraphQL */ `
  mutation($input: AcknowledgeModerationItemInput!) {
    acknowledgeModerationItem(input: $input) {
      ${resultFields}
      ... on ModerationItem { id riskLevel warningSigns acknowledgedAt waitingSince acknowledgedBy { id } actions { action actor { id } reason createdAt } }
    }
  }
`;
