import { describe, expect, it } from 'vitest';
import { createTestPost } from '../../../test-support/factories.js';
import { describeEachDatabase, type TestApi } from '../../../test-support/test-api.js';
import { moderateMutation } from '../moderation/moderation-test-fixtures.js';
import { createCast, createPostMutation, createReplyMutation, editPostMutation, globalId, type Cast } from './posts-test-fixtures.js';

/**
 * A post or reply in crisis: published behind an automatic content warning in the reader's language by default,
 * the writer's choice of who sees it, and the institution's choice to hold such items for a facilitator.
 */
const crisisFields = `id contentWarning contentWarningKind viewerCrisisVisibility status replyCount`;
const itemQuery = `query($id: ID!) { node(id: $id) { ... on Post { ${crisisFields} } ... on Reply { id contentWarning contentWarningKind viewerCrisisVisibility status } } }`;
const feedIds = `query($id: ID!) { node(id: $id) { ... on Group { posts(first: 20) { edges { node { id } } } } } }`;
const setVisibility = `mutation($input: SetCrisisItemVisibilityInput!) { setCrisisItemVisibility(input: $input) {
  __typename ... on Error { message } ... on ValidationError { fields { path message } }
  ... on Post { ${crisisFields} } ... on Reply { id contentWarning contentWarningKind viewerCrisisVisibility } } }`;
const updateInstitution = `mutation($input: UpdateInstitutionInput!) { updateInstitution(input: $input) { __typename ... on Institution { crisisPostHandling } } }`;

const englishWarning = 'This post mentions suicide or self-harm';

