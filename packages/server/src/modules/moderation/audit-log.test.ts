import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { toUtcDay } from '../../schema/member-times.js';
import { auditLogQuery, globalId, inDays, moderationSuite } from './moderation-test-fixtures.js';

/** The audit log: every moderation action newest first, to admins, service tokens and the group's facilitators only. */
describeEachDatabase('moderation: audit log', (api) => {
  const t = withTestInstitution(api, { otherInstitution: true });
  const { postId, memberId, community, report, moderate, casesOf, membershipOf } = moderationSuite(t);

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
