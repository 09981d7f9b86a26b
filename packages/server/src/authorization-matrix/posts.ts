import { decide, elsewhereNotFound, everyone, facilitatorsAndManagers, managers, only, type CellContext, type Operation, type Outcome, queryOutcome, type Role, roles, subjectPost, subjectReply, writers } from '../../test-support/authorization-matrix.js';
import { insertContentEdit } from '../modules/posts/post.queries.js';

/** Someone else's post or reply: whoever reads it is refused (only its writer may), to the others it does not exist. */
const refusedButToItsWriter: Record<Role, Outcome> = { ...everyone('deny'), otherTenantMember: 'hidden', applicant: 'hidden' };

/** Conversations: reading a group's posts, writing, reacting, editing, deleting and reporting. */
export const postOperations: Operation[] = [
  {
    name: "read a group's posts (no public reading)",
    run: async (cell) => {
      await subjectPost(cell);
      const result = await cell.api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { posts { edges { node { title } } } } } }`, { id: cell.groupId }, cell.actor);
      return queryOutcome(result, (data) => (data.node?.posts?.edges.length ?? 0) > 0);
    },
    same: only([...writers, ...managers], 'hidden'),
    other: everyone('hidden'),
  },
  {
    name: 'read a PUBLIC group\'s posts with public reading on',
    run: async (cell) => {
      await cell.db.updateTable('groups').set({ public_reading: true }).where('id', '=', cell.group.id).execute();
      await subjectPost(cell);
      const result = await cell.api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { posts { edges { node { title } } } } } }`, { id: cell.groupId }, cell.actor);
      return queryOutcome(result, (data) => (data.node?.posts?.edges.length ?? 0) > 0);
    },
    same: everyone('allow'),
    other: everyone('allow'),
  },
  {
    name: 'createPost',
    run: decide('createPost', 'CreatePostInput', async (cell) => ({ groupId: cell.groupId, title: 'Hello', body: 'A first post.' }), ['CreatePostPayload']),
    same: only(writers, 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'createReply',
    run: decide('createReply', 'CreateReplyInput', async (cell) => ({ postId: (await subjectPost(cell)).postId, body: 'You are not alone.' }), ['CreateReplyPayload']),
    same: { ...only(writers, 'deny'), otherTenantMember: 'hidden', applicant: 'hidden' },
    other: elsewhereNotFound,
  },
  {
    name: 'react',
    run: decide('react', 'ReactInput', async (cell) => ({ subjectId: (await subjectPost(cell)).postId, kind: 'HUG', on: true }), ['Post']),
    same: { ...only(writers, 'deny'), otherTenantMember: 'hidden', applicant: 'hidden' },
    other: elsewhereNotFound,
  },
  {
    name: "editPost (someone else's)",
    run: decide('editPost', 'EditPostInput', async (cell) => ({ postId: (await subjectPost(cell)).postId, body: 'Rewritten by someone else.' }), ['EditPostPayload']),
    same: refusedButToItsWriter,
    other: elsewhereNotFound,
  },
  {
    name: "deletePost (someone else's)",
    run: decide('deletePost', 'DeletePostInput', async (cell) => ({ postId: (await subjectPost(cell)).postId }), ['Post']),
    same: refusedButToItsWriter,
    other: elsewhereNotFound,
  },
  {
    name: 'report',
    run: decide('report', 'ReportInput', async (cell) => ({ subjectId: (await subjectPost(cell)).postId, reason: 'HARASSMENT', note: 'Unkind.' }), ['Report']),
    same: { ...only(writers, 'deny'), otherTenantMember: 'hidden' },
    // At home, otherTenantMember holds no membership in the group: refused; the first institution's people find nothing.
    other: { ...elsewhereNotFound, otherTenantMember: 'deny' },
  },
  {
    name: "editReply (someone else's)",
    run: decide('editReply', 'EditReplyInput', async (cell) => ({ replyId: (await subjectReply(cell)).replyId, body: 'Rewritten by someone else.' }), ['EditReplyPayload']),
    same: refusedButToItsWriter,
    other: elsewhereNotFound,
  },
  {
    name: "deleteReply (someone else's)",
    run: decide('deleteReply', 'DeleteReplyInput', async (cell) => ({ replyId: (await subjectReply(cell)).replyId }), ['Reply']),
    same: refusedButToItsWriter,
    other: elsewhereNotFound,
  },
  {
    name: "setCrisisItemVisibility (someone else's crisis post)",
    run: decide('setCrisisItemVisibility', 'SetCrisisItemVisibilityInput', async (cell) => ({ subjectId: (await subjectPost(cell, { crisis: true })).postId, visibility: 'FACILITATORS_ONLY' }), ['Post']),
    // Its writer only: facilitators act on it with moderation instead; those who can't see the post find nothing.
    same: refusedButToItsWriter,
    other: elsewhereNotFound,
  },
  {
    name: "setCrisisItemVisibility (the owner's crisis post)",
    run: decide('setCrisisItemVisibility', 'SetCrisisItemVisibilityInput', async (cell) => ({ subjectId: (await subjectPost(cell, { crisis: true, byOwner: true })).postId, visibility: 'VISIBLE' }), ['Post']),
    same: { ...refusedButToItsWriter, member: 'allow' },
    other: { ...elsewhereNotFound, otherTenantMember: 'allow' },
  },
  {
    name: "setCrisisItemVisibility (the owner's crisis reply)",
    run: decide('setCrisisItemVisibility', 'SetCrisisItemVisibilityInput', async (cell) => ({ subjectId: (await subjectReply(cell, { crisis: true, byOwner: true })).replyId, visibility: 'WITH_WARNING' }), ['Reply']),
    same: { ...refusedButToItsWriter, member: 'allow' },
    other: { ...elsewhereNotFound, otherTenantMember: 'allow' },
  },
  {
    name: "read an anonymous post's author (null = deny)",
    run: async (cell) => postFieldOutcome(cell, (await subjectPost(cell, { anonymous: true })).postId, 'author { id }'),
    // Nobody but its writer learns who wrote an anonymous post by reading it (a reveal is a moderation act).
    same: postReaders('deny'),
    other: everyone('hidden'),
  },
  {
    name: "read the owner's anonymous post's author (null = deny)",
    run: async (cell) => postFieldOutcome(cell, (await subjectPost(cell, { anonymous: true, byOwner: true })).postId, 'author { id }'),
    same: { ...postReaders('deny'), member: 'allow' },
    other: { ...everyone('hidden'), otherTenantMember: 'allow' },
  },
  {
    name: "read someone else's crisis post kept to the facilitators (FACILITATORS_ONLY) by node(id)",
    run: async (cell) => {
      const { postId, postRowId } = await subjectPost(cell, { crisis: true });
      await cell.db.updateTable('posts').set({ crisis_visibility: 'FACILITATORS_ONLY' }).where('id', '=', postRowId).execute();
      return postFieldOutcome(cell, postId, 'title');
    },
    // Its writer's choice keeps it from peers: the group's moderators (facilitators, the institution's managers) still see it.
    same: only(facilitatorsAndManagers, 'hidden'),
    other: everyone('hidden'),
  },
  {
    name: "Post.viewerCrisisVisibility of the owner's crisis post (null = deny)",
    run: async (cell) => postFieldOutcome(cell, (await subjectPost(cell, { crisis: true, byOwner: true })).postId, 'viewerCrisisVisibility'),
    // The writer's choice is the writer's to see.
    same: { ...postReaders('deny'), member: 'allow' },
    other: { ...everyone('hidden'), otherTenantMember: 'allow' },
  },
  {
    name: "read an edited post's editHistory (null = deny)",
    run: async (cell) => {
      const { postId, postRowId } = await subjectPost(cell);
      await insertContentEdit(cell.db, { institutionId: cell.group.institution_id, subjectType: 'POST', subjectId: postRowId, title: 'Before', body: 'The first version.', contentWarning: null });
      return postFieldOutcome(cell, postId, 'editHistory { body }');
    },
    same: postReaders('deny', facilitatorsAndManagers),
    other: everyone('hidden'),
  },
  {
    name: "read who reacted to a post (Post.reactions) with public reading on (null = deny)",
    run: async (cell) => {
      await cell.db.updateTable('groups').set({ public_reading: true }).where('id', '=', cell.group.id).execute();
      return postFieldOutcome(cell, (await subjectPost(cell)).postId, 'reactions { kind }');
    },
    // Anyone reads the posts of such a group; who reacted is for the group's members and moderators.
    same: only([...writers, ...managers], 'deny'),
    other: everyone('deny'),
  },
  {
    name: "repliesToMyPosts (a reply to the owner's post)",
    run: async (cell) => {
      const { replyId } = await subjectReply(cell, { toOwnersPost: true });
      const result = await cell.api.graphql(`{ repliesToMyPosts(first: 20) { edges { node { id } } } }`, {}, cell.actor);
      return queryOutcome(result, (data) => data.repliesToMyPosts.edges.some((edge: any) => edge.node.id === replyId));
    },
    same: only(['member'], 'hidden'),
    other: { ...everyone('hidden'), otherTenantMember: 'allow' },
  },
];

/** A field of a post read through node(id): the post not found is hidden, the field withheld (null) deny, given allow. */
async function postFieldOutcome(cell: CellContext, postId: string, selection: string): Promise<Outcome> {
  const result = await cell.api.graphql(`query($id: ID!) { node(id: $id) { ... on Post { id ${selection} } } }`, { id: postId }, cell.actor);
  const post = result.data?.node;
  if (!post?.id) return queryOutcome(result, () => false);
  const field = selection.split(' ')[0]!;
  return post[field] === null || post[field] === undefined ? 'deny' : 'allow';
}

/**
 * A field of a post in a group without public reading, by who reads the post: its readers (members, the institution's
 * managers) get `outcome` unless listed in `given` (allow); the others don't find the post.
 */
function postReaders(outcome: Outcome, given: Role[] = []): Record<Role, Outcome> {
  const readers = [...writers, ...managers];
  return Object.fromEntries(roles.map((role) => [role, !readers.includes(role) ? 'hidden' : given.includes(role) ? 'allow' : outcome])) as Record<Role, Outcome>;
}
