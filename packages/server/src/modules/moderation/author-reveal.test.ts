import { describe, expect, it } from 'vitest';
import type { AnonymityPolicy, PostRow } from '../../db/tables.js';
import { contentFingerprint } from '../../../test-support/database-fingerprint.js';
import type { TestMember } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { auditLogQuery, globalId, moderateMutation, queueQuery, reportMutation, revealMutation } from './moderation-test-fixtures.js';

/**
 * Anonymous authors under moderation: the audited reveal in a crisis, and every moderation path that could
 * otherwise name the author of an anonymous item to someone not entitled to know.
 */
describeEachDatabase('anonymous authors in moderation', (api) => {
  const t = withTestInstitution(api, { otherInstitution: true });
  const postId = (post: PostRow) => globalId('Post', post.id);
  const memberId = (someone: TestMember) => globalId('Member', someone.row.id);
  const run = (mutation: string, input: Record<string, unknown>, token?: string) => t.mutate(mutation, input, token);

  /** A group of the given anonymity policy with an anonymous post ("Anonymous 3") reported by a reader. */
  async function anonymousThread(policy: AnonymityPolicy = 'ANONYMOUS_REVEALABLE_IN_CRISIS', reason = 'CRISIS') {
    const seated = await t.groupWith(
      { peer: 'PEER_FACILITATOR', professional: 'PROFESSIONAL_FACILITATOR', author: 'MEMBER', reader: 'MEMBER' },
      { anonymity_policy: policy, facilitation: 'PROFESSIONAL' },
    );
    const { group, reader } = seated;
    const post = await t.post(group, seated.author, { anonymous: true, aliasNumber: 3 });
    const filed = await run(reportMutation, { subjectId: postId(post), reason }, reader.token);
    expect(filed.__typename).toBe('Report');
    const moderationCase = await t.db.selectFrom('moderation_cases').selectAll().where('subject_id', '=', post.id).executeTakeFirstOrThrow();
    return { ...seated, post, caseId: globalId('ModerationItem', moderationCase.id), caseRow: moderationCase };
  }

  const reveal = (input: Record<string, unknown>, token?: string) => run(revealMutation, input, token);
  const reveals = (subjectId: string) =>
    t.db.selectFrom('moderation_actions').selectAll().where('subject_id', '=', subjectId).where('action', '=', 'REVEAL_AUTHOR').execute();

  describe('revealAnonymousAuthor', () => {
    it('tells a professional facilitator handling an open crisis case who wrote the item, and logs it with the reason', async () => {
      const { post, professional, author, caseId, caseRow, group } = await anonymousThread();
      const revealed = await reveal({ subjectId: postId(post), caseId, reason: 'Said they would end their life tonight; calling them.' }, professional.token);
      expect(revealed).toMatchObject({
        __typename: 'RevealedAuthor',
        member: { id: memberId(author), displayName: author.row.display_name },
        // What the institution's own records know the person by.
        externalId: author.row.external_id,
        displayName: author.row.display_name,
        alias: 'Anonymous 3',
        aliasNumber: 3,
        // The log entry names the author to the institution's admins only, even for the revealer.
        auditEntry: { action: 'REVEAL_AUTHOR', reason: 'Said they would end their life tonight; calling them.', targetMember: null },
      });
      expect(revealed.membership.id).toBe(
        globalId('Membership', (await t.db.selectFrom('memberships').select('id').where('group_id', '=', group.id).where('member_id', '=', author.row.id).executeTakeFirstOrThrow()).id),
      );
      expect(await reveals(post.id)).toMatchObject([
        { actor_member_id: professional.row.id, target_member_id: author.row.id, case_id: caseRow.id, group_id: group.id, reason: 'Said they would end their life tonight; calling them.' },
      ]);
      // The case stays open: revealing is how the facilitator starts to help, not a decision about the post.
      expect((await t.db.selectFrom('moderation_cases').select('status').where('id', '=', caseRow.id).executeTakeFirstOrThrow()).status).toBe('OPEN');
    });

    it("lets the institution's admins reveal too (a peer-led group has no professional), but never a service token", async () => {
      const { post, author, caseId } = await anonymousThread();
      const byAdmin = await reveal({ subjectId: postId(post), caseId, reason: 'No professional on duty tonight.' }, t.admin.token);
      expect(byAdmin).toMatchObject({ member: { id: memberId(author) }, auditEntry: { targetMember: { id: memberId(author) } } });
      const byToken = await reveal({ subjectId: postId(post), caseId, reason: 'Automated.' }, t.institution.serviceToken);
      expect(byToken.__typename).toBe('ForbiddenError');
      expect(await reveals(post.id)).toHaveLength(1);
    });

    it('refuses everyone else, each in the same words whether or not the item is anonymous, writing nothing', async () => {
      const thread = await anonymousThread();
      const named = await t.post(thread.group, thread.author);
      await run(reportMutation, { subjectId: postId(named), reason: 'CRISIS' }, thread.reader.token);
      const namedCase = await t.db.selectFrom('moderation_cases').select('id').where('subject_id', '=', named.id).executeTakeFirstOrThrow();
      const strangerAdmin = await t.member({ admin: true }, t.otherInstitution);
      const before = await contentFingerprint(t.db);
      const heard = new Map<string, Set<string>>();
      for (const [who, token] of [['peer', thread.peer.token], ['reader', thread.reader.token], ['author', thread.author.token], ['guest', undefined]] as const) {
        const messages = new Set<string>();
        for (const [subjectId, caseId] of [
          [postId(thread.post), thread.caseId],
          [postId(named), globalId('ModerationItem', namedCase.id)],
        ]) {
          const refused = await reveal({ subjectId, caseId, reason: 'Curious.' }, token);
          expect(refused.__typename).toBe('ForbiddenError');
          messages.add(refused.message);
        }
        heard.set(who, messages);
      }
      // Nothing about the item changes the words; a moderator hears the group's rule, others that they can't moderate.
      expect([...heard.values()].map((messages) => messages.size)).toEqual([1, 1, 1, 1]);
      expect([...heard.get('peer')!][0]).toContain("professional facilitators and the institution's admins");
      expect(heard.get('reader')).toEqual(heard.get('guest'));
      for (const token of [strangerAdmin.token, t.otherInstitution.serviceToken]) {
        expect((await reveal({ subjectId: postId(thread.post), caseId: thread.caseId, reason: 'Curious.' }, token)).__typename).toMatch(/ForbiddenError|NotFoundError/);
      }
      expect(await contentFingerprint(t.db)).toEqual(before);
    });

    it('needs the revealable policy, an open crisis case about the very item, and an anonymous item', async () => {
      const anonymousOnly = await anonymousThread('ANONYMOUS');
      const policy = await reveal({ subjectId: postId(anonymousOnly.post), caseId: anonymousOnly.caseId, reason: 'Crisis.' }, anonymousOnly.professional.token);
      expect(policy).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('anonymity policy') });

      const notCrisis = await anonymousThread('ANONYMOUS_REVEALABLE_IN_CRISIS', 'HARASSMENT');
      const harassment = await reveal({ subjectId: postId(notCrisis.post), caseId: notCrisis.caseId, reason: 'Who is it?' }, notCrisis.professional.token);
      expect(harassment).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('crisis case') });

      const closed = await anonymousThread();
      const dismissed = await run(moderateMutation, { caseId: closed.caseId, action: 'DISMISS', reason: 'A song lyric.' }, closed.peer.token);
      expect(dismissed.__typename).toBe('ModerationAction');
      const afterClose = await reveal({ subjectId: postId(closed.post), caseId: closed.caseId, reason: 'Later.' }, closed.professional.token);
      expect(afterClose).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('open crisis case') });

      const other = await t.post(closed.group, closed.reader, { anonymous: true, aliasNumber: 1 });
      const mismatch = await reveal({ subjectId: postId(other), caseId: notCrisis.caseId, reason: 'Wrong case.' }, t.admin.token);
      expect(mismatch).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'caseId'] }] });

      const named = await t.post(closed.group, closed.author);
      await run(reportMutation, { subjectId: postId(named), reason: 'SELF_HARM' }, closed.reader.token);
      const namedCase = await t.db.selectFrom('moderation_cases').select('id').where('subject_id', '=', named.id).executeTakeFirstOrThrow();
      const notAnonymous = await reveal({ subjectId: postId(named), caseId: globalId('ModerationItem', namedCase.id), reason: 'x' }, closed.professional.token);
      expect(notAnonymous).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('not anonymous') });

      const invalid = await reveal({ subjectId: closed.caseId, caseId: postId(closed.post), reason: '' }, closed.professional.token);
      expect(invalid.fields.map((field: { path: string[] }) => field.path.join('.')).sort()).toEqual(['input.caseId', 'input.reason', 'input.subjectId']);
      for (const thread of [anonymousOnly, notCrisis, closed]) expect(await reveals(thread.post.id)).toEqual([]);
    });

    it('requires a reason: blank or only spaces is a ValidationError on input.reason, and nothing is revealed or logged', async () => {
      const { post, professional, caseId, author } = await anonymousThread();
      for (const reason of ['', '   \n\t ']) {
        const refused = await reveal({ subjectId: postId(post), caseId, reason }, professional.token);
        expect(refused).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'reason'], message: 'Must not be empty.' }] });
        expect(JSON.stringify(refused)).not.toContain(author.row.external_id);
      }
      expect(await reveals(post.id)).toEqual([]);
    });

    it('tells the queue where its reveal button belongs (ModerationItem.viewerCanReveal), by the same rule the reveal applies', async () => {
      const thread = await anonymousThread();
      const named = await t.post(thread.group, thread.author);
      await run(reportMutation, { subjectId: postId(named), reason: 'CRISIS' }, thread.reader.token);
      const harassed = await t.post(thread.group, thread.author, { anonymous: true, aliasNumber: 3 });
      await run(reportMutation, { subjectId: postId(harassed), reason: 'HARASSMENT' }, thread.reader.token);
      const canReveal = async (token: string) => {
        const queue = await api().graphql(`query($groupId: ID) { moderationQueue(groupId: $groupId) { edges { node { subject { id } viewerCanReveal } } } }`, { groupId: thread.groupId }, { token });
        expect(queue.errors).toBeUndefined();
        return Object.fromEntries(queue.data!.moderationQueue.edges.map((edge: any) => [edge.node.subject.id, edge.node.viewerCanReveal]));
      };
      // Only the anonymous item under an open crisis case, and only for those the rule names.
      const onlyTheCrisis = { [postId(thread.post)]: true, [postId(named)]: false, [postId(harassed)]: false };
      expect(await canReveal(thread.professional.token)).toEqual(onlyTheCrisis);
      expect(await canReveal(t.admin.token)).toEqual(onlyTheCrisis);
      const nowhere = { [postId(thread.post)]: false, [postId(named)]: false, [postId(harassed)]: false };
      expect(await canReveal(thread.peer.token)).toEqual(nowhere);
      expect(await canReveal(t.institution.serviceToken)).toEqual(nowhere);

      // Closing the case takes the button away.
      await run(moderateMutation, { caseId: thread.caseId, action: 'DISMISS', reason: 'Handled by phone.' }, thread.professional.token);
      const afterClose = await api().graphql(`query($id: ID!) { node(id: $id) { ... on ModerationItem { viewerCanReveal } } }`, { id: thread.caseId }, { token: thread.professional.token });
      expect(afterClose.data?.node).toEqual({ viewerCanReveal: false });

      // In a group whose policy is ANONYMOUS, nobody gets it.
      const anonymousOnly = await anonymousThread('ANONYMOUS');
      for (const token of [anonymousOnly.professional.token, t.admin.token]) {
        const item = await api().graphql(`query($id: ID!) { node(id: $id) { ... on ModerationItem { viewerCanReveal } } }`, { id: anonymousOnly.caseId }, { token });
        expect(item.data?.node).toEqual({ viewerCanReveal: false });
      }
    });
  });

  describe('moderating anonymous items', () => {
    it("never names the author to facilitators: not in the action's result, the audit log, or node(id:)", async () => {
      const { post, groupId, peer, author } = await anonymousThread();
      const hidden = await run(moderateMutation, { subjectId: postId(post), action: 'HIDE', reason: 'Graphic.' }, peer.token);
      expect(hidden).toMatchObject({ action: 'HIDE', targetMember: null });
      const warned = await run(moderateMutation, { subjectId: postId(post), action: 'WARN', reason: 'Please use a content warning.' }, peer.token);
      expect(warned).toMatchObject({ action: 'WARN', targetMember: null });
      // Recorded all the same, for the institution's admins.
      const rows = await t.db.selectFrom('moderation_actions').selectAll().where('subject_id', '=', post.id).orderBy('created_at').execute();
      expect(rows.map((row) => [row.action, row.target_member_id, row.details.anonymous])).toEqual([
        ['HIDE', author.row.id, true],
        ['WARN', author.row.id, true],
      ]);

      const asPeer = await api().graphql(auditLogQuery, { groupId }, { token: peer.token });
      expect(asPeer.data?.auditLog.edges.map((edge: any) => edge.node.targetMember)).toEqual([null, null]);
      // The item itself shows its thread alias, as the posts module shows it to a facilitator.
      expect(asPeer.data?.auditLog.edges.map((edge: any) => edge.node.subject)).toEqual([
        { __typename: 'Post', id: postId(post), title: 'A hard week', status: 'HIDDEN', authorName: 'Anonymous 3', author: null },
        { __typename: 'Post', id: postId(post), title: 'A hard week', status: 'HIDDEN', authorName: 'Anonymous 3', author: null },
      ]);
      const queue = await api().graphql(queueQuery, { groupId }, { token: peer.token });
      expect(JSON.stringify(queue.data)).not.toContain(memberId(author));
      const asAdmin = await api().graphql(auditLogQuery, { groupId }, { token: t.admin.token });
      expect(asAdmin.data?.auditLog.edges.map((edge: any) => edge.node.targetMember)).toEqual([{ id: memberId(author) }, { id: memberId(author) }]);
      const node = await api().graphql(`query($id: ID!) { node(id: $id) { ... on ModerationAction { targetMember { id } } } }`, { id: hidden.id }, { token: peer.token });
      expect(node.data?.node).toEqual({ targetMember: null });
      expect(JSON.stringify([hidden, warned, asPeer.data, node.data, queue.data])).not.toContain(author.row.id);
      expect(JSON.stringify([hidden, warned, asPeer.data, node.data])).not.toContain(memberId(author));
    });

    it("shows a warning about an anonymous item to its author and the admins, not on the membership facilitators read", async () => {
      const { group, post, peer, author } = await anonymousThread();
      await run(moderateMutation, { subjectId: postId(post), action: 'WARN', reason: 'Please use a content warning.' }, peer.token);
      const membership = await t.db.selectFrom('memberships').select('id').where('group_id', '=', group.id).where('member_id', '=', author.row.id).executeTakeFirstOrThrow();
      const warnings = async (token: string) =>
        (await api().graphql(`query($id: ID!) { node(id: $id) { ... on Membership { warnings { reason } } } }`, { id: globalId('Membership', membership.id) }, { token })).data?.node
          .warnings;
      expect(await warnings(author.token)).toEqual([{ reason: 'Please use a content warning.' }]);
      expect(await warnings(t.admin.token)).toEqual([{ reason: 'Please use a content warning.' }]);
      expect(await warnings(peer.token)).toEqual([]);
    });

    it('leaves suspending or banning an anonymous author to admins, and keeps that entry out of facilitators\' log', async () => {
      const { group, groupId, post, peer, professional, author, join } = await anonymousThread();
      const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
      const before = await contentFingerprint(t.db);
      for (const facilitator of [peer, professional]) {
        const refused = await run(moderateMutation, { subjectId: postId(post), action: 'SUSPEND', reason: 'Threats.', suspendUntil: until }, facilitator.token);
        expect(refused).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining("institution's admins") });
      }
      expect(await contentFingerprint(t.db)).toEqual(before);

      const suspended = await run(moderateMutation, { subjectId: postId(post), action: 'SUSPEND', reason: 'Threats.', suspendUntil: until }, t.admin.token);
      expect(suspended).toMatchObject({ action: 'SUSPEND', targetMember: { id: memberId(author) } });
      const membership = await t.db.selectFrom('memberships').selectAll().where('group_id', '=', group.id).where('member_id', '=', author.row.id).executeTakeFirstOrThrow();
      expect(membership.status).toBe('SUSPENDED');
      const actions = async (token: string) => (await api().graphql(auditLogQuery, { groupId }, { token })).data?.auditLog.edges.map((edge: any) => edge.node.action);
      expect(await actions(t.admin.token)).toEqual(['SUSPEND']);
      expect(await actions(peer.token)).toEqual([]);
      const entry = await api().graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: suspended.id }, { token: professional.token });
      expect(entry.data?.node).toBeNull();

      // A warning by a peer facilitator works whoever wrote the item: a refusal for "the author is a professional"
      // would tell the peer who it is.
      const colleague = await join('PROFESSIONAL_FACILITATOR');
      const theirs = await t.post(group, colleague, { anonymous: true, aliasNumber: 1 });
      expect((await run(moderateMutation, { subjectId: postId(theirs), action: 'WARN', reason: 'Content warning, please.' }, peer.token)).__typename).toBe('ModerationAction');
      const named = await t.post(group, colleague);
      expect((await run(moderateMutation, { subjectId: postId(named), action: 'WARN', reason: 'x' }, peer.token)).__typename).toBe('ForbiddenError');
    });
  });
});
