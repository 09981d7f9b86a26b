import { sql } from 'kysely';
import type { HearthDb } from '../../db/database.js';
import type { ContentStatus, GroupRow, MemberRow, NewGroup, PostRow, ReplyRow } from '../../db/tables.js';
import {
  addTestMembership,
  createTestGroup,
  createTestInstitution,
  createTestMember,
  type TestInstitution,
  type TestMember,
} from '../../../test-support/factories.js';
import { insertPost } from './post.queries.js';
import { insertReply, threadAliasFor } from './reply.queries.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';
export { globalId };

/**
 * Shared by the posts tests: a group with a member in every role, and content written through the module's own
 * query functions (so feed and anonymity tests don't spend the posting rate limit on their fixtures).
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

export async function writePost(
  db: HearthDb,
  group: GroupRow,
  author: MemberRow,
  options: { anonymous?: boolean; status?: ContentStatus; title?: string; body?: string; createdAt?: Date } = {},
): Promise<PostRow> {
  const post = await insertPost(db, {
    institutionId: group.institution_id,
    groupId: group.id,
    authorId: author.id,
    anonymous: options.anonymous ?? false,
    title: options.title ?? 'A hard week',
    body: options.body ?? 'Some days are harder than others.',
    contentWarning: null,
    status: options.status ?? 'PUBLISHED',
    crisis: false,
  });
  if (options.anonymous) await threadAliasFor(db, post.id, author.id);
  if (options.createdAt) {
    // created_at is insert-only in the row types; tests move it back in time to order their fixtures.
    await sql`update posts set created_at = ${options.createdAt}, last_activity_at = ${options.createdAt} where id = ${post.id}`.execute(db);
    return { ...post, created_at: options.createdAt, last_activity_at: options.createdAt };
  }
  return post;
}

export async function writeReply(
  db: HearthDb,
  post: PostRow,
  author: MemberRow,
  options: { anonymous?: boolean; status?: ContentStatus; body?: string; parent?: ReplyRow; createdAt?: Date } = {},
): Promise<ReplyRow> {
  const reply = await insertReply(db, {
    institutionId: post.institution_id,
    groupId: post.group_id,
    postId: post.id,
    parentReplyId: options.parent ? (options.parent.parent_reply_id ?? options.parent.id) : null,
    authorId: author.id,
    anonymous: options.anonymous ?? false,
    body: options.body ?? 'You are not alone.',
    contentWarning: null,
    status: options.status ?? 'PUBLISHED',
    crisis: false,
  });
  if (options.anonymous) await threadAliasFor(db, post.id, author.id);
  if (options.createdAt) {
    await sql`update replies set created_at = ${options.createdAt} where id = ${reply.id}`.execute(db);
    return { ...reply, created_at: options.createdAt };
  }
  return reply;
}

/** Seconds ago, cut to the whole second as the module stores times. */
export function secondsAgo(seconds: number): Date {
  return new Date((Math.floor(Date.now() / 1000) - seconds) * 1000);
}

const resultFields = /* GraphQL */ `
  __typename
  ... on Error { message }
  ... on ValidationError { fields { path message } }
`;

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

export const createPostMutation = /* GraphQL */ `
  mutation($input: CreatePostInput!) {
    createPost(input: $input) {
      ${resultFields}
      ... on RateLimitedError { retryAfterSeconds }
      ... on CreatePostPayload { post { ${postFields} } crisisResources { name phone url locale } }
    }
  }
`;

export const createReplyMutation = /* GraphQL */ `
  mutation($input: CreateReplyInput!) {
    createReply(input: $input) {
      ${resultFields}
      ... on CreateReplyPayload { reply { ${replyFields} parentReply { id } } crisisResources { name } }
    }
  }
`;

export const editPostMutation = /* GraphQL */ `
  mutation($input: EditPostInput!) {
    editPost(input: $input) { ${resultFields} ... on EditPostPayload { post { ${postFields} } } }
  }
`;

export const editReplyMutation = /* GraphQL */ `
  mutation($input: EditReplyInput!) {
    editReply(input: $input) { ${resultFields} ... on EditReplyPayload { reply { ${replyFields} } } }
  }
`;

export const deletePostMutation = /* GraphQL */ `
  mutation($input: DeletePostInput!) { deletePost(input: $input) { ${resultFields} ... on Post { ${postFields} } } }
`;

export const deleteReplyMutation = /* GraphQL */ `
  mutation($input: DeleteReplyInput!) { deleteReply(input: $input) { ${resultFields} ... on Reply { ${replyFields} } } }
`;

export const reactMutation = /* GraphQL */ `
  mutation($input: ReactInput!) {
    react(input: $input) {
      ${resultFields}
      ... on Post { id reactionCounts { kind count } viewerReactions }
      ... on Reply { id reactionCounts { kind count } viewerReactions }
    }
  }
`;

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
