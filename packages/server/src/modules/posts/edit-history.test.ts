import { expect, it } from 'vitest';
import { createTestReply } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { createCast, createPostMutation, editPostMutation, editReplyMutation, globalId } from './posts-test-fixtures.js';

/** Edits keep their history, for facilitators and admins only (their rate limit: content-editing.test.ts). */
describeEachDatabase('posts: edit history', (api) => {
  const db = () => api().database.db;

  it('edits keep their history for facilitators and admins only', async () => {
    const cast = await createCast(api());
    const created = await api().graphql(createPostMutation, { input: { groupId: cast.groupId, title: 'v1', body: 'first words' } }, { token: cast.author.token });
    const postId = created.data?.createPost.post.id;
    const byOther = await api().graphql(editPostMutation, { input: { postId, body: 'hijacked' } }, { token: cast.member.token });
    expect(byOther.data?.editPost.__typename).toBe('ForbiddenError');
    const edited = await api().graphql(editPostMutation, { input: { postId, title: 'v2', contentWarning: 'grief' } }, { token: cast.author.token });
    expect(edited.data?.editPost.post).toMatchObject({ title: 'v2', body: 'first words', contentWarning: 'grief', editedAt: expect.stringMatching(/\.000Z$/) });
    const cleared = await api().graphql(editPostMutation, { input: { postId, contentWarning: null } }, { token: cast.author.token });
    expect(cleared.data?.editPost.post.contentWarning).toBeNull();
    const nothing = await api().graphql(editPostMutation, { input: { postId } }, { token: cast.author.token });
    expect(nothing.data?.editPost.__typename).toBe('ValidationError');

    const history = `query($id: ID!) { node(id: $id) { ... on Post { editHistory { title body contentWarning replacedAt } } } }`;
    const seen = await api().graphql(history, { id: postId }, { token: cast.peer.token });
    expect(seen.data?.node.editHistory).toEqual([
      { title: 'v1', body: 'first words', contentWarning: null, replacedAt: expect.stringMatching(/\.000Z$/) },
      { title: 'v2', body: 'first words', contentWarning: 'grief', replacedAt: expect.any(String) },
    ]);
    expect((await api().graphql(history, { id: postId }, { token: cast.admin.token })).data?.node.editHistory).toHaveLength(2);
    expect((await api().graphql(history, { id: postId }, { token: cast.member.token })).data?.node.editHistory).toBeNull();
    expect((await api().graphql(history, { id: postId }, { token: cast.author.token })).data?.node.editHistory).toBeNull();

    const reply = await createTestReply(db(), (await db().selectFrom('posts').selectAll().where('title', '=', 'v2').where('group_id', '=', cast.group.id).executeTakeFirstOrThrow()), cast.member.row);
    const replyEdit = await api().graphql(editReplyMutation, { input: { replyId: globalId('Reply', reply.id), body: 'kinder words' } }, { token: cast.member.token });
    expect(replyEdit.data?.editReply.reply).toMatchObject({ body: 'kinder words' });
  });
});
