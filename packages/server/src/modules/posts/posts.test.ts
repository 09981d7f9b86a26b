import { expect, it } from 'vitest';
import { createTestPost, createTestReply, secondsAgo } from '../../../test-support/factories.js';
import { contentFingerprint } from '../../../test-support/database-fingerprint.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { createCast, createPostMutation, createReplyMutation, deletePostMutation, deleteReplyMutation, editPostMutation, editReplyMutation, feedQuery, globalId, postQuery, reactMutation } from './posts-test-fixtures.js';


describeEachDatabase('posts', (api) => {
  const db = () => api().database.db;

  it('lets an active member post and reads it back under their name, or their pseudonym in that group only', async () => {
    const cast = await createCast(api());
    const created = await api().graphql(
      createPostMutation,
      { input: { groupId: cast.groupId, title: 'First week after diagnosis', body: 'I *still* feel lost.\n\n- sleep\n- food', contentWarning: 'diagnosis' } },
      { token: cast.author.token },
    );
    const post = created.data?.createPost.post;
    expect(created.data?.createPost).toMatchObject({ __typename: 'CreatePostPayload', crisisResources: [] });
    expect(post).toMatchObject({
      title: 'First week after diagnosis',
      body: 'I *still* feel lost.\n\n- sleep\n- food',
      bodyHtml: '<p dir="auto">I <em>still</em> feel lost.</p>\n<ul dir="auto"><li>sleep</li><li>food</li></ul>',
      contentWarning: 'diagnosis',
      authorName: 'Amal Haddad',
      viewerIsAuthor: true,
      status: 'PUBLISHED',
      replyCount: 0,
      author: { displayName: 'Amal Haddad' },
      reactionCounts: [
        { kind: 'SUPPORT', count: 0 },
        { kind: 'HUG', count: 0 },
        { kind: 'ME_TOO', count: 0 },
        { kind: 'THANK_YOU', count: 0 },
        { kind: 'HELPFUL', count: 0 },
      ],
    });
    expect(post.createdAt).toMatch(/T\d\d:\d\d:\d\d\.000Z$/);

    // A pseudonym set in this group names the author here; one set in another group never does.
    const otherGroup = await createTestPost(db(), cast.group, cast.member.row);
    await db().updateTable('memberships').set({ pseudonym: 'Quiet River', appearance: 'PSEUDONYM' }).where('group_id', '=', cast.group.id).where('member_id', '=', cast.author.row.id).execute();
    const elsewhere = await createCast(api());
    void otherGroup;
    const read = await api().graphql(postQuery, { id: post.id }, { token: cast.member.token });
    expect(read.data?.node).toMatchObject({ authorName: 'Quiet River', viewerIsAuthor: false, author: null });
    const feed = await api().graphql(feedQuery, { id: elsewhere.groupId }, { token: elsewhere.member.token });
    expect(JSON.stringify(feed.data)).not.toContain('Quiet River');
  });

  it('returns every invalid field at once and writes nothing', async () => {
    const cast = await createCast(api());
    const before = await contentFingerprint(db());
    const result = await api().graphql(
      createPostMutation,
      { input: { groupId: cast.groupId, title: 'x'.repeat(201), body: '   ', contentWarning: 'y'.repeat(81) } },
      { token: cast.author.token },
    );
    expect(result.data?.createPost.__typename).toBe('ValidationError');
    const paths = result.data!.createPost.fields.map((field: { path: string[] }) => field.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['input.title', 'input.body', 'input.contentWarning']));
    expect(await contentFingerprint(db())).toEqual(before);
  });

  it('refuses binary, control characters, direction overrides and zero-width tricks in titles; keeps Arabic and balanced text in bodies', async () => {
    const cast = await createCast(api());
    const attempt = (input: Record<string, unknown>) =>
      api().graphql(createPostMutation, { input: { groupId: cast.groupId, title: 'Fine', body: 'Fine', ...input } }, { token: cast.author.token });
    const refusedTitles = ['gnp\u202Eexe.doc', 'Admin\u200B', '\u2067hidden', 'bell\u0007', 'nul\u0000', 'two\nlines', '\u200B\u200B', 'broken \uD800 half', 'c1\u0085'];
    for (const title of refusedTitles) {
      const result = await attempt({ title });
      expect(result.data?.createPost, JSON.stringify(title)).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'title'] }] });
    }
    const refusedBodies = ['opens \u202E and never closes', 'closes \u202C without opening', 'binary \u0001\u0002\u0003'];
    for (const body of refusedBodies) {
      const result = await attempt({ body });
      expect(result.data?.createPost, JSON.stringify(body)).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'body'] }] });
    }
    const arabic = await attempt({
      title: 'أشعر بالوحدة — I feel alone',
      body: 'مرحبًا بالجميع،\nأنا جديدة هنا.\nquoted \u2067عربي\u2069 inside English',
      contentWarning: 'فقدان',
    });
    expect(arabic.data?.createPost.post).toMatchObject({
      title: 'أشعر بالوحدة — I feel alone',
      contentWarning: 'فقدان',
      bodyHtml: '<p dir="auto">مرحبًا بالجميع،<br>أنا جديدة هنا.<br>quoted \u2067عربي\u2069 inside English</p>',
    });
    const family = await attempt({ title: 'Our family 👩\u200D👩\u200D👧 story' });
    expect(family.data?.createPost.__typename).toBe('CreatePostPayload');
  });

  it('stores script tags and javascript: links as written and renders them inert', async () => {
    const cast = await createCast(api());
    const body = '<script>alert(1)</script> [click](javascript:alert(1)) [ok](https://example.org/a?b=1&c=2) ![pic](https://example.org/x.png) <img src=x onerror=alert(1)>';
    const created = await api().graphql(
      createPostMutation,
      { input: { groupId: cast.groupId, title: '<b>bold</b> title', body } },
      { token: cast.author.token },
    );
    const post = created.data?.createPost.post;
    expect(post.title).toBe('<b>bold</b> title');
    expect(post.body).toBe(body);
    expect(post.bodyHtml).not.toMatch(/<script|<img|href="javascript|onerror=alert\(1\)>/i);
    expect(post.bodyHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(post.bodyHtml).toContain('[click](javascript:alert(1))');
    expect(post.bodyHtml).toContain('<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">ok</a>');
    expect(post.bodyHtml).toContain('![pic]');
  });

  it('lets only active members post: not applicants, suspended members, outsiders, other tenants, guests or service tokens', async () => {
    const cast = await createCast(api());
    const suspended = await cast.join({ status: 'SUSPENDED' });
    await db().updateTable('memberships').set({ suspended_until: secondsAgo(-3600) }).where('member_id', '=', suspended.row.id).execute();
    const before = await contentFingerprint(db());
    const input = { groupId: cast.groupId, title: 'Hello', body: 'Hello all' };
    for (const [who, token] of [
      ['applicant', cast.applicant.token],
      ['suspended', suspended.token],
      ['outsider', cast.outsider.token],
      ['other tenant', cast.otherTenant.token],
      ['admin without membership', cast.admin.token],
      ['service token', cast.institution.serviceToken],
      ['guest', undefined],
    ] as const) {
      const result = await api().graphql(createPostMutation, { input }, { token, institution: cast.institution.row.slug });
      expect(result.data?.createPost.__typename, who).toBe('ForbiddenError');
    }
    expect(await contentFingerprint(db())).toEqual(before);

    // A suspension that has ended lets the member take part again, without a job to lift it.
    await db().updateTable('memberships').set({ suspended_until: secondsAgo(60) }).where('member_id', '=', suspended.row.id).execute();
    const after = await api().graphql(createPostMutation, { input }, { token: suspended.token });
    expect(after.data?.createPost.__typename).toBe('CreatePostPayload');
  });

  it('refuses anonymous posts where the group does not allow them', async () => {
    const cast = await createCast(api(), { anonymity_policy: 'DISABLED' });
    const result = await api().graphql(
      createPostMutation,
      { input: { groupId: cast.groupId, title: 'Hi', body: 'Hi', anonymous: true } },
      { token: cast.author.token },
    );
    expect(result.data?.createPost).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'anonymous'] }] });
  });

  it('keeps one stable alias per anonymous participant in a thread', async () => {
    const cast = await createCast(api());
    const created = await api().graphql(
      createPostMutation,
      { input: { groupId: cast.groupId, title: 'I can’t say this with my name', body: 'Please read.', anonymous: true } },
      { token: cast.author.token },
    );
    const post = created.data?.createPost.post;
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

  it('counts reactions per kind, one of each kind per member, and shows who reacted to group members only', async () => {
    const cast = await createCast(api());
    const post = await createTestPost(db(), cast.group, cast.author.row);
    const subjectId = globalId('Post', post.id);
    const react = (token: string | undefined, kind: string, on = true) =>
      api().graphql(reactMutation, { input: { subjectId, kind, on } }, { token, institution: cast.institution.row.slug });
    expect((await react(cast.member.token, 'HUG')).data?.react).toMatchObject({ __typename: 'Post', viewerReactions: ['HUG'] });
    await react(cast.member.token, 'HUG');
    await react(cast.member.token, 'SUPPORT');
    const peer = await react(cast.peer.token, 'HUG');
    expect(peer.data?.react.reactionCounts).toEqual(expect.arrayContaining([{ kind: 'HUG', count: 2 }, { kind: 'SUPPORT', count: 1 }]));
    const off = await react(cast.member.token, 'SUPPORT', false);
    expect(off.data?.react).toMatchObject({ viewerReactions: ['HUG'] });

    const before = await contentFingerprint(db());
    expect((await react(undefined, 'HUG')).data?.react.__typename).toBe('ForbiddenError');
    expect((await react(cast.applicant.token, 'HUG')).data?.react.__typename).toBe('NotFoundError');
    expect((await react(cast.institution.serviceToken, 'HUG')).data?.react.__typename).toBe('ForbiddenError');
    expect((await react(cast.otherTenant.token, 'HUG')).data?.react.__typename).toBe('NotFoundError');
    expect(await contentFingerprint(db())).toEqual(before);

    const whoQuery = `query($id: ID!) { node(id: $id) { ... on Post { reactions(kind: HUG) { kind name } } } }`;
    const who = await api().graphql(whoQuery, { id: subjectId }, { token: cast.author.token });
    // Earliest first; these two reacted within the same second, so either may come first.
    expect(who.data?.node.reactions).toHaveLength(2);
    expect(who.data?.node.reactions).toEqual(expect.arrayContaining([{ kind: 'HUG', name: 'Brian Okafor' }, { kind: 'HUG', name: 'Chen Wei' }]));
    await db().updateTable('groups').set({ public_reading: true }).where('id', '=', cast.group.id).execute();
    const asGuest = await api().graphql(whoQuery, { id: subjectId }, { institution: cast.institution.row.slug });
    expect(asGuest.data?.node).toEqual({ reactions: null });
    expect((await react(undefined, 'HUG')).data?.react.__typename).toBe('ForbiddenError');
    expect((await react(cast.outsider.token, 'HUG')).data?.react.__typename).toBe('ForbiddenError');
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
