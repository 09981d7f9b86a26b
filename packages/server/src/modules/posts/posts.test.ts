import { expect, it } from 'vitest';
import { createTestPost, secondsAgo } from '../../../test-support/factories.js';
import { contentFingerprint } from '../../../test-support/database-fingerprint.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { createCast, createPostMutation, feedQuery, postQuery } from './posts-test-fixtures.js';

/**
 * Writing posts: what an active member may post, validated and stored as written, and who may not post.
 * Threads, feeds, deletion, edit history and reactions are in the files beside this one.
 */
describeEachDatabase('posts: writing', (api) => {
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
});
