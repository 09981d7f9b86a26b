import type { NewGroup } from '../../db/tables.js';
import type { TestInstitution, TestMember } from '../../../test-support/factories.js';
import type { TestApi } from '../../../test-support/test-api.js';
import { createTestContext, type TestContext, type TestGroupWith, type TestSeat } from '../../../test-support/test-context.js';
import { mutationDocument } from '../../../test-support/test-documents.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';
export { globalId };

/**
 * Shared by the posts tests: a group with a member in every role, and the module's GraphQL documents. Content
 * they need in place comes from the test-support factories (createTestPost, createTestReply), which store it
 * through the module's own query functions, so feed and anonymity tests don't spend the posting rate limit.
 */

/** The people of the posts tests: everyone a post is seen by, each in their own standing. */
export interface Cast extends TestGroupWith<Record<'author' | 'member' | 'peer' | 'professional' | 'applicant', TestSeat>> {
  t: TestContext;
  institution: TestInstitution;
  admin: TestMember;
  /** A member of the institution in no group. */
  outsider: TestMember;
  otherTenant: TestMember;
  otherInstitution: TestInstitution;
}

/**
 * An institution of its own and a group (revealable anonymity unless overridden) with an author, another member,
 * both kinds of facilitator and an applicant; an admin, a member outside the group, and one of another tenant.
 */
export async function createCast(api: TestApi, groupOverrides: Partial<NewGroup> = {}): Promise<Cast> {
  const t = await createTestContext(api, { otherInstitution: true, admin: { name: 'Eve Admin' }, viewer: { name: 'Gita Outsider' } });
  const seated = await t.groupWith(
    {
      author: { name: 'Amal Haddad' },
      member: { name: 'Brian Okafor' },
      peer: { name: 'Chen Wei', role: 'PEER_FACILITATOR' },
      professional: { name: 'Dana Levi', role: 'PROFESSIONAL_FACILITATOR' },
      applicant: { name: 'Farid Applicant', status: 'PENDING' },
    },
    { anonymity_policy: 'ANONYMOUS_REVEALABLE_IN_CRISIS', ...groupOverrides },
  );
  return {
    ...seated,
    t,
    institution: t.institution,
    admin: t.admin,
    outsider: t.viewer,
    otherTenant: await t.member({ name: 'Hana Elsewhere' }, t.otherInstitution),
    otherInstitution: t.otherInstitution,
  };
}

export const postFields = /* GraphQL */ `
  id title body bodyHtml contentWarning anonymous authorName viewerIsAuthor status pinned locked replyCount createdAt editedAt
  author { id displayName }
  reactionCounts { kind count }
  viewerReactions
`;

export const replyFields = /* GraphQL */ `
  id body bodyHtml anonymous authorName viewerIsAuthor status createdAt
  author { id displayName }
`;

export const createPostMutation = mutationDocument(
  'createPost',
  'CreatePostInput',
  `... on RateLimitedError { retryAfterSeconds }
   ... on CreatePostPayload { post { ${postFields} } crisisResources { name phone url locale } }`,
);

export const createReplyMutation = mutationDocument(
  'createReply',
  'CreateReplyInput',
  `... on CreateReplyPayload { reply { ${replyFields} parentReply { id } } crisisResources { name } }`,
);

export const editPostMutation = mutationDocument('editPost', 'EditPostInput', `... on EditPostPayload { post { ${postFields} } }`);
export const editReplyMutation = mutationDocument('editReply', 'EditReplyInput', `... on EditReplyPayload { reply { ${replyFields} } }`);
export const deletePostMutation = mutationDocument('deletePost', 'DeletePostInput', `... on Post { ${postFields} }`);
export const deleteReplyMutation = mutationDocument('deleteReply', 'DeleteReplyInput', `... on Reply { ${replyFields} }`);

export const reactMutation = mutationDocument(
  'react',
  'ReactInput',
  `... on Post { id reactionCounts { kind count } viewerReactions }
   ... on Reply { id reactionCounts { kind count } viewerReactions }`,
);

export const feedQuery = /* GraphQL */ `
  query($id: ID!, $first: Int, $after: String, $order: PostOrder) {
    node(id: $id) {
      ... on Group {
        posts(first: $first, after: $after, order: $order) {
          edges { cursor node { id title authorName status pinned replyCount } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`;

export const postQuery = /* GraphQL */ `
  query($id: ID!) { node(id: $id) { ... on Post { ${postFields} } } }
`;
