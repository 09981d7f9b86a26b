import { expect, it } from 'vitest';
import { createTestPost, createTestReply, secondsAgo } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { createCast, feedQuery, globalId, postQuery } from './posts-test-fixtures.js';

/**
 * Reading posts: the feed's order and pages, who reads a group's posts, held and hidden posts, unanswered posts,
 * a member's own posts, and the statements a feed costs.
 */
describeEachDatabase('posts: feeds', (api) => {
  const db = () => api().database.db;

  it('lists the feed pinned first, newest first or by latest activity, by keyset pages', async () => {
    const cast = await createCast(api());
    const posts = [];
    for (let index = 0; index < 5; index += 1) {
      posts.push(await createTestPost(db(), cast.group, cast.author.row, { title: `post ${index}`, createdAt: secondsAgo(500 - index * 10) }));
    }
    // post 0 is pinned; post 1 had the latest reply.
    await db().updateTable('posts').set({ pinned_at: new Date() }).where('id', '=', posts[0]!.id).execute();
    await db().updateTable('posts').set({ last_activity_at: secondsAgo(5) }).where('id', '=', posts[1]!.id).execute();
    const titles = (result: any) => result.data?.node.posts.edges.map((edge: any) => edge.node.title);

    const newest = await api().graphql(feedQuery, { id: cast.groupId, first: 2 }, { token: cast.member.token });
    expect(titles(newest)).toEqual(['post 0', 'post 4']);
    expect(newest.data?.node.posts.pageInfo.hasNextPage).toBe(true);
    const next = await api().graphql(feedQuery, { id: cast.groupId, first: 2, after: newest.data?.node.posts.pageInfo.endCursor }, { token: cast.member.token });
    expect(titles(next)).toEqual(['post 3', 'post 2']);
    const last = await api().graphql(feedQuery, { id: cast.groupId, first: 2, after: next.data?.node.posts.pageInfo.endCursor }, { token: cast.member.token });
    expect(titles(last)).toEqual(['post 1']);
    expect(last.data?.node.posts.pageInfo.hasNextPage).toBe(false);

    const active = await api().graphql(feedQuery, { id: cast.groupId, order: 'LATEST_ACTIVITY' }, { token: cast.member.token });
    expect(titles(active)).toEqual(['post 0', 'post 1', 'post 4', 'post 3', 'post 2']);

    const forged = await api().graphql(feedQuery, { id: cast.groupId, after: Buffer.from('["x"]').toString('base64url') }, { token: cast.member.token });
    expect(forged.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });

  it('shows the group\'s posts to members and admins, to anyone only where a PUBLIC group allows public reading', async () => {
    const cast = await createCast(api());
    await createTestPost(db(), cast.group, cast.author.row, { title: 'members only' });
    const count = async (options: { token?: string; institution?: string }) =>
      (await api().graphql(feedQuery, { id: cast.groupId }, options)).data?.node?.posts.edges.length ?? null;
    expect(await count({ token: cast.member.token })).toBe(1);
    expect(await count({ token: cast.admin.token })).toBe(1);
    expect(await count({ token: cast.institution.serviceToken })).toBe(1);
    expect(await count({ token: cast.applicant.token })).toBe(0);
    expect(await count({ token: cast.outsider.token })).toBe(0);
    expect(await count({ institution: cast.institution.row.slug })).toBe(0);

    await db().updateTable('groups').set({ public_reading: true }).where('id', '=', cast.group.id).execute();
    expect(await count({ institution: cast.institution.row.slug })).toBe(1);
    expect(await count({ token: cast.otherTenant.token })).toBe(1);

    // Public reading is for PUBLIC groups only.
    await db().updateTable('groups').set({ visibility: 'UNLISTED' }).where('id', '=', cast.group.id).execute();
    expect(await count({ institution: cast.institution.row.slug })).toBe(0);
  });

  it('lets admins set publicReading, not facilitators', async () => {
    const cast = await createCast(api());
    const update = `mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { __typename ... on Group { publicReading } } }`;
    const byProfessional = await api().graphql(update, { input: { groupId: cast.groupId, publicReading: true } }, { token: cast.professional.token });
    expect(byProfessional.data?.updateGroup.__typename).toBe('ForbiddenError');
    const byAdmin = await api().graphql(update, { input: { groupId: cast.groupId, publicReading: true } }, { token: cast.admin.token });
    expect(byAdmin.data?.updateGroup).toEqual({ __typename: 'Group', publicReading: true });
  });

  it('shows held posts to their author and the facilitators, hidden ones to facilitators, and neither to other members', async () => {
    const cast = await createCast(api());
    const held = await createTestPost(db(), cast.group, cast.author.row, { status: 'PENDING_REVIEW', title: 'held' });
    const hidden = await createTestPost(db(), cast.group, cast.author.row, { status: 'HIDDEN', title: 'hidden' });
    const titles = async (token: string) =>
      (await api().graphql(feedQuery, { id: cast.groupId }, { token })).data?.node.posts.edges.map((edge: any) => `${edge.node.title}:${edge.node.status}`).sort();
    expect(await titles(cast.author.token)).toEqual(['held:PENDING_REVIEW']);
    expect(await titles(cast.member.token)).toEqual([]);
    expect(await titles(cast.peer.token)).toEqual(['held:PENDING_REVIEW', 'hidden:HIDDEN']);
    expect(await titles(cast.admin.token)).toEqual(['held:PENDING_REVIEW', 'hidden:HIDDEN']);
    const node = async (id: string, token: string) => (await api().graphql(postQuery, { id: globalId('Post', id) }, { token })).data?.node;
    expect(await node(held.id, cast.member.token)).toBeNull();
    expect(await node(hidden.id, cast.author.token)).toBeNull();
    expect(await node(hidden.id, cast.professional.token)).toMatchObject({ title: 'hidden', status: 'HIDDEN' });
  });

  it('lists unanswered posts oldest first until someone other than the author replies', async () => {
    const cast = await createCast(api());
    const old = await createTestPost(db(), cast.group, cast.author.row, { title: 'old', createdAt: secondsAgo(300) });
    const selfAnswered = await createTestPost(db(), cast.group, cast.member.row, { title: 'self', createdAt: secondsAgo(200) });
    await createTestReply(db(), selfAnswered, cast.member.row, { body: 'adding more' });
    const answered = await createTestPost(db(), cast.group, cast.author.row, { title: 'answered', createdAt: secondsAgo(100) });
    await createTestReply(db(), answered, cast.peer.row);
    const heldAnswer = await createTestPost(db(), cast.group, cast.author.row, { title: 'held answer', createdAt: secondsAgo(50) });
    await createTestReply(db(), heldAnswer, cast.peer.row, { status: 'PENDING_REVIEW' });
    void old;
    const unanswered = await api().graphql(
      `query($id: ID!) { node(id: $id) { ... on Group { unansweredPosts { edges { node { title } } } } } }`,
      { id: cast.groupId },
      { token: cast.member.token },
    );
    expect(unanswered.data?.node.unansweredPosts.edges.map((edge: any) => edge.node.title)).toEqual(['old', 'self', 'held answer']);
  });

  it("lists a member's own posts to them only, and the replies others wrote to them", async () => {
    const cast = await createCast(api());
    const mine = await createTestPost(db(), cast.group, cast.author.row, { title: 'mine', anonymous: true });
    await createTestPost(db(), cast.group, cast.author.row, { title: 'held', status: 'PENDING_REVIEW' });
    await createTestReply(db(), mine, cast.member.row, { body: 'to you' });
    await createTestReply(db(), mine, cast.author.row, { body: 'my own follow-up' });
    const myPosts = `query { me { posts { edges { node { title status anonymous } } } } }`;
    const own = await api().graphql(myPosts, {}, { token: cast.author.token });
    expect(own.data?.me.posts.edges.map((edge: any) => edge.node.title).sort()).toEqual(['held', 'mine']);

    const asFacilitator = await api().graphql(
      `query($id: ID!) { node(id: $id) { ... on Member { displayName posts { edges { node { id } } } } } }`,
      { id: globalId('Member', cast.author.row.id) },
      { token: cast.peer.token },
    );
    expect(asFacilitator.data?.node).toEqual({ displayName: 'Amal Haddad', posts: null });

    const replies = await api().graphql(`query { repliesToMyPosts { edges { node { body authorName post { title } } } } }`, {}, { token: cast.author.token });
    expect(replies.data?.repliesToMyPosts.edges).toEqual([{ node: { body: 'to you', authorName: 'Brian Okafor', post: { title: 'mine' } } }]);
    const guest = await api().graphql(`query { repliesToMyPosts { edges { node { id } } } }`, {}, { institution: cast.institution.row.slug });
    expect(guest.data?.repliesToMyPosts.edges).toEqual([]);
  });

  it('runs the feed in a fixed number of statements whatever the page size', async () => {
    const cast = await createCast(api());
    for (let index = 0; index < 25; index += 1) {
      const post = await createTestPost(db(), cast.group, index % 2 ? cast.author.row : cast.member.row, { anonymous: index % 3 === 0, createdAt: secondsAgo(1000 - index) });
      await createTestReply(db(), post, cast.peer.row, { createdAt: secondsAgo(900 - index) });
      await createTestReply(db(), post, cast.author.row, { anonymous: true, createdAt: secondsAgo(800 - index) });
      await db().insertInto('reactions').values({ institution_id: post.institution_id, group_id: post.group_id, subject_type: 'POST', subject_id: post.id, member_id: cast.member.row.id, kind: 'HUG' }).execute();
    }
    const feed = `query($id: ID!, $first: Int) { node(id: $id) { ... on Group { posts(first: $first) { edges { node {
      id title authorName anonymous replyCount reactionCounts { kind count } viewerReactions
      replies(first: 3) { edges { node { id body authorName reactionCounts { kind count } } } }
    } } } } } }`;
    const small = await api().graphql(feed, { id: cast.groupId, first: 2 }, { token: cast.member.token });
    const large = await api().graphql(feed, { id: cast.groupId, first: 20 }, { token: cast.member.token });
    expect(small.errors).toBeUndefined();
    expect(large.data?.node.posts.edges).toHaveLength(20);
    expect(large.data?.node.posts.edges[0].node.replies.edges).toHaveLength(2);
    expect(large.statements).toBe(small.statements);
    // Authentication (3), the group and the viewer's membership, the page, its reaction counts, the first replies, theirs.
    expect(large.statements).toBeLessThanOrEqual(9);

    const post = await createTestPost(db(), cast.group, cast.author.row);
    const thread = `query($id: ID!, $first: Int) { node(id: $id) { ... on Post { title authorName reactionCounts { kind count } viewerReactions
      replies(first: $first) { edges { node { id body authorName viewerReactions reactionCounts { kind count } replies(first: 10) { edges { node { id body authorName } } } } } } } } }`;
    const id = globalId('Post', post.id);
    for (let index = 0; index < 12; index += 1) {
      const top = await createTestReply(db(), post, cast.peer.row, { createdAt: secondsAgo(500 - index) });
      await createTestReply(db(), post, cast.member.row, { parent: top, anonymous: true, createdAt: secondsAgo(400 - index) });
    }
    const short = await api().graphql(thread, { id, first: 1 }, { token: cast.member.token });
    expect(short.data?.node.replies.edges).toHaveLength(1);
    const long = await api().graphql(thread, { id, first: 12 }, { token: cast.member.token });
    expect(long.data?.node.replies.edges).toHaveLength(12);
    expect(long.statements).toBe(short.statements);
  });
});