describeEachDatabase('crisis visibility', (api) => {
  const db = () => api().database.db;
  const ask = (query: string, variables: Record<string, unknown>, token?: string) => api().graphql(query, variables, { token });

  async function crisisPost(cast: Cast, input: Record<string, unknown> = {}) {
    const created = await ask(createPostMutation, { input: { groupId: cast.groupId, title: 'Tonight', body: 'I want to end my life tonight.', ...input } }, cast.author.token);
    expect(created.data!.createPost.__typename).toBe('CreatePostPayload');
    return created.data!.createPost.post.id as string;
  }

  async function arabicMember(cast: Cast) {
    const member = await cast.join({ name: 'Salma', locale: 'ar' });
    return member;
  }

  it('publishes a post in crisis behind the automatic warning, in each reader\'s language, and keeps an author\'s own warning', async () => {
    const cast = await createCast(api());
    const postId = await crisisPost(cast, { anonymous: true });
    const peer = (await ask(itemQuery, { id: postId }, cast.member.token)).data!.node;
    expect(peer).toMatchObject({ contentWarning: englishWarning, contentWarningKind: 'CRISIS', viewerCrisisVisibility: null, status: 'PUBLISHED' });
    const arabic = (await ask(itemQuery, { id: postId }, (await arabicMember(cast)).token)).data!.node;
    expect(arabic.contentWarning).toBe('يتحدث هذا المنشور عن الانتحار أو إيذاء النفس');
    const writer = (await ask(itemQuery, { id: postId }, cast.author.token)).data!.node;
    expect(writer).toMatchObject({ contentWarningKind: 'CRISIS', viewerCrisisVisibility: 'WITH_WARNING' });

    const ownWarning = await ask(createPostMutation, { input: { groupId: cast.groupId, title: 'Night', body: 'I want to die.', contentWarning: 'dark thoughts' } }, cast.member.token);
    expect(ownWarning.data!.createPost.post.contentWarning).toBe('dark thoughts');
    const calm = await createTestPost(db(), cast.group, cast.author.row, { body: 'A good day.' });
    expect((await ask(itemQuery, { id: globalId('Post', calm.id) }, cast.member.token)).data!.node).toMatchObject({ contentWarning: null, contentWarningKind: null });
  });

  it('gives a reply in crisis and a post edited into crisis the same warning', async () => {
    const cast = await createCast(api());
    const calm = await createTestPost(db(), cast.group, cast.member.row, { body: 'How do you all cope?' });
    const reply = await ask(createReplyMutation, { input: { postId: globalId('Post', calm.id), body: 'Honestly I want to kill myself.' } }, cast.author.token);
    const replyId = reply.data!.createReply.reply.id;
    expect((await ask(itemQuery, { id: replyId }, cast.member.token)).data!.node).toMatchObject({
      contentWarning: 'This reply mentions suicide or self-harm',
      contentWarningKind: 'CRISIS',
    });
    const edited = await ask(editPostMutation, { input: { postId: globalId('Post', calm.id), body: 'I have the pills ready and I will take them tonight.' } }, cast.member.token);
    expect(edited.data!.editPost.post.contentWarning).toBe(englishWarning);
  });

  it("lets the writer choose: without the warning, the facilitators only, or back behind the warning", async () => {
    const cast = await createCast(api(), { visibility: 'PUBLIC', public_reading: true });
    const postId = await crisisPost(cast);
    const seenBy = async (token?: string) => (await ask(itemQuery, { id: postId }, token)).data?.node ?? null;
    const inFeed = async (token?: string) =>
      ((await api().graphql(feedIds, { id: cast.groupId }, { token, institution: cast.institution.row.slug })).data!.node.posts.edges as Array<{ node: { id: string } }>).some(
        (edge) => edge.node.id === postId,
      );

    const visible = await ask(setVisibility, { input: { subjectId: postId, visibility: 'VISIBLE' } }, cast.author.token);
    expect(visible.data!.setCrisisItemVisibility).toMatchObject({ __typename: 'Post', viewerCrisisVisibility: 'VISIBLE', contentWarning: null });
    expect(await seenBy(cast.member.token)).toMatchObject({ contentWarning: null, contentWarningKind: null });

    await ask(setVisibility, { input: { subjectId: postId, visibility: 'FACILITATORS_ONLY' } }, cast.author.token);
    expect(await seenBy(cast.member.token)).toBeNull();
    expect(await inFeed(cast.member.token)).toBe(false);
    expect(await inFeed(undefined)).toBe(false);
    expect(await seenBy(cast.peer.token)).toMatchObject({ id: postId, viewerCrisisVisibility: null });
    expect(await inFeed(cast.professional.token)).toBe(true);
    expect(await seenBy(cast.author.token)).toMatchObject({ viewerCrisisVisibility: 'FACILITATORS_ONLY' });
    expect(await inFeed(cast.author.token)).toBe(true);

    await ask(setVisibility, { input: { subjectId: postId, visibility: 'WITH_WARNING' } }, cast.author.token);
    expect(await seenBy(cast.member.token)).toMatchObject({ contentWarning: englishWarning, contentWarningKind: 'CRISIS' });
    expect(await inFeed(undefined)).toBe(true);
  });

  it('keeps a reply its writer kept to the facilitators out of the count peers read', async () => {
    const cast = await createCast(api());
    const calm = await createTestPost(db(), cast.group, cast.member.row, { body: 'How was your week?' });
    const reply = await ask(createReplyMutation, { input: { postId: globalId('Post', calm.id), body: 'I want to end my life.' } }, cast.author.token);
    const postId = globalId('Post', calm.id);
    expect((await ask(itemQuery, { id: postId }, cast.member.token)).data!.node.replyCount).toBe(1);
    await ask(setVisibility, { input: { subjectId: reply.data!.createReply.reply.id, visibility: 'FACILITATORS_ONLY' } }, cast.author.token);
    expect((await ask(itemQuery, { id: postId }, cast.member.token)).data!.node.replyCount).toBe(0);
    expect((await ask(itemQuery, { id: reply.data!.createReply.reply.id }, cast.member.token)).data!.node).toBeNull();
  });

  it('refuses everyone but the writer, items not in crisis and ids that are not a post or reply', async () => {
    const cast = await createCast(api());
    const postId = await crisisPost(cast, { anonymous: true });
    for (const token of [cast.member.token, cast.professional.token, cast.admin.token]) {
      const refused = await ask(setVisibility, { input: { subjectId: postId, visibility: 'FACILITATORS_ONLY' } }, token);
      expect(refused.data!.setCrisisItemVisibility.__typename).toBe('ForbiddenError');
      // The refusal names nobody.
      expect(JSON.stringify(refused)).not.toContain(cast.author.row.display_name);
    }
    expect((await ask(setVisibility, { input: { subjectId: postId, visibility: 'VISIBLE' } }, cast.otherTenant.token)).data!.setCrisisItemVisibility.__typename).toBe('NotFoundError');
    const guest = await api().graphql(setVisibility, { input: { subjectId: postId, visibility: 'VISIBLE' } }, { institution: cast.institution.row.slug });
    expect(guest.data!.setCrisisItemVisibility.__typename).toBe('ForbiddenError');
    const calm = await createTestPost(db(), cast.group, cast.author.row);
    const notCrisis = await ask(setVisibility, { input: { subjectId: globalId('Post', calm.id), visibility: 'VISIBLE' } }, cast.author.token);
    expect(notCrisis.data!.setCrisisItemVisibility).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'subjectId'] }] });
    const badId = await ask(setVisibility, { input: { subjectId: cast.groupId, visibility: 'VISIBLE' } }, cast.author.token);
    expect(badId.data!.setCrisisItemVisibility.__typename).toBe('ValidationError');
    expect((await ask(itemQuery, { id: postId }, cast.member.token)).data!.node.contentWarningKind).toBe('CRISIS');
  });

  describe('an institution that holds crisis posts for a facilitator', () => {
    async function holdingCast(api: () => TestApi) {
      const cast = await createCast(api());
      const set = await api().graphql(updateInstitution, { input: { crisisPostHandling: 'HOLD_FOR_FACILITATOR' } }, { token: cast.admin.token });
      expect(set.data!.updateInstitution).toEqual({ __typename: 'Institution', crisisPostHandling: 'HOLD_FOR_FACILITATOR' });
      return cast;
    }

    it('holds it: the writer gets the resources and sees it pending, a facilitator sees and approves it, peers and guests see nothing until then', async () => {
      const cast = await holdingCast(api);
      const created = await ask(createPostMutation, { input: { groupId: cast.groupId, title: 'Tonight', body: 'I want to end my life tonight.' } }, cast.author.token);
      expect(created.data!.createPost.crisisResources.length).toBeGreaterThan(0);
      const postId = created.data!.createPost.post.id;
      expect(created.data!.createPost.post.status).toBe('PENDING_REVIEW');
      expect((await ask(itemQuery, { id: postId }, cast.member.token)).data!.node).toBeNull();
      expect((await ask(itemQuery, { id: postId })).data!.node).toBeNull();
      expect((await ask(itemQuery, { id: postId }, cast.peer.token)).data!.node).toMatchObject({ status: 'PENDING_REVIEW' });
      const approved = await ask(moderateMutation, { input: { subjectId: postId, action: 'APPROVE', reason: 'Reached out; fine to share.' } }, cast.professional.token);
      expect(approved.data!.moderate.__typename).toBe('ModerationAction');
      expect((await ask(itemQuery, { id: postId }, cast.member.token)).data!.node).toMatchObject({ status: 'PUBLISHED', contentWarningKind: 'CRISIS' });
    });

    it('only its admins read and change the setting', async () => {
      const cast = await holdingCast(api);
      const query = `query($slug: String!) { institution(slug: $slug) { crisisPostHandling } }`;
      expect((await ask(query, { slug: cast.institution.row.slug }, cast.member.token)).data!.institution.crisisPostHandling).toBeNull();
      expect((await ask(query, { slug: cast.institution.row.slug }, cast.admin.token)).data!.institution.crisisPostHandling).toBe('HOLD_FOR_FACILITATOR');
      const refused = await ask(updateInstitution, { input: { crisisPostHandling: 'PUBLISH_WITH_WARNING' } }, cast.member.token);
      expect(refused.errors?.[0]?.extensions?.code ?? refused.data?.updateInstitution?.__typename).toMatch(/FORBIDDEN|ForbiddenError/);
      const bad = await ask(updateInstitution, { input: { crisisPostHandling: 'HIDE' } }, cast.admin.token);
      expect(bad.errors?.[0]?.message).toMatch(/CrisisPostHandling/);
    });
  });
});
