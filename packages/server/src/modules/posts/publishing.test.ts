import { expect, it } from 'vitest';
import { createTestPost, createTestReply } from '../../../test-support/factories.js';
import { contentFingerprint } from '../../../test-support/database-fingerprint.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import type { HearthDb } from '../../db/database.js';
import { addWordListEntry } from '../word-lists/word-lists.js';
import { createCast, createPostMutation, createReplyMutation, editPostMutation, feedQuery, globalId } from './posts-test-fixtures.js';

/**
 * Posts and replies through the real content pipeline (validation → rate limit → word lists → crisis detection →
 * pre-moderation): what each outcome does to the stored item, its moderation case and the author's payload.
 */

async function openCase(db: HearthDb, subjectId: string) {
  return db
    .selectFrom('moderation_cases')
    .select(['subject_type', 'crisis', 'held_for_review', 'reasons', 'status'])
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'OPEN')
    .executeTakeFirst();
}

const idOf = (globalIdValue: string) => Buffer.from(globalIdValue, 'base64').toString('utf8').split(':')[1]!;

describeEachDatabase('publishing through the content pipeline', (api) => {
  const db = () => api().database.db;

  it("holds a new member's first post for review: the author sees it pending, others don't, and its case is open", async () => {
    const cast = await createCast(api(), { held_first_posts: 1 });
    const created = await api().graphql(createPostMutation, { input: { groupId: cast.groupId, title: 'Hello, I am new', body: 'Glad to be here.' } }, { token: cast.member.token });
    const post = created.data?.createPost.post;
    expect(post).toMatchObject({ status: 'PENDING_REVIEW', viewerIsAuthor: true });
    expect(await openCase(db(), idOf(post.id))).toMatchObject({ subject_type: 'POST', held_for_review: true, crisis: false, reasons: ['FIRST_POSTS'] });
    const seenBy = async (token: string) => (await api().graphql(feedQuery, { id: cast.groupId }, { token })).data?.node.posts.edges.map((edge: any) => edge.node.status);
    expect(await seenBy(cast.member.token)).toEqual(['PENDING_REVIEW']);
    expect(await seenBy(cast.author.token)).toEqual([]);
    expect(await seenBy(cast.peer.token)).toEqual(['PENDING_REVIEW']);
    // Facilitators are trusted: their posts are never held.
    const byFacilitator = await api().graphql(createPostMutation, { input: { groupId: cast.groupId, title: 'Welcome', body: 'Welcome all.' } }, { token: cast.peer.token });
    expect(byFacilitator.data?.createPost.post.status).toBe('PUBLISHED');
  });

  it('publishes a post in crisis, flags its case and gives the author crisis resources at once', async () => {
    const cast = await createCast(api());
    const created = await api().graphql(createPostMutation, { input: { groupId: cast.groupId, title: 'Tonight', body: "I'm going to end my life." } }, { token: cast.author.token });
    expect(created.data?.createPost.post.status).toBe('PUBLISHED');
    expect(created.data?.createPost.crisisResources.length).toBeGreaterThan(0);
    expect(await openCase(db(), idOf(created.data?.createPost.post.id))).toMatchObject({ crisis: true, reasons: ['CRISIS_LANGUAGE'] });

    const arabicSpeaker = await cast.join({ locale: 'ar', name: 'سلمى' });
    const arabic = await api().graphql(createPostMutation, { input: { groupId: cast.groupId, title: 'الليلة', body: 'أريد أن أموت.', anonymous: true } }, { token: arabicSpeaker.token });
    expect(arabic.data?.createPost.post).toMatchObject({ status: 'PUBLISHED', authorName: 'Anonymous 1' });
    expect(arabic.data?.createPost.crisisResources.length).toBeGreaterThan(0);
    expect(arabic.data?.createPost.crisisResources.every((resource: { locale: string }) => resource.locale.startsWith('ar'))).toBe(true);
  });

  it('flags a reply in crisis and an edit that turns to crisis', async () => {
    const cast = await createCast(api());
    const post = await createTestPost(db(), cast.group, cast.author.row);
    const reply = await api().graphql(createReplyMutation, { input: { postId: globalId('Post', post.id), body: "Honestly I want to kill myself." } }, { token: cast.member.token });
    expect(reply.data?.createReply.crisisResources.length).toBeGreaterThan(0);
    expect(await openCase(db(), idOf(reply.data?.createReply.reply.id))).toMatchObject({ subject_type: 'REPLY', crisis: true });

    const calm = await api().graphql(createPostMutation, { input: { groupId: cast.groupId, title: 'Update', body: 'A better day.' } }, { token: cast.author.token });
    const edited = await api().graphql(
      `mutation($input: EditPostInput!) { editPost(input: $input) { __typename ... on EditPostPayload { post { status } crisisResources { name } } } }`,
      { input: { postId: calm.data?.createPost.post.id, body: "I'm going to end my life." } },
      { token: cast.author.token },
    );
    expect(edited.data?.editPost.post.status).toBe('PUBLISHED');
    expect(edited.data?.editPost.crisisResources.length).toBeGreaterThan(0);
    expect(await openCase(db(), idOf(calm.data?.createPost.post.id))).toMatchObject({ crisis: true });
  });

  it('flags a reply edited into crisis language, in Arabic too, and gives its writer the resources', async () => {
    const cast = await createCast(api());
    const post = await createTestPost(db(), cast.group, cast.author.row);
    for (const body of ["Honestly I'm going to kill myself tonight.", 'والله بدي أنتحر الليلة']) {
      const reply = await createTestReply(db(), post, cast.member.row, { body: 'Thinking of you.' });
      expect(await openCase(db(), reply.id)).toBeUndefined();
      const edited = await api().graphql(
        `mutation($input: EditReplyInput!) { editReply(input: $input) { __typename ... on EditReplyPayload { reply { status } crisisResources { name } } } }`,
        { input: { replyId: globalId('Reply', reply.id), body } },
        { token: cast.member.token },
      );
      expect(edited.data?.editReply.reply.status).toBe('PUBLISHED');
      expect(edited.data?.editReply.crisisResources.length).toBeGreaterThan(0);
      expect(await openCase(db(), reply.id)).toMatchObject({ subject_type: 'REPLY', crisis: true, reasons: ['CRISIS_LANGUAGE'] });
    }
  });

  it("refuses a blocked phrase and holds a held one, from the institution's word list", async () => {
    const cast = await createCast(api());
    await addWordListEntry(db(), cast.institution.row.id, 'miracle cure', 'BLOCK');
    await addWordListEntry(db(), cast.institution.row.id, 'stop your meds', 'HOLD');
    const before = await contentFingerprint(db());
    const blocked = await api().graphql(createPostMutation, { input: { groupId: cast.groupId, title: 'A MIRACLE cure!', body: 'Buy it.' } }, { token: cast.author.token });
    expect(blocked.data?.createPost).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'title'] }] });
    expect(await contentFingerprint(db())).toEqual(before);
    const held = await api().graphql(createPostMutation, { input: { groupId: cast.groupId, title: 'Advice', body: 'You should stop your meds.' } }, { token: cast.author.token });
    expect(held.data?.createPost.post.status).toBe('PENDING_REVIEW');
    expect(await openCase(db(), idOf(held.data?.createPost.post.id))).toMatchObject({ held_for_review: true, reasons: ['WORD_LIST'] });

    // An edit that brings in a held phrase sends a published post back to review.
    const fine = await api().graphql(createPostMutation, { input: { groupId: cast.groupId, title: 'Advice', body: 'Talk to your doctor.' } }, { token: cast.member.token });
    const edited = await api().graphql(editPostMutation, { input: { postId: fine.data?.createPost.post.id, body: 'Just stop your meds.' } }, { token: cast.member.token });
    expect(edited.data?.editPost.post.status).toBe('PENDING_REVIEW');
  });

  it('refuses posting past the rate limit with the seconds to wait, and writes nothing', async () => {
    const cast = await createCast(api());
    const input = (index: number) => ({ groupId: cast.groupId, title: `Thought ${index}`, body: 'Another thought.' });
    let refused: any = null;
    for (let index = 0; index < 10 && !refused; index += 1) {
      const result = await api().graphql(createPostMutation, { input: input(index) }, { token: cast.member.token });
      if (result.data?.createPost.__typename === 'RateLimitedError') refused = result.data.createPost;
      else expect(result.data?.createPost.__typename).toBe('CreatePostPayload');
    }
    expect(refused).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    const before = await contentFingerprint(db());
    const again = await api().graphql(createPostMutation, { input: input(99) }, { token: cast.member.token });
    expect(again.data?.createPost.__typename).toBe('RateLimitedError');
    expect(await contentFingerprint(db())).toEqual(before);
    // Edits don't spend the allowance: fixing a typo still works while new posts are refused.
    const mine = await db().selectFrom('posts').select('id').where('author_id', '=', cast.member.row.id).executeTakeFirstOrThrow();
    const fixed = await api().graphql(editPostMutation, { input: { postId: globalId('Post', mine.id), body: 'Another thought, fixed.' } }, { token: cast.member.token });
    expect(fixed.data?.editPost.__typename).toBe('EditPostPayload');
    // Another member's allowance is their own.
    const other = await api().graphql(createPostMutation, { input: input(100) }, { token: cast.author.token });
    expect(other.data?.createPost.__typename).toBe('CreatePostPayload');
  });
});
