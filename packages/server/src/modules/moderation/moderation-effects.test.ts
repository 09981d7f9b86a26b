import { expect, it } from 'vitest';
import type { TestMember } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { mutationDocument } from '../../../test-support/test-documents.js';
import { auditLogQuery, globalId, moderateMutation, queueQuery, reportMutation, revealMutation } from './moderation-test-fixtures.js';

const createPost = mutationDocument('createPost', 'CreatePostInput', '... on CreatePostPayload { post { id status } crisisResources { name } }');
const createReply = mutationDocument('createReply', 'CreateReplyInput', '... on CreateReplyPayload { reply { id } }');
const readPost = `query($id: ID!) { node(id: $id) { ... on Post { id status pinned locked } } }`;
const feed = `query($id: ID!) { node(id: $id) { ... on Group { viewerCanPost posts(first: 10) { edges { node { id pinned } } } } } }`;

/** What moderation does, seen through the conversations themselves (the posts module's API). */
describeEachDatabase('moderation effects on conversations', (api) => {
  const t = withTestInstitution(api);
  const run = (query: string, variables: Record<string, unknown>, token?: string) => t.data(query, variables, token);
  const mutate = (mutation: string, input: Record<string, unknown>, token?: string) => t.mutate(mutation, input, token);

  async function community() {
    const { group, groupId, peer, author, reader } = await t.groupWith({ peer: 'PEER_FACILITATOR', author: 'MEMBER', reader: 'MEMBER' });
    const post = async (who: TestMember, title = 'Tonight is hard') => {
      const created = await mutate(createPost, { groupId, title, body: 'Anyone awake?' }, who.token);
      expect(created.__typename).toBe('CreatePostPayload');
      return created.post.id as string;
    };
    return { group, groupId, peer, author, reader, post };
  }

  it("keeps a suspended or banned author from posting and replying, while the suspension lasts", async () => {
    const { groupId, peer, author, reader, post } = await community();
    const first = await post(author);
    const until = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const suspended = await mutate(moderateMutation, { subjectId: first, action: 'SUSPEND', reason: 'Two days off.', suspendUntil: until }, peer.token);
    expect(suspended.__typename).toBe('ModerationAction');

    expect((await mutate(createPost, { groupId, title: 'Again', body: 'Me again.' }, author.token)).__typename).toBe('ForbiddenError');
    const readerPost = await post(reader);
    expect((await mutate(createReply, { postId: readerPost, body: 'Hello.' }, author.token)).__typename).toBe('ForbiddenError');
    expect(((await run(feed, { id: groupId }, author.token)).node as any).viewerCanPost).toBe(false);

    // When the suspension is over, they take part again without anyone lifting it.
    await t.db.updateTable('memberships').set({ suspended_until: new Date(Date.now() - 1000) }).where('member_id', '=', author.row.id).execute();
    expect((await mutate(createReply, { postId: readerPost, body: 'Back.' }, author.token)).__typename).toBe('CreateReplyPayload');

    await mutate(moderateMutation, { subjectId: first, action: 'BAN', reason: 'Threats.' }, peer.token);
    expect((await mutate(createPost, { groupId, title: 'Again', body: 'Me again.' }, author.token)).__typename).toBe('ForbiddenError');
  });

  it('locks a thread against replies and pins it to the top of the feed, until undone', async () => {
    const { groupId, peer, author, reader, post } = await community();
    const older = await post(author, 'Older');
    await post(reader, 'Newer');
    await mutate(moderateMutation, { subjectId: older, action: 'LOCK', reason: 'Going in circles.' }, peer.token);
    expect((await mutate(createReply, { postId: older, body: 'One more thing.' }, reader.token)).__typename).toBe('ForbiddenError');
    expect(((await run(readPost, { id: older }, reader.token)).node as any).locked).toBe(true);
    await mutate(moderateMutation, { subjectId: older, action: 'UNLOCK', reason: 'Calmer now.' }, peer.token);
    expect((await mutate(createReply, { postId: older, body: 'One more thing.' }, reader.token)).__typename).toBe('CreateReplyPayload');

    await mutate(moderateMutation, { subjectId: older, action: 'PIN', reason: 'Useful for newcomers.' }, peer.token);
    const pinned = ((await run(feed, { id: groupId }, reader.token)).node as any).posts.edges.map((edge: any) => edge.node);
    expect(pinned[0]).toEqual({ id: older, pinned: true });
  });

  it('hides an item from members but not from facilitators, and restores it', async () => {
    const { peer, author, reader, post } = await community();
    const id = await post(author);
    await mutate(moderateMutation, { subjectId: id, action: 'HIDE', reason: 'Graphic detail.' }, peer.token);
    expect((await run(readPost, { id }, reader.token)).node).toBeNull();
    expect((await run(readPost, { id }, peer.token)).node).toMatchObject({ id, status: 'HIDDEN' });
    await mutate(moderateMutation, { subjectId: id, action: 'RESTORE', reason: 'Edited by the author.' }, peer.token);
    expect((await run(readPost, { id }, reader.token)).node).toMatchObject({ id, status: 'PUBLISHED' });
  });

  it('puts an Arabic crisis post, written anonymously, first in the queue, where a professional may reveal its author', async () => {
    const { groupId, professional, writer, reader } = await t.groupWith(
      { professional: { role: 'PROFESSIONAL_FACILITATOR', locale: 'ar' }, writer: { locale: 'ar' }, reader: { locale: 'ar' } },
      { languages: ['ar'], anonymity_policy: 'ANONYMOUS_REVEALABLE_IN_CRISIS', facilitation: 'PROFESSIONAL' },
    );

    const everyday = await mutate(createPost, { groupId, title: 'سؤال عن الدواء', body: 'هل جرب أحدكم هذا الدواء؟' }, reader.token);
    const reported = await mutate(reportMutation, { subjectId: everyday.post.id, reason: 'SPAM' }, writer.token);
    expect(reported.__typename).toBe('Report');
    const crisis = await mutate(createPost, { groupId, title: 'لم أعد أحتمل', body: 'أريد أن أنهي حياتي.', anonymous: true }, writer.token);
    // Published, not held; the writer sees crisis resources at once.
    expect(crisis).toMatchObject({ __typename: 'CreatePostPayload', post: { status: 'PUBLISHED' } });
    expect(crisis.crisisResources.length).toBeGreaterThan(0);

    const queue = (await run(queueQuery, { groupId }, professional.token)).moderationQueue as any;
    expect(queue.edges.map((edge: any) => edge.node.subject.id)).toEqual([crisis.post.id, everyday.post.id]);
    expect(queue.edges[0].node).toMatchObject({ crisis: true, flags: ['CRISIS_LANGUAGE'], reportCount: 0, subject: { authorName: expect.stringMatching(/^Anonymous/), author: null } });

    const caseId = queue.edges[0].node.id;
    const revealed = await mutate(revealMutation, { subjectId: crisis.post.id, caseId, reason: 'Crisis language: reaching out tonight.' }, professional.token);
    expect(revealed).toMatchObject({ __typename: 'RevealedAuthor', member: { id: globalId('Member', writer.row.id) } });
    await mutate(moderateMutation, { caseId, action: 'DISMISS', reason: 'Called them; they are safe and with family.' }, professional.token);
    const log = (await run(auditLogQuery, { groupId }, professional.token)).auditLog as any;
    expect(log.edges.map((edge: any) => edge.node.action)).toEqual(['DISMISS', 'REVEAL_AUTHOR']);
  });
});
