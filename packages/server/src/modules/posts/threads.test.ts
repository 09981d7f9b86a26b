import { expect, it } from 'vitest';
import { createTestPost, createTestReply, secondsAgo } from '../../../test-support/factories.js';
import { contentFingerprint } from '../../../test-support/database-fingerprint.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { createCast, createPostMutation, createReplyMutation, globalId, postQuery } from './posts-test-fixtures.js';

/** Threads: anonymous aliases, replies one level deep, and locked threads. */
describeEachDatabase('posts: threads', (api) => {
  const db = () => api().database.db;

  it('keeps one stable alias per anonymous participant in a thread', async () => {
    const cast = await createCast(api());
    const { post } = await cast.t.mutate(createPostMutation, { groupId: cast.groupId, title: 'I can’t say this with my name', body: 'Please read.', anonymous: true }, cast.author);
    expect(post).toMatchObject({ anonymous: true, authorName: 'Anonymous 1', author: { displayName: 'Amal Haddad' } });
    const reply = (token: string, anonymous: boolean, parentReplyId?: string) =>
      api().graphql(createReplyMutation, { input: { postId: post.id, body: 'Here with you.', anonymous, parentReplyId } }, { token });
    const first = await reply(cast.member.token, true);
    expect(first.data?.createReply.reply).toMatchObject({ authorName: 'Anonymous 2', anonymous: true });
    const byAuthor = await reply(cast.author.token, true, first.data?.createReply.reply.id);
    expect(byAuthor.data?.createReply.reply).toMatchObject({ authorName: 'Anonymous 1', parentReply: { id: first.data?.createReply.reply.id } });
    const again = await reply(cast.member.token, true);
    expect(again.data?.createReply.reply.authorName).toBe('Anonymous 2');
    const named = await reply(cast.peer.token, false);
    expect(named.data?.createReply.reply.authorName).toBe('Chen Wei');
  });

  it('threads one level deep: an answer to an answer hangs under the same top-level reply', async () => {
    const cast = await createCast(api());
    const post = await createTestPost(db(), cast.group, cast.author.row);
    const top = await createTestReply(db(), post, cast.member.row, { body: 'top', createdAt: secondsAgo(30) });
    const answer = await createTestReply(db(), post, cast.peer.row, { body: 'answer', parent: top, createdAt: secondsAgo(20) });
    const created = await api().graphql(
      createReplyMutation,
      { input: { postId: globalId('Post', post.id), parentReplyId: globalId('Reply', answer.id), body: 'deeper' } },
      { token: cast.author.token },
    );
    expect(created.data?.createReply.reply.parentReply.id).toBe(globalId('Reply', top.id));
    const thread = await api().graphql(
      `query($id: ID!) { node(id: $id) { ... on Post { replyCount replies { edges { node { body replies { edges { node { body replies { pageInfo { hasNextPage } } } } } } } } } } }`,
      { id: globalId('Post', post.id) },
      { token: cast.member.token },
    );
    const node = thread.data?.node;
    expect(node.replyCount).toBe(3);
    expect(node.replies.edges).toHaveLength(1);
    expect(node.replies.edges[0].node.replies.edges.map((edge: any) => edge.node.body)).toEqual(['answer', 'deeper']);
    expect(node.replies.edges[0].node.replies.edges[0].node.replies.pageInfo.hasNextPage).toBe(false);

    const otherPost = await createTestPost(db(), cast.group, cast.author.row);
    const mismatched = await api().graphql(
      createReplyMutation,
      { input: { postId: globalId('Post', otherPost.id), parentReplyId: globalId('Reply', top.id), body: 'wrong thread' } },
      { token: cast.author.token },
    );
    expect(mismatched.data?.createReply).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'parentReplyId'] }] });
  });

  it('refuses replies to a locked thread and writes nothing', async () => {
    const cast = await createCast(api());
    const post = await createTestPost(db(), cast.group, cast.author.row);
    await db().updateTable('posts').set({ locked_at: new Date() }).where('id', '=', post.id).execute();
    const before = await contentFingerprint(db());
    const result = await api().graphql(createReplyMutation, { input: { postId: globalId('Post', post.id), body: 'Can I add?' } }, { token: cast.member.token });
    expect(result.data?.createReply).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('locked') });
    expect(await contentFingerprint(db())).toEqual(before);
    const read = await api().graphql(postQuery, { id: globalId('Post', post.id) }, { token: cast.member.token });
    expect(read.data?.node.locked).toBe(true);
  });
});
