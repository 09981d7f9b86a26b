import { describe, expect, it } from 'vitest';
import { contentFingerprint } from '../../../test-support/database-fingerprint.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { globalId, moderationSuite } from './moderation-test-fixtures.js';

/** Reporting a post or reply: one open case per item, crisis reasons, and who may report what. */
describeEachDatabase('moderation: reports', (api) => {
  const t = withTestInstitution(api, { otherInstitution: true });
  const { postId, memberId, community, report, casesOf, reportsOf } = moderationSuite(t);

  describe('report', () => {
    it('files a report into one open case per item, crisis reasons flagging it, and one open report per reporter', async () => {
      const { post, reader, neighbour, peer } = await community();
      const filed = await report({ subjectId: postId(post), reason: 'HARASSMENT', note: '  They keep mocking people.  ' }, reader.token);
      expect(filed).toMatchObject({ __typename: 'Report', reason: 'HARASSMENT', note: 'They keep mocking people.', status: 'OPEN', subjectType: 'POST' });
      // The reporter sees their own report, but not the case behind it.
      expect(filed.reporter).toEqual({ id: memberId(reader) });
      expect(filed.subject).toMatchObject({ __typename: 'Post', id: postId(post), title: 'A hard week', status: 'PUBLISHED' });
      expect(filed.moderationItem).toBeNull();

      const before = await contentFingerprint(t.db);
      const again = await report({ subjectId: postId(post), reason: 'SPAM' }, reader.token);
      expect(again).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('already reported') });
      expect(await contentFingerprint(t.db)).toEqual(before);

      const crisis = await report({ subjectId: postId(post), reason: 'SELF_HARM' }, neighbour.token);
      expect(crisis.__typename).toBe('Report');
      const [moderationCase] = await casesOf(post.id);
      expect(moderationCase).toMatchObject({ status: 'OPEN', crisis: true, report_count: 2, held_for_review: false });
      expect([...moderationCase!.reasons].sort()).toEqual(['HARASSMENT', 'SELF_HARM']);
      expect((await reportsOf(post.id)).map((row) => row.case_id)).toEqual([moderationCase!.id, moderationCase!.id]);

      // A facilitator reading the report sees its case.
      const seen = await api().graphql(`query($id: ID!) { node(id: $id) { ... on Report { note reporter { id } moderationItem { reportCount } } } }`, { id: filed.id }, { token: peer.token });
      expect(seen.data?.node).toEqual({ note: 'They keep mocking people.', reporter: { id: memberId(reader) }, moderationItem: { reportCount: 2 } });
    });

    it('reports replies too', async () => {
      const { post, reader, author } = await community();
      const reply = await t.reply(post, author);
      const filed = await report({ subjectId: globalId('Reply', reply.id), reason: 'CRISIS' }, reader.token);
      expect(filed).toMatchObject({ __typename: 'Report', subjectType: 'REPLY', reason: 'CRISIS', subject: { __typename: 'Reply', id: globalId('Reply', reply.id) } });
      expect(await casesOf(reply.id)).toMatchObject([{ subject_type: 'REPLY', crisis: true, report_count: 1 }]);
    });

    it('lets only members in force of the group report, never on their own writing, writing nothing otherwise', async () => {
      const { group, post, author, join } = await community();
      const applicant = await join({ status: 'PENDING' });
      const suspended = await join();
      await t.db.updateTable('memberships').set({ status: 'SUSPENDED', suspended_until: new Date(Date.now() + 86_400_000) }).where('member_id', '=', suspended.row.id).execute();
      const outsider = await t.member();
      const stranger = await t.member({}, t.otherInstitution);
      const strangerAdmin = await t.member({ admin: true }, t.otherInstitution);
      const input = { subjectId: postId(post), reason: 'SPAM' };

      const before = await contentFingerprint(t.db);
      expect((await report(input)).__typename).toBe('ForbiddenError');
      expect((await report(input, t.institution.serviceToken)).__typename).toBe('ForbiddenError');
      for (const someone of [applicant, suspended, outsider]) {
        expect((await report(input, someone.token)).__typename).toBe('ForbiddenError');
      }
      expect(await report(input, author.token)).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('your own') });
      for (const token of [stranger.token, strangerAdmin.token, t.otherInstitution.serviceToken]) {
        expect((await report(input, token)).__typename).toMatch(/NotFoundError|ForbiddenError/);
      }
      expect((await report(input, stranger.token)).__typename).toBe('NotFoundError');
      expect(await contentFingerprint(t.db)).toEqual(before);
    });

    it('treats items a member cannot see as missing: held, hidden, and posts of private groups they are not in', async () => {
      const { group, author, reader } = await community();
      const held = await t.post(group, author, { status: 'PENDING_REVIEW' });
      const hidden = await t.post(group, author, { status: 'HIDDEN' });
      for (const item of [held, hidden]) {
        expect((await report({ subjectId: postId(item), reason: 'SPAM' }, reader.token)).__typename).toBe('NotFoundError');
      }
      const secret = await community({ visibility: 'PRIVATE' });
      expect((await report({ subjectId: postId(secret.post), reason: 'SPAM' }, reader.token)).__typename).toBe('NotFoundError');
      const missing = globalId('Post', '00000000-0000-4000-8000-000000000000');
      expect((await report({ subjectId: missing, reason: 'SPAM' }, reader.token)).__typename).toBe('NotFoundError');
    });

    it('validates the whole input at once', async () => {
      const { reader, group } = await community();
      const invalid = await report({ subjectId: globalId('Group', group.id), reason: 'SPAM', note: 'x'.repeat(1001) }, reader.token);
      expect(invalid.__typename).toBe('ValidationError');
      expect(invalid.fields.map((field: { path: string[] }) => field.path.join('.'))).toEqual(['input.subjectId', 'input.note']);
      const control = await report({ subjectId: globalId('Post', group.id), reason: 'SPAM', note: 'bad\u0000byte' }, reader.token);
      expect(control).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'note'] }] });
    });

    it('limits how often a member reports, with the seconds to wait', async () => {
      const { group, author, reader } = await community();
      const posts = [];
      for (let index = 0; index < 11; index += 1) posts.push(await t.post(group, author));
      for (const post of posts.slice(0, 10)) expect((await report({ subjectId: postId(post), reason: 'SPAM' }, reader.token)).__typename).toBe('Report');
      const limited = await report({ subjectId: postId(posts[10]!), reason: 'SPAM' }, reader.token);
      expect(limited).toMatchObject({ __typename: 'RateLimitedError', retryAfterSeconds: expect.any(Number) });
      expect(limited.retryAfterSeconds).toBeGreaterThan(0);
      expect(await reportsOf(posts[10]!.id)).toEqual([]);
    });
  });
});
