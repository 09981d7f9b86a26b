import { expect, it } from 'vitest';
import { createTestPost, createTestReply } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { defaultRateLimitPolicy } from '../../rate-limits/rate-limits.js';
import { createCast, createReplyMutation, editPostMutation, editReplyMutation, globalId } from './posts-test-fixtures.js';

/** Edits are rate limited (the `edit` allowance: 30 per 10 minutes for posts and replies together). */
describeEachDatabase('content editing', (api) => {
  it('refuses edits past the allowance with the wait, writes no history row for them, and leaves posting alone', async () => {
    const db = api().database.db;
    const cast = await createCast(api());
    const post = await createTestPost(db, cast.group, cast.author.row);
    const reply = await createTestReply(db, post, cast.author.row);
    const postId = globalId('Post', post.id);
    const allowance = defaultRateLimitPolicy.edit;
    expect(allowance).toEqual({ limit: 30, windowSeconds: 600 });
    for (let edit = 0; edit < allowance.limit; edit += 1) {
      const edited = await api().graphql(editPostMutation, { input: { postId, body: `version ${edit}` } }, { token: cast.author.token });
      expect(edited.data?.editPost.__typename).toBe('EditPostPayload');
    }
    const refused = await api().graphql(
      `mutation($input: EditPostInput!) { editPost(input: $input) { __typename ... on RateLimitedError { retryAfterSeconds message } } }`,
      { input: { postId, body: 'one too many' } },
      { token: cast.author.token },
    );
    expect(refused.data?.editPost).toMatchObject({ __typename: 'RateLimitedError', retryAfterSeconds: expect.any(Number) });
    expect(refused.data?.editPost.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.data?.editPost.retryAfterSeconds).toBeLessThanOrEqual(allowance.windowSeconds);
    // Replies share the edit allowance.
    const replyRefused = await api().graphql(editReplyMutation, { input: { replyId: globalId('Reply', reply.id), body: 'again' } }, { token: cast.author.token });
    expect(replyRefused.data?.editReply.__typename).toBe('RateLimitedError');
    // Nothing written for the refused edits: one history row per allowed edit, the text of the last one allowed.
    const history = await db.selectFrom('content_edits').select('id').where('subject_id', '=', post.id).execute();
    expect(history).toHaveLength(allowance.limit);
    const stored = await db.selectFrom('posts').select('body').where('id', '=', post.id).executeTakeFirstOrThrow();
    expect(stored.body).toBe(`version ${allowance.limit - 1}`);
    // The posting allowance is another: the author can still reply.
    const replied = await api().graphql(createReplyMutation, { input: { postId, body: 'A new reply.' } }, { token: cast.author.token });
    expect(replied.data?.createReply.__typename).toBe('CreateReplyPayload');
    // Another member's edits are counted apart.
    const theirs = await createTestReply(db, post, cast.member.row);
    const other = await api().graphql(editReplyMutation, { input: { replyId: globalId('Reply', theirs.id), body: 'fixed' } }, { token: cast.member.token });
    expect(other.data?.editReply.__typename).toBe('EditReplyPayload');
  });
});
