import { beforeAll, expect, it } from 'vitest';
import { createTestPost } from '../../../test-support/factories.js';
import { describeEachDatabase, type TestApi } from '../../../test-support/test-api.js';
import { mutationDocument } from '../../../test-support/test-documents.js';
import { createCast, createPostMutation, globalId, type Cast } from '../posts/posts-test-fixtures.js';

/**
 * Outreach: a facilitator reaches the anonymous writer of a crisis post, the writer answers, and nothing the
 * facilitators' side reads (the thread, its messages, errors, the moderation item, the listing) names the writer.
 */
const threadFields = `id startedBy writerName viewerIsWriter lastMessageAt createdAt subjectExcerpt group { id }
  subject { id ... on Post { authorName author { id displayName } } ... on Reply { authorName author { id } } }
  messages { edges { cursor node { id body bodyHtml from senderName viewerIsSender crisis createdAt } } pageInfo { hasNextPage endCursor } }`;

const startOutreach = mutationDocument('startOutreach', 'StartOutreachInput', `... on OutreachThread { ${threadFields} }`);
const replyToOutreach = mutationDocument('replyToOutreach', 'ReplyToOutreachInput', '... on OutreachMessage { id body from senderName crisis createdAt }');
const contactFacilitators = mutationDocument('contactFacilitators', 'ContactFacilitatorsInput', `... on OutreachThread { ${threadFields} }`);
const threadsQuery = `query($first: Int, $after: String) { outreachThreads(first: $first, after: $after) { edges { cursor node { ${threadFields} } } pageInfo { hasNextPage endCursor } } }`;
const nodeQuery = `query($id: ID!) { node(id: $id) { id ... on OutreachThread { ${threadFields} } ... on OutreachMessage { body senderName } } }`;
const queueQuery = `query($groupId: ID) { moderationQueue(groupId: $groupId) { edges { node { id flags subject { id } outreachThreads { ${threadFields} } } } } }`;

interface Scene {
  cast: Cast;
  postId: string;
  identifiers: string[];
}

async function buildScene(api: TestApi): Promise<Scene> {
  const cast = await createCast(api);
  await api.database.db.updateTable('memberships').set({ pseudonym: 'Quiet River', appearance: 'PSEUDONYM' }).where('member_id', '=', cast.author.row.id).execute();
  // Someone else posts anonymously in the thread first, so the author's alias is not always "Anonymous 1".
  const created = await api.graphql(
    createPostMutation,
    { input: { groupId: cast.groupId, title: 'Tonight', body: 'I want to end my life tonight.', anonymous: true } },
    { token: cast.author.token },
  );
  const post = created.data!.createPost.post;
  expect(post.authorName).toBe('Anonymous 1');
  return {
    cast,
    postId: post.id,
    identifiers: [cast.author.row.display_name, 'Quiet River', cast.author.row.id, globalId('Member', cast.author.row.id), cast.author.row.external_id],
  };
}

function expectNoIdentity(value: unknown, identifiers: string[]) {
  const text = JSON.stringify(value);
  for (const identifier of identifiers) expect(text, `leaks ${identifier}`).not.toContain(identifier);
}

