import { expect, it } from 'vitest';
import { createTestPost, createTestReply, secondsAgo } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { createCast, deletePostMutation, deleteReplyMutation, feedQuery, globalId, postQuery } from './posts-test-fixtures.js';

/** Deleting posts and replies into tombstones, and when a tombstone goes. */
describeEachDatabase('posts: deletion', (api) => {
  const db = () => api().database.db;

  it('deletes a post into a tombstone that keeps its replies readable, and drops a tombstone nobody answered', async () => {
    const cast = await createCast(api());
    const answered = await createTestPost(db(), cast.group, cast.author.row, { title: 'answered', anonymous: true });
    await createTestReply(db(), answered, cast.member.row, { body: 'I hear you' });
    const lonely = await createTestPost(db(), cast.group, cast.author.row, { title: 'lonely' });
    const byOther = await api().graphql(deletePostMutation, { input: { postId: globalId('Post', answered.id) } }, { token: cast.peer.token });
    expect(byOther.data?.deletePost).toMatchObject({ __typename: 'ForbiddenError', message: 'Only its author can change this.' });
    const byStranger = await api().graphql(deletePostMutation, { input: { postId: globalId('Post', answered.id) } }, { token: cast.otherTenant.token });
    expect(byStranger.data?.deletePost.__typename).toBe('NotFoundError');
    const deleted = await api().graphql(deletePostMutation, { input: { postId: globalId('Post', answered.id) } }, { token: cast.author.token });
    expect(deleted.data?.deletePost).toMatchObject({ status: 'DELETED', title: '[deleted]', body: '[deleted]', authorName: '[deleted]', author: null });
    await api().graphql(deletePostMutation, { input: { postId: globalId('Post', lonely.id) } }, { token: cast.author.token });
    const again = await api().graphql(deletePostMutation, { input: { postId: globalId('Post', lonely.id) } }, { token: cast.author.token });
    expect(again.data?.deletePost.__typename).toBe('ConflictError');

    const feed = await api().graphql(feedQuery, { id: cast.groupId }, { token: cast.professional.token });
    expect(feed.data?.node.posts.edges.map((edge: any) => edge.node.title)).toEqual(['[deleted]']);
    const thread = await api().graphql(
      `query($id: ID!) { node(id: $id) { ... on Post { title replies { edges { node { body authorName } } } } } }`,
      { id: globalId('Post', answered.id) },
      { token: cast.member.token },
    );
    expect(thread.data?.node).toEqual({ title: '[deleted]', replies: { edges: [{ node: { body: 'I hear you', authorName: 'Brian Okafor' } }] } });
    const stored = await db().selectFrom('posts').select(['title', 'status']).where('id', '=', answered.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ title: 'answered', status: 'DELETED' });
  });

  it('lets an author who left the group still delete their post', async () => {
    const cast = await createCast(api());
    const post = await createTestPost(db(), cast.group, cast.author.row);
    await db().updateTable('memberships').set({ status: 'LEFT' }).where('member_id', '=', cast.author.row.id).execute();
    expect((await api().graphql(postQuery, { id: globalId('Post', post.id) }, { token: cast.author.token })).data?.node).toBeNull();
    const deleted = await api().graphql(deletePostMutation, { input: { postId: globalId('Post', post.id) } }, { token: cast.author.token });
    expect(deleted.data?.deletePost).toMatchObject({ __typename: 'Post', status: 'DELETED' });
  });

  it('deletes a reply; a deleted top-level reply stays as a tombstone only while answers hang under it', async () => {
    const cast = await createCast(api());
    const post = await createTestPost(db(), cast.group, cast.author.row);
    const top = await createTestReply(db(), post, cast.member.row, { body: 'top', createdAt: secondsAgo(30) });
    await createTestReply(db(), post, cast.peer.row, { body: 'answer', parent: top, createdAt: secondsAgo(20) });
    const alone = await createTestReply(db(), post, cast.member.row, { body: 'alone', createdAt: secondsAgo(10) });
    for (const reply of [top, alone]) {
      const result = await api().graphql(deleteReplyMutation, { input: { replyId: globalId('Reply', reply.id) } }, { token: cast.member.token });
      expect(result.data?.deleteReply).toMatchObject({ __typename: 'Reply', body: '[deleted]', status: 'DELETED' });
    }
    const thread = await api().graphql(
      `query($id: ID!) { node(id: $id) { ... on Post { replyCount replies { edges { node { body replies { edges { node { body } } } } } } } } }`,
      { id: globalId('Post', post.id) },
      { token: cast.author.token },
    );
    expect(thread.data?.node).toEqual({
      replyCount: 1,
      replies: { edges: [{ node: { body: '[deleted]', replies: { edges: [{ node: { body: 'answer' } }] } } }] },
    });
  });
});
