import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { GroupRow, NewGroup, PostRow } from '../../db/tables.js';
import { contentFingerprint } from '../../../test-support/database-fingerprint.js';
import type { TestMember } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution, type Caller } from '../../../test-support/test-context.js';
import { toUtcDay } from '../../schema/member-times.js';
import { auditLogQuery, globalId, insertHeldPost, moderateMutation, queueQuery, reportMutation } from './moderation-test-fixtures.js';

const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();

describeEachDatabase('moderation', (api) => {
  const t = withTestInstitution(api, { otherInstitution: true });
  const postId = (post: PostRow) => globalId('Post', post.id);
  const memberId = (someone: TestMember) => globalId('Member', someone.row.id);

  /** A group with a peer and a professional facilitator, an author with a post, and two more members. */
  async function community(overrides: Partial<NewGroup> = {}) {
    const seated = await t.groupWith(
      { peer: 'PEER_FACILITATOR', professional: 'PROFESSIONAL_FACILITATOR', author: 'MEMBER', reader: 'MEMBER', neighbour: 'MEMBER' },
      overrides,
    );
    return { ...seated, post: await t.post(seated.group, seated.author) };
  }

  const report = (input: Record<string, unknown>, as?: Caller) => t.mutate(reportMutation, input, as);
  const moderate = (input: Record<string, unknown>, as?: Caller) => t.mutate(moderateMutation, input, as);
  const queue = async (variables: Record<string, unknown>, token?: string) => api().graphql(queueQuery, variables, { token });
  const casesOf = (subjectId: string) => t.db.selectFrom('moderation_cases').selectAll().where('subject_id', '=', subjectId).execute();
  const reportsOf = (subjectId: string) => t.db.selectFrom('reports').selectAll().where('subject_id', '=', subjectId).orderBy('created_at').execute();
  const actionsOf = (subjectId: string) => t.db.selectFrom('moderation_actions').selectAll().where('subject_id', '=', subjectId).orderBy('created_at').execute();
  const postRow = (id: string) => t.db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const membershipOf = (group: GroupRow, someone: TestMember) =>
    t.db.selectFrom('memberships').selectAll().where('group_id', '=', group.id).where('member_id', '=', someone.row.id).executeTakeFirstOrThrow();

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

  describe('moderationQueue', () => {
    it('lists open cases crisis first, then oldest first, page by page', async () => {
      const { group, groupId, author, reader, peer } = await community();
      const posts = [];
      for (let index = 0; index < 4; index += 1) posts.push(await t.post(group, author, { title: `Post ${index}` }));
      const reasons = ['SPAM', 'CRISIS', 'OTHER', 'SELF_HARM'] as const;
      for (const [index, post] of posts.entries()) await report({ subjectId: postId(post), reason: reasons[index] }, reader.token);
      // Fix the order the cases were opened in (a day apart), whatever the clock did between the reports.
      for (const [index, post] of posts.entries()) {
        await sql`update moderation_cases set created_at = ${new Date(Date.UTC(2026, 0, 1 + index))} where subject_id = ${post.id}`.execute(t.db);
      }
      const caseIds = await Promise.all(posts.map(async (post) => globalId('ModerationItem', (await casesOf(post.id))[0]!.id)));

      const first = await queue({ groupId, first: 2 }, peer.token);
      expect(first.errors).toBeUndefined();
      expect(first.data?.moderationQueue.edges.map((edge: any) => edge.node.id)).toEqual([caseIds[1], caseIds[3]]);
      expect(first.data?.moderationQueue.edges[0].node).toMatchObject({
        crisis: true,
        reasons: ['CRISIS'],
        flags: [],
        reportCount: 1,
        heldForReview: false,
        subjectType: 'POST',
        status: 'OPEN',
        group: { id: groupId },
        subject: { __typename: 'Post', id: postId(posts[1]!), title: 'Post 1', author: { id: memberId(author) } },
        reports: [{ reason: 'CRISIS', note: null, status: 'OPEN', reporter: { id: memberId(reader) } }],
      });
      expect(first.data?.moderationQueue.pageInfo.hasNextPage).toBe(true);
      const cursor = first.data?.moderationQueue.pageInfo.endCursor;
      // Cursors name the last case seen and its queue rank (a reported crisis ranks as HIGH), never a timestamp.
      expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())).toEqual([2, (await casesOf(posts[3]!.id))[0]!.id]);

      const second = await queue({ groupId, first: 2, after: cursor }, peer.token);
      expect(second.data?.moderationQueue.edges.map((edge: any) => edge.node.id)).toEqual([caseIds[0], caseIds[2]]);
      expect(second.data?.moderationQueue.pageInfo.hasNextPage).toBe(false);

      const badCursor = await queue({ groupId, after: Buffer.from('["2026-01-01T00:00:00Z"]').toString('base64url') }, peer.token);
      expect(badCursor.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    });

    it('shows held items with the pipeline flags, and drops cases once resolved', async () => {
      const { group, groupId, author, professional } = await community();
      const { caseId } = await insertHeldPost(t.db, group, author.row);
      const listed = await queue({ groupId }, professional.token);
      expect(listed.data?.moderationQueue.edges.map((edge: any) => edge.node)).toEqual([
        expect.objectContaining({
          id: globalId('ModerationItem', caseId),
          heldForReview: true,
          reasons: [],
          flags: ['FIRST_POSTS'],
          reportCount: 0,
          // Facilitators read the held post itself.
          subject: expect.objectContaining({ __typename: 'Post', status: 'PENDING_REVIEW' }),
        }),
      ]);
      await moderate({ caseId: globalId('ModerationItem', caseId), action: 'APPROVE', reason: 'Kind and on topic.' }, professional.token);
      expect((await queue({ groupId }, professional.token)).data?.moderationQueue.edges).toEqual([]);
    });

    it("is per group for that group's facilitators, per institution for admins and service tokens, and nobody else's", async () => {
      const a = await community();
      const b = await community();
      await report({ subjectId: postId(a.post), reason: 'SPAM' }, a.reader.token);
      await report({ subjectId: postId(b.post), reason: 'SPAM' }, b.reader.token);
      const caseOf = async (post: PostRow) => globalId('ModerationItem', (await casesOf(post.id))[0]!.id);
      const ids = (response: Awaited<ReturnType<typeof queue>>) => response.data?.moderationQueue.edges.map((edge: any) => edge.node.id);

      expect(ids(await queue({ groupId: a.groupId }, a.peer.token))).toEqual([await caseOf(a.post)]);
      // A facilitator of one group can't read another group's queue.
      const refused = await queue({ groupId: b.groupId }, a.peer.token);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // Without a group: every group the viewer facilitates; nothing for a plain member.
      expect(ids(await queue({}, a.professional.token))).toEqual([await caseOf(a.post)]);
      expect(ids(await queue({}, a.reader.token))).toEqual([]);
      for (const token of [t.admin.token, t.institution.serviceToken]) {
        const all = ids(await queue({ first: 100 }, token));
        expect(all).toEqual(expect.arrayContaining([await caseOf(a.post), await caseOf(b.post)]));
      }
      for (const token of [a.reader.token, a.author.token, undefined]) {
        expect((await queue({ groupId: a.groupId }, token)).errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      }
      const strangerAdmin = await t.member({ admin: true }, t.otherInstitution);
      expect((await queue({ groupId: a.groupId }, strangerAdmin.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(ids(await queue({}, strangerAdmin.token))).toEqual([]);
      expect(ids(await queue({}, t.otherInstitution.serviceToken))).toEqual([]);
      // node(id:) on a case: facilitators and admins only.
      const caseId = await caseOf(a.post);
      const node = (token?: string) => api().graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: caseId }, { token });
      expect((await node(a.peer.token)).data?.node).toEqual({ id: caseId });
      for (const token of [a.reader.token, b.peer.token, strangerAdmin.token, undefined]) expect((await node(token)).data?.node).toBeNull();
    });

    it('costs the same number of statements for 2 or 6 items with their reports, groups and actions', async () => {
      const { group, groupId, author, reader, neighbour, peer } = await community();
      const statementsFor = async () => {
        const response = await api().graphql(
          `query($groupId: ID) { moderationQueue(groupId: $groupId, first: 50) { edges { node { id group { name } subject { id ... on Post { title authorName } } reports { reporter { displayName } } actions { action actor { displayName } } } } } }`,
          { groupId },
          { token: peer.token },
        );
        expect(response.errors).toBeUndefined();
        return response.statements;
      };
      const addCase = async () => {
        const post = await t.post(group, author);
        await report({ subjectId: postId(post), reason: 'SPAM' }, reader.token);
        await report({ subjectId: postId(post), reason: 'OTHER' }, neighbour.token);
        await moderate({ subjectId: postId(post), action: 'LOCK', reason: 'Cooling down.' }, peer.token);
      };
      for (let index = 0; index < 2; index += 1) await addCase();
      const few = await statementsFor();
      for (let index = 0; index < 4; index += 1) await addCase();
      expect(await statementsFor()).toBe(few);
    });
  });

  describe('moderate', () => {
    it('approves a held post: published, case and reports resolved, one audit row', async () => {
      const { group, author, peer } = await community();
      const { post, caseId } = await insertHeldPost(t.db, group, author.row);
      const action = await moderate({ caseId: globalId('ModerationItem', caseId), action: 'APPROVE', reason: 'Welcome!' }, peer.token);
      expect(action).toMatchObject({
        __typename: 'ModerationAction',
        action: 'APPROVE',
        reason: 'Welcome!',
        subjectType: 'POST',
        byServiceToken: false,
        actor: { id: memberId(peer) },
        targetMember: { id: memberId(author) },
        moderationItem: { id: globalId('ModerationItem', caseId), status: 'RESOLVED' },
      });
      expect((await postRow(post.id)).status).toBe('PUBLISHED');
      expect(await actionsOf(post.id)).toMatchObject([
        {
          action: 'APPROVE',
          case_id: caseId,
          actor_member_id: peer.row.id,
          target_member_id: author.row.id,
          group_id: group.id,
          reason: 'Welcome!',
          details: { anonymous: false, previousStatus: 'PENDING_REVIEW', status: 'PUBLISHED' },
        },
      ]);
      const again = await moderate({ caseId: globalId('ModerationItem', caseId), action: 'APPROVE', reason: 'Twice.' }, peer.token);
      expect(again).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('held for review') });
    });

    it('hides, restores and removes, closing the case and its reports', async () => {
      const { post, reader, peer } = await community();
      await report({ subjectId: postId(post), reason: 'MISINFORMATION' }, reader.token);
      const hidden = await moderate({ subjectId: postId(post), action: 'HIDE', reason: 'Checking the claim.' }, peer.token);
      expect(hidden).toMatchObject({ action: 'HIDE', moderationItem: { status: 'RESOLVED' }, subject: { id: postId(post), status: 'HIDDEN' } });
      expect((await postRow(post.id)).status).toBe('HIDDEN');
      expect(await reportsOf(post.id)).toMatchObject([{ status: 'RESOLVED', resolved_at: expect.any(Date) }]);
      expect(await casesOf(post.id)).toMatchObject([{ status: 'RESOLVED', resolved_at: expect.any(Date) }]);

      const restored = await moderate({ subjectId: postId(post), action: 'RESTORE', reason: 'The claim checks out.' }, peer.token);
      // No open case any more: the action stands on its own.
      expect(restored).toMatchObject({ action: 'RESTORE', moderationItem: null });
      expect((await postRow(post.id)).status).toBe('PUBLISHED');
      const removed = await moderate({ subjectId: postId(post), action: 'REMOVE', reason: 'Changed my mind: off topic.' }, peer.token);
      expect(removed.action).toBe('REMOVE');
      expect((await postRow(post.id)).status).toBe('REMOVED');
      expect((await actionsOf(post.id)).map((row) => [row.action, row.details.previousStatus, row.details.status])).toEqual([
        ['HIDE', 'PUBLISHED', 'HIDDEN'],
        ['RESTORE', 'HIDDEN', 'PUBLISHED'],
        ['REMOVE', 'PUBLISHED', 'REMOVED'],
      ]);
      expect((await moderate({ subjectId: postId(post), action: 'HIDE', reason: 'Again.' }, peer.token)).__typename).toBe('ConflictError');
    });

    it('locks, unlocks, pins and unpins posts (not replies), leaving the case open', async () => {
      const { post, author, reader, professional } = await community();
      await report({ subjectId: postId(post), reason: 'HARASSMENT' }, reader.token);
      for (const action of ['LOCK', 'PIN'] as const) {
        expect(await moderate({ subjectId: postId(post), action, reason: 'Heated thread.' }, professional.token)).toMatchObject({ action, moderationItem: { status: 'OPEN' } });
      }
      expect(await postRow(post.id)).toMatchObject({ locked_at: expect.any(Date), pinned_at: expect.any(Date) });
      expect((await moderate({ subjectId: postId(post), action: 'LOCK', reason: 'Again.' }, professional.token)).__typename).toBe('ConflictError');
      for (const action of ['UNLOCK', 'UNPIN'] as const) {
        expect((await moderate({ subjectId: postId(post), action, reason: 'Calm again.' }, professional.token)).action).toBe(action);
      }
      expect(await postRow(post.id)).toMatchObject({ locked_at: null, pinned_at: null });
      expect(await casesOf(post.id)).toMatchObject([{ status: 'OPEN' }]);
      expect((await actionsOf(post.id)).map((row) => row.action)).toEqual(['LOCK', 'PIN', 'UNLOCK', 'UNPIN']);

      const reply = await t.reply(post, author);
      const refused = await moderate({ subjectId: globalId('Reply', reply.id), action: 'PIN', reason: 'Nice.' }, professional.token);
      expect(refused).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'action'] }] });
    });

    it('warns the author, who reads the warning on their membership', async () => {
      const { group, post, author, reader, peer } = await community();
      await report({ subjectId: postId(post), reason: 'HARASSMENT' }, reader.token);
      const warned = await moderate({ subjectId: postId(post), action: 'WARN', reason: 'Please keep it kind.' }, peer.token);
      expect(warned).toMatchObject({ action: 'WARN', targetMember: { id: memberId(author) }, moderationItem: { status: 'OPEN' } });
      const membership = globalId('Membership', (await membershipOf(group, author)).id);
      const warnings = `query($id: ID!) { node(id: $id) { ... on Membership { warnings { reason subjectType createdAt subject { id } } } } }`;
      const own = await api().graphql(warnings, { id: membership }, { token: author.token });
      expect(own.data?.node.warnings).toEqual([
        { reason: 'Please keep it kind.', subjectType: 'POST', createdAt: expect.stringMatching(/:\d\d\.000Z$/), subject: { id: postId(post) } },
      ]);
      // Facilitators see warnings about items that were not anonymous.
      expect((await api().graphql(warnings, { id: membership }, { token: peer.token })).data?.node.warnings).toHaveLength(1);
    });

    it('suspends and bans the author through the memberships rules, in the same transaction as the audit row', async () => {
      const { group, post, author, peer, professional, join } = await community();
      const until = inDays(3);
      const suspended = await moderate({ subjectId: postId(post), action: 'SUSPEND', reason: 'Cool off for a few days.', suspendUntil: until }, peer.token);
      expect(suspended).toMatchObject({ action: 'SUSPEND', suspendedUntil: toUtcDay(new Date(until), 'up').toISOString() });
      expect(await membershipOf(group, author)).toMatchObject({ status: 'SUSPENDED', status_reason: 'Cool off for a few days.', suspended_until: new Date(until) });
      // A suspended member takes no part: here, they can no longer report.
      const other = await t.post(group, peer);
      expect((await report({ subjectId: postId(other), reason: 'SPAM' }, author.token)).__typename).toBe('ForbiddenError');

      const banned = await moderate({ subjectId: postId(post), action: 'BAN', reason: 'Repeated threats.' }, professional.token);
      expect(banned.action).toBe('BAN');
      expect(await membershipOf(group, author)).toMatchObject({ status: 'BANNED', status_reason: 'Repeated threats.' });

      // A peer facilitator may not suspend a professional one, nobody acts on themselves, and members don't moderate;
      // the refusals write nothing at all.
      const professionalPost = await t.post(group, professional);
      const peerPost = await t.post(group, peer);
      const member = await join();
      const before = await contentFingerprint(t.db);
      const refused = await moderate({ subjectId: postId(professionalPost), action: 'SUSPEND', reason: 'No.', suspendUntil: until }, peer.token);
      expect(refused).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('professional facilitator') });
      expect((await moderate({ subjectId: postId(peerPost), action: 'BAN', reason: 'Me.' }, peer.token)).__typename).toBe('ForbiddenError');
      expect((await moderate({ subjectId: postId(peerPost), action: 'SUSPEND', reason: 'x', suspendUntil: until }, member.token)).__typename).toBe('ForbiddenError');
      expect(await contentFingerprint(t.db)).toEqual(before);
    });

    it('rolls the whole action back when the membership change is refused', async () => {
      const { group, post, author, reader, peer } = await community();
      await report({ subjectId: postId(post), reason: 'SPAM' }, reader.token);
      // The author left: there is no seat to suspend, so nothing of the action may stay behind.
      await t.db.updateTable('memberships').set({ status: 'LEFT' }).where('group_id', '=', group.id).where('member_id', '=', author.row.id).execute();
      const before = await contentFingerprint(t.db);
      const refused = await moderate({ subjectId: postId(post), action: 'SUSPEND', reason: 'Too late.', suspendUntil: inDays(1) }, peer.token);
      expect(refused.__typename).toBe('ConflictError');
      expect(await contentFingerprint(t.db)).toEqual(before);
    });

    it('dismisses an open case without touching the item, and refuses to dismiss what has no open case', async () => {
      const { post, reader, neighbour, peer } = await community();
      await report({ subjectId: postId(post), reason: 'OTHER' }, reader.token);
      await report({ subjectId: postId(post), reason: 'SPAM' }, neighbour.token);
      const [moderationCase] = await casesOf(post.id);
      const dismissed = await moderate({ caseId: globalId('ModerationItem', moderationCase!.id), action: 'DISMISS', reason: 'Nothing wrong here.' }, peer.token);
      expect(dismissed).toMatchObject({ action: 'DISMISS', moderationItem: { status: 'RESOLVED' } });
      expect((await postRow(post.id)).status).toBe('PUBLISHED');
      expect((await reportsOf(post.id)).map((row) => row.status)).toEqual(['DISMISSED', 'DISMISSED']);
      const twice = await moderate({ caseId: globalId('ModerationItem', moderationCase!.id), action: 'DISMISS', reason: 'Again.' }, peer.token);
      expect(twice).toMatchObject({ __typename: 'ConflictError', message: 'This case is already closed.' });
      expect((await moderate({ subjectId: postId(post), action: 'DISMISS', reason: 'None.' }, peer.token)).__typename).toBe('ConflictError');
      // The reporter may report again once their report is closed: a new case opens.
      expect((await report({ subjectId: postId(post), reason: 'OTHER' }, reader.token)).__typename).toBe('Report');
      expect((await casesOf(post.id)).map((row) => row.status).sort()).toEqual(['OPEN', 'RESOLVED']);
    });

    it('lets admins and service tokens act in any group of their institution', async () => {
      const { post, author } = await community();
      expect(await moderate({ subjectId: postId(post), action: 'PIN', reason: 'Important.' }, t.admin.token)).toMatchObject({ actor: { id: memberId(t.admin) } });
      const byToken = await moderate({ subjectId: postId(post), action: 'WARN', reason: 'From the hospital.' }, t.institution.serviceToken);
      expect(byToken).toMatchObject({ action: 'WARN', byServiceToken: true, actor: null, targetMember: { id: memberId(author) } });
      expect((await actionsOf(post.id)).at(-1)).toMatchObject({ actor_member_id: null, actor_service_token_id: expect.any(String) });
    });

    it("refuses everyone else — a facilitator of another group included — writing nothing", async () => {
      const a = await community();
      const b = await community();
      const applicant = await a.join({ status: 'PENDING' });
      const strangerAdmin = await t.member({ admin: true }, t.otherInstitution);
      const before = await contentFingerprint(t.db);
      for (const token of [b.peer.token, b.professional.token, a.reader.token, applicant.token, strangerAdmin.token, t.otherInstitution.serviceToken, undefined]) {
        const refused = await moderate({ subjectId: postId(a.post), action: 'HIDE', reason: 'Not mine to hide.' }, token);
        expect(refused.__typename).toBe('ForbiddenError');
      }
      expect(await contentFingerprint(t.db)).toEqual(before);
      expect((await postRow(a.post.id)).status).toBe('PUBLISHED');
    });

    it('validates the whole input before anything else', async () => {
      const { post, peer } = await community();
      const invalid = await moderate({ caseId: postId(post), subjectId: postId(post), action: 'SUSPEND', reason: ' ' }, peer.token);
      expect(invalid.__typename).toBe('ValidationError');
      expect(invalid.fields.map((field: { path: string[]; message: string }) => `${field.path.join('.')}: ${field.message}`).sort()).toEqual([
        'input.caseId: Expected the id of a ModerationItem.',
        'input.caseId: Give either caseId or subjectId (one of them).',
        'input.reason: Must not be empty.',
        'input.suspendUntil: A suspension needs an end (suspendUntil).',
      ]);
      const past = await moderate({ subjectId: postId(post), action: 'SUSPEND', reason: 'x', suspendUntil: '2020-01-01T00:00:00Z' }, peer.token);
      expect(past).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'suspendUntil'], message: 'A suspension must end in the future.' }] });
      const extra = await moderate({ subjectId: postId(post), action: 'HIDE', reason: 'x', suspendUntil: inDays(1) }, peer.token);
      expect(extra).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'suspendUntil'] }] });
      const long = await moderate({ subjectId: postId(post), action: 'HIDE', reason: 'x'.repeat(1001) }, peer.token);
      expect(long).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'reason'] }] });
      const missing = await moderate({ subjectId: globalId('Post', '00000000-0000-4000-8000-000000000000'), action: 'HIDE', reason: 'x' }, peer.token);
      expect(missing.__typename).toBe('NotFoundError');
      expect((await postRow(post.id)).status).toBe('PUBLISHED');
    });
  });

  describe('auditLog', () => {
    it('lists every action newest first with actor, target, reason and case, to admins and the group facilitators', async () => {
      const { group, groupId, post, author, reader, peer, professional } = await community();
      await report({ subjectId: postId(post), reason: 'HARASSMENT' }, reader.token);
      const [moderationCase] = await casesOf(post.id);
      await moderate({ subjectId: postId(post), action: 'WARN', reason: 'First warning.' }, peer.token);
      await moderate({ subjectId: postId(post), action: 'HIDE', reason: 'Hurtful.' }, professional.token);
      const until = inDays(2);
      await moderate({ subjectId: postId(post), action: 'SUSPEND', reason: 'A break.', suspendUntil: until }, t.admin.token);

      const log = await api().graphql(auditLogQuery, { groupId }, { token: peer.token });
      expect(log.errors).toBeUndefined();
      expect(log.data?.auditLog.edges.map((edge: any) => edge.node)).toEqual([
        // The admin is no member of the group: a facilitator doesn't see their profile (Member rules).
        expect.objectContaining({ action: 'SUSPEND', reason: 'A break.', suspendedUntil: toUtcDay(new Date(until), 'up').toISOString(), actor: null, targetMember: { id: memberId(author) }, moderationItem: null }),
        expect.objectContaining({ action: 'HIDE', reason: 'Hurtful.', actor: { id: memberId(professional) }, moderationItem: { id: globalId('ModerationItem', moderationCase!.id) } }),
        expect.objectContaining({ action: 'WARN', reason: 'First warning.', actor: { id: memberId(peer) }, targetMember: { id: memberId(author) }, subjectType: 'POST', group: { id: groupId } }),
      ]);
      expect(log.data?.auditLog.edges[0].node.createdAt).toMatch(/:\d\d\.000Z$/);

      // Pages by keyset on the entry id.
      const first = await api().graphql(auditLogQuery, { groupId, first: 1 }, { token: t.admin.token });
      const rest = await api().graphql(auditLogQuery, { groupId, first: 5, after: first.data?.auditLog.pageInfo.endCursor }, { token: t.admin.token });
      expect(first.data?.auditLog.edges[0].node).toMatchObject({ action: 'SUSPEND', actor: { id: memberId(t.admin) } });
      expect(rest.data?.auditLog.edges.map((edge: any) => edge.node.action)).toEqual(['HIDE', 'WARN']);
      expect(await membershipOf(group, author)).toMatchObject({ status: 'SUSPENDED' });
    });

    it("is the institution's for admins and service tokens, the facilitated groups' for facilitators, and no one else's", async () => {
      const a = await community();
      const b = await community();
      await moderate({ subjectId: postId(a.post), action: 'PIN', reason: 'A.' }, a.peer.token);
      await moderate({ subjectId: postId(b.post), action: 'PIN', reason: 'B.' }, b.peer.token);
      const reasons = async (variables: Record<string, unknown>, token?: string) => {
        const response = await api().graphql(auditLogQuery, { first: 100, ...variables }, { token });
        return response.errors ? response.errors[0]!.extensions!.code : response.data?.auditLog.edges.map((edge: any) => edge.node.reason);
      };
      for (const token of [t.admin.token, t.institution.serviceToken]) expect(await reasons({}, token)).toEqual(expect.arrayContaining(['A.', 'B.']));
      expect(await reasons({}, a.peer.token)).toEqual(['A.']);
      expect(await reasons({ groupId: a.groupId }, a.professional.token)).toEqual(['A.']);
      expect(await reasons({ groupId: b.groupId }, a.peer.token)).toBe('FORBIDDEN');
      expect(await reasons({ groupId: a.groupId }, a.reader.token)).toBe('FORBIDDEN');
      expect(await reasons({}, a.reader.token)).toEqual([]);
      expect(await reasons({})).toBe('FORBIDDEN');
      const strangerAdmin = await t.member({ admin: true }, t.otherInstitution);
      expect(await reasons({ groupId: a.groupId }, strangerAdmin.token)).toBe('FORBIDDEN');
      expect(await reasons({}, strangerAdmin.token)).toEqual([]);
    });
  });
});