describeEachDatabase('outreach', (api) => {
  let scene: Scene;
  let threadId: string;
  beforeAll(async () => {
    scene = await buildScene(api());
  });

  it('a professional facilitator reaches the anonymous writer of a crisis post, seeing only the thread alias', async () => {
    const { cast, postId } = scene;
    const result = await api().graphql(startOutreach, { input: { subjectId: postId, body: 'Hi, I read your post. I am here, **would you talk** with me? <b>now</b>' } }, { token: cast.professional.token });
    const thread = result.data!.startOutreach;
    expect(thread.__typename).toBe('OutreachThread');
    expect(thread.startedBy).toBe('FACILITATORS');
    expect(thread.writerName).toBe('Anonymous 1');
    expect(thread.viewerIsWriter).toBe(false);
    expect(thread.subject.author).toBeNull();
    expect(thread.subjectExcerpt).toBe('I want to end my life tonight.');
    const message = thread.messages.edges[0].node;
    expect(message.from).toBe('FACILITATORS');
    expect(message.senderName).toBe('Dana Levi');
    expect(message.viewerIsSender).toBe(true);
    expect(message.bodyHtml).toContain('&lt;b&gt;');
    expect(message.bodyHtml).not.toContain('<b>');
    expect(message.createdAt).toMatch(/:00\.000Z$/);
    expectNoIdentity(result, scene.identifiers);
    threadId = thread.id;
  });

  it('a second outreach about the same item continues the thread', async () => {
    const result = await api().graphql(startOutreach, { input: { subjectId: scene.postId, body: 'Checking in again.' } }, { token: scene.cast.peer.token });
    expect(result.data!.startOutreach.id).toBe(threadId);
    expect(result.data!.startOutreach.messages.edges.map((edge: any) => edge.node.senderName)).toEqual(['Dana Levi', 'Chen Wei']);
  });

  it('the writer sees the thread and answers under the alias; crisis language in the answer is detected and flags the item again', async () => {
    const { cast } = scene;
    const listed = await api().graphql(threadsQuery, {}, { token: cast.author.token });
    const mine = listed.data!.outreachThreads.edges.map((edge: any) => edge.node);
    expect(mine.map((thread: any) => thread.id)).toEqual([threadId]);
    expect(mine[0].viewerIsWriter).toBe(true);
    const answer = await api().graphql(replyToOutreach, { input: { threadId, body: 'Thank you. I still want to die.' } }, { token: cast.author.token });
    expect(answer.data!.replyToOutreach).toMatchObject({ __typename: 'OutreachMessage', from: 'WRITER', senderName: 'Anonymous 1', crisis: true });
    const queue = await api().graphql(queueQuery, { groupId: cast.groupId }, { token: cast.peer.token });
    const item = queue.data!.moderationQueue.edges.map((edge: any) => edge.node).find((node: any) => node.subject?.id === scene.postId);
    expect(item.flags).toContain('OUTREACH_CRISIS_LANGUAGE');
  });

  it("every view of the facilitators' side has no author identity: the thread, node(id), the listing, the moderation item", async () => {
    const { cast } = scene;
    for (const token of [cast.peer.token, cast.professional.token, cast.admin.token]) {
      const views = [
        await api().graphql(nodeQuery, { id: threadId }, { token }),
        await api().graphql(threadsQuery, {}, { token }),
        await api().graphql(queueQuery, { groupId: cast.groupId }, { token }),
      ];
      expect(views[0]!.data!.node.messages.edges.map((edge: any) => edge.node.senderName)).toEqual(['Dana Levi', 'Chen Wei', 'Anonymous 1']);
      expect(views[1]!.data!.outreachThreads.edges.some((edge: any) => edge.node.id === threadId)).toBe(true);
      const item = views[2]!.data!.moderationQueue.edges.find((edge: any) => edge.node.subject?.id === scene.postId);
      expect(item.node.outreachThreads.map((thread: any) => thread.id)).toEqual([threadId]);
      for (const view of views) {
        expect(view.errors).toBeUndefined();
        expectNoIdentity(view, scene.identifiers);
        // Times to the minute, cursors with ids only.
        for (const time of JSON.stringify(view).match(/\d{4}-\d\d-\d\dT[\d:.]+Z/g) ?? []) expect(time).toMatch(/:00\.000Z$/);
      }
    }
  });

  it('the alias reads in the reader\'s language', async () => {
    const { cast } = scene;
    await api().database.db.updateTable('members').set({ locale: 'ar' }).where('id', '=', cast.peer.row.id).execute();
    const view = await api().graphql(nodeQuery, { id: threadId }, { token: cast.peer.token });
    expect(view.data!.node.writerName).toBe('مجهول 1');
    await api().database.db.updateTable('members').set({ locale: 'en' }).where('id', '=', cast.peer.row.id).execute();
  });

  it('refuses everyone else, with errors that name nobody', async () => {
    const { cast, postId } = scene;
    const refusals: Record<string, unknown> = {};
    const actors = {
      member: { token: cast.member.token },
      applicant: { token: cast.applicant.token },
      outsider: { token: cast.outsider.token },
      otherTenant: { token: cast.otherTenant.token },
      guest: { institution: cast.institution.row.slug },
      serviceToken: { token: cast.institution.serviceToken },
    };
    for (const [name, actor] of Object.entries(actors)) {
      const start = await api().graphql(startOutreach, { input: { subjectId: postId, body: 'Hello?' } }, actor);
      const reply = await api().graphql(replyToOutreach, { input: { threadId, body: 'Hello?' } }, actor);
      const node = await api().graphql(nodeQuery, { id: threadId }, actor);
      const queue = await api().graphql(threadsQuery, {}, actor);
      refusals[name] = [start.data?.startOutreach.__typename, reply.data?.replyToOutreach.__typename, node.data?.node ?? null, queue.data?.outreachThreads?.edges.length ?? queue.errors?.[0]?.extensions?.code];
      expectNoIdentity([start, reply, node, queue], scene.identifiers);
    }
    expect(refusals).toEqual({
      member: ['ForbiddenError', 'NotFoundError', null, 0],
      applicant: ['ForbiddenError', 'NotFoundError', null, 0],
      outsider: ['ForbiddenError', 'NotFoundError', null, 0],
      otherTenant: ['NotFoundError', 'NotFoundError', null, 0],
      guest: ['ForbiddenError', 'ForbiddenError', null, 'FORBIDDEN'],
      serviceToken: ['ForbiddenError', 'ForbiddenError', null, 'FORBIDDEN'],
    });
  });

  it('refuses outreach about an item that is not flagged for crisis, and bad input', async () => {
    const { cast } = scene;
    const calm = await createTestPost(api().database.db, cast.group, cast.member.row, { body: 'A good day today.' });
    const notCrisis = await api().graphql(startOutreach, { input: { subjectId: globalId('Post', calm.id), body: 'Hi' } }, { token: cast.professional.token });
    expect(notCrisis.data!.startOutreach).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'subjectId'] }] });
    const empty = await api().graphql(replyToOutreach, { input: { threadId, body: '   ' } }, { token: cast.author.token });
    expect(empty.data!.replyToOutreach.__typename).toBe('ValidationError');
    const wrongId = await api().graphql(replyToOutreach, { input: { threadId: globalId('Post', calm.id), body: 'Hi' } }, { token: cast.author.token });
    expect(wrongId.data!.replyToOutreach.__typename).toBe('ValidationError');
  });

  it('a member talks to a facilitator now: one thread per member and group, under their group name; facilitators see it', async () => {
    const { cast } = scene;
    const first = await api().graphql(contactFacilitators, { input: { groupId: cast.groupId, body: 'Can someone talk to me?' } }, { token: cast.member.token });
    expect(first.data!.contactFacilitators).toMatchObject({ __typename: 'OutreachThread', startedBy: 'WRITER', viewerIsWriter: true, writerName: 'Brian Okafor' });
    const again = await api().graphql(contactFacilitators, { input: { groupId: cast.groupId, body: 'Still here.' } }, { token: cast.member.token });
    expect(again.data!.contactFacilitators.id).toBe(first.data!.contactFacilitators.id);
    const answer = await api().graphql(replyToOutreach, { input: { threadId: first.data!.contactFacilitators.id, body: 'I am here.' } }, { token: cast.peer.token });
    expect(answer.data!.replyToOutreach).toMatchObject({ from: 'FACILITATORS', senderName: 'Chen Wei' });
    // Another member's item is not a subject they can use; non-members are refused.
    const foreign = await api().graphql(contactFacilitators, { input: { groupId: cast.groupId, body: 'Hi', subjectId: scene.postId } }, { token: cast.member.token });
    expect(foreign.data!.contactFacilitators).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'subjectId'] }] });
    const outsider = await api().graphql(contactFacilitators, { input: { groupId: cast.groupId, body: 'Hi' } }, { token: cast.outsider.token });
    expect(outsider.data!.contactFacilitators.__typename).toBe('ForbiddenError');
  });

  it('the anonymous writer contacting facilitators about their own post continues the same thread, under the alias', async () => {
    const { cast } = scene;
    const result = await api().graphql(contactFacilitators, { input: { groupId: cast.groupId, body: 'Can we talk now?', subjectId: scene.postId } }, { token: cast.author.token });
    expect(result.data!.contactFacilitators.id).toBe(threadId);
    expect(result.data!.contactFacilitators.messages.edges.at(-1).node.senderName).toBe('Anonymous 1');
  });

  it('pages the listing and the messages by keyset', async () => {
    const { cast } = scene;
    const page1 = await api().graphql(threadsQuery, { first: 1 }, { token: cast.peer.token });
    const connection = page1.data!.outreachThreads;
    expect(connection.pageInfo.hasNextPage).toBe(true);
    const page2 = await api().graphql(threadsQuery, { first: 1, after: connection.pageInfo.endCursor }, { token: cast.peer.token });
    const ids = [connection.edges[0].node.id, page2.data!.outreachThreads.edges[0].node.id];
    expect(new Set(ids).size).toBe(2);
    const bad = await api().graphql(threadsQuery, { first: 1, after: 'bm9wZQ' }, { token: cast.peer.token });
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });
});

describeEachDatabase('outreach listing cost', (api) => {
  it("costs the same number of statements for 2 or 5 threads with their messages, group, subject and names", async () => {
    const cast = await createCast(api());
    const statementsFor = async (expected: number) => {
      const response = await api().graphql(threadsQuery, { first: 20 }, { token: cast.professional.token });
      expect(response.errors).toBeUndefined();
      expect(response.data!.outreachThreads.edges).toHaveLength(expected);
      return response.statements;
    };
    const addThread = async (index: number) => {
      const member = await cast.join({ name: `Writer ${index}` });
      const started = await api().graphql(contactFacilitators, { input: { groupId: cast.groupId, body: `Can we talk? (${index})` } }, { token: member.token });
      const threadId = started.data!.contactFacilitators.id;
      await api().graphql(replyToOutreach, { input: { threadId, body: 'I am here.' } }, { token: cast.peer.token });
    };
    for (let index = 0; index < 2; index += 1) await addThread(index);
    const few = await statementsFor(2);
    for (let index = 2; index < 5; index += 1) await addThread(index);
    expect(await statementsFor(5)).toBe(few);
  });
});
