import { describe, expect, it } from 'vitest';
import { contentFingerprint } from '../../../test-support/database-fingerprint.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { toUtcDay } from '../../schema/member-times.js';
import { globalId, inDays, insertHeldPost, moderationSuite } from './moderation-test-fixtures.js';

/**
 * Moderating: approving, hiding, restoring, removing, locking and pinning items, warning, suspending and banning
 * their authors, dismissing cases, and who may do which.
 * Reports, the queue and the audit log are in the files beside this one (reports, moderation-queue, audit-log).
 */
describeEachDatabase('moderation: moderate', (api) => {
  const t = withTestInstitution(api, { otherInstitution: true });
  const { postId, memberId, community, report, moderate, casesOf, reportsOf, actionsOf, postRow, membershipOf } = moderationSuite(t);

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
});
