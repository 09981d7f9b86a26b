import { decide, elsewhereNotFound, everyone, managers, only, type Operation, queryOutcome, subjectPost, writers } from '../../test-support/authorization-matrix.js';

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
    same: { ...everyone('deny'), otherTenantMember: 'hidden', applicant: 'hidden' },
    other: elsewhereNotFound,
  },
  {
    name: "deletePost (someone else's)",
    run: decide('deletePost', 'DeletePostInput', async (cell) => ({ postId: (await subjectPost(cell)).postId }), ['Post']),
    same: { ...everyone('deny'), otherTenantMember: 'hidden', applicant: 'hidden' },
    other: elsewhereNotFound,
  },
  {
    name: 'report',
    run: decide('report', 'ReportInput', async (cell) => ({ subjectId: (await subjectPost(cell)).postId, reason: 'HARASSMENT', note: 'Unkind.' }), ['Report']),
    same: { ...only(writers, 'deny'), otherTenantMember: 'hidden' },
    // At home, otherTenantMember holds no membership in the group: refused; the first institution's people find nothing.
    other: { ...elsewhereNotFound, otherTenantMember: 'deny' },
  },
];
