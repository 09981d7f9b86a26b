import type { HearthDb } from '../../db/database.js';
import type { GroupRow, MemberRow, NewGroup, PostRow } from '../../db/tables.js';
import { createTestPost, type TestMember } from '../../../test-support/factories.js';
import type { Caller, TestContext } from '../../../test-support/test-context.js';
import { mutationDocument } from '../../../test-support/test-documents.js';
import { openOrUpdateModerationCase } from './moderation-cases.queries.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';
export { globalId };

/**
 * Content and GraphQL documents shared by the moderation tests. Posts and replies come from the test-support
 * factories, stored as the posts module stores them without its content pipeline, so these tests exercise
 * moderation alone.
 */

/** A post held for review with its case, as the content pipeline's pre-moderation stage leaves them. */
export async function insertHeldPost(db: HearthDb, group: GroupRow, author: MemberRow): Promise<{ post: PostRow; caseId: string }> {
  const post = await createTestPost(db, group, author, { status: 'PENDING_REVIEW' });
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

/** What moderation tests read of a post or reply under moderation. */
const subjectFields = /* GraphQL */ `subject { __typename id ... on Post { title status authorName author { id } } ... on Reply { status authorName author { id } } }`;

export const reportMutation = mutationDocument(
  'report',
  'ReportInput',
  `... on RateLimitedError { retryAfterSeconds }
   ... on Report { id reason note status subjectType reporter { id } moderationItem { id crisis } ${subjectFields} }`,
);

export const moderateMutation = mutationDocument(
  'moderate',
  'ModerateInput',
  `... on ModerationAction {
     id action reason subjectType byServiceToken suspendedUntil
     ${subjectFields}
     actor { id }
     targetMember { id }
     moderationItem { id status }
   }`,
);

export const revealMutation = mutationDocument(
  'revealAnonymousAuthor',
  'RevealAnonymousAuthorInput',
  '... on RevealedAuthor { member { id displayName } externalId displayName membership { id } alias aliasNumber auditEntry { id action reason targetMember { id } } }',
);

export const queueQuery = /* GraphQL */ `
  query($groupId: ID, $first: Int, $after: String) {
    moderationQueue(groupId: $groupId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id crisis reasons flags reportCount heldForReview subjectType status
          group { id }
          ${subjectFields}
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
          ${subjectFields}
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

export const acknowledgeMutation = mutationDocument(
  'acknowledgeModerationItem',
  'AcknowledgeModerationItemInput',
  '... on ModerationItem { id riskLevel warningSigns acknowledgedAt waitingSince acknowledgedBy { id } actions { action actor { id } reason createdAt } }',
);

export const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();

/** The moderation suites' shared setup over their test context: a community to moderate, the mutations, and the rows they write. */
export function moderationSuite(t: TestContext) {
  return {
    postId: (post: PostRow) => globalId('Post', post.id),
    memberId: (someone: TestMember) => globalId('Member', someone.row.id),
    /** A group with a peer and a professional facilitator, an author with a post, and two more members. */
    async community(overrides: Partial<NewGroup> = {}) {
      const seated = await t.groupWith(
        { peer: 'PEER_FACILITATOR', professional: 'PROFESSIONAL_FACILITATOR', author: 'MEMBER', reader: 'MEMBER', neighbour: 'MEMBER' },
        overrides,
      );
      return { ...seated, post: await t.post(seated.group, seated.author) };
    },
    report: (input: Record<string, unknown>, as?: Caller) => t.mutate(reportMutation, input, as),
    moderate: (input: Record<string, unknown>, as?: Caller) => t.mutate(moderateMutation, input, as),
    queue: (variables: Record<string, unknown>, token?: string) => t.api.graphql(queueQuery, variables, { token }),
    casesOf: (subjectId: string) => t.db.selectFrom('moderation_cases').selectAll().where('subject_id', '=', subjectId).execute(),
    reportsOf: (subjectId: string) => t.db.selectFrom('reports').selectAll().where('subject_id', '=', subjectId).orderBy('created_at').execute(),
    actionsOf: (subjectId: string) => t.db.selectFrom('moderation_actions').selectAll().where('subject_id', '=', subjectId).orderBy('created_at').execute(),
    postRow: (id: string) => t.db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    membershipOf: (group: GroupRow, someone: TestMember) =>
      t.db.selectFrom('memberships').selectAll().where('group_id', '=', group.id).where('member_id', '=', someone.row.id).executeTakeFirstOrThrow(),
  };
}
