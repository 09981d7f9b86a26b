import type { HearthDb } from '../../db/database.js';
import type { GroupRow, NewGroup } from '../../db/tables.js';
import {
  addTestMembership,
  createTestGroup,
  createTestInstitution,
  createTestMember,
  type TestInstitution,
  type TestMember,
} from '../../../test-support/factories.js';
import { mutationDocument } from '../../../test-support/test-documents.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';
export { globalId };

/**
 * Shared by the posts tests: a group with a member in every role, and the module's GraphQL documents. Content
 * they need in place comes from the test-support factories (createTestPost, createTestReply), which store it
 * through the module's own query functions, so feed and anonymity tests don't spend the posting rate limit.
 */

export interface Cast {
  institution: TestInstitution;
  group: GroupRow;
  groupId: string;
  author: TestMember;
  member: TestMember;
  peer: TestMember;
  professional: TestMember;
  admin: TestMember;
  applicant: TestMember;
  outsider: TestMember;
  otherTenant: TestMember;
  otherInstitution: TestInstitution;
}

/** An institution and a group with an author, another member, both kinds of facilitator, an admin, an applicant. */
export async function createCast(db: HearthDb, groupOverrides: Partial<NewGroup> = {}): Promise<Cast> {
  const institution = await createTestInstitution(db);
  const otherInstitution = await createTestInstitution(db);
  const group = await createTestGroup(db, institution, { anonymity_policy: 'ANONYMOUS_REVEALABLE_IN_CRISIS', ...groupOverrides });
  const person = (name: string, options: { admin?: boolean } = {}) => createTestMember(db, institution, { name, ...options });
  const cast: Cast = {
    institution,
    group,
    groupId: globalId('Group', group.id),
    author: await person('Amal Haddad'),
    member: await person('Brian Okafor'),
    peer: await person('Chen Wei'),
    professional: await person('Dana Levi'),
    admin: await person('Eve Admin', { admin: true }),
    applicant: await person('Farid Applicant'),
    outsider: await person('Gita Outsider'),
    otherTenant: await createTestMember(db, otherInstitution, { name: 'Hana Elsewhere' }),
    otherInstitution,
  };
  await addTestMembership(db, group, cast.author.row);
  await addTestMembership(db, group, cast.member.row);
  await addTestMembership(db, group, cast.peer.row, { role: 'PEER_FACILITATOR' });
  await addTestMembership(db, group, cast.professional.row, { role: 'PROFESSIONAL_FACILITATOR' });
  await addTestMembership(db, group, cast.applicant.row, { status: 'PENDING' });
  return cast;
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
