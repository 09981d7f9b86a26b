import { describe, expect, it } from 'vitest';
import type { GroupRow, NewGroup } from '../../db/tables.js';
import { addTestMembership } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { mutationDocument } from '../../../test-support/test-documents.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';
import { toUtcDay } from '../../schema/member-times.js';
import { membershipMutations } from './memberships-test-fixtures.js';

const {
  joinGroup,
  approveJoinRequest: approve,
  rejectJoinRequest: reject,
  recordFeePayment: recordFee,
  leaveGroup: leave,
  removeMember: remove,
  suspendMember: suspend,
  banMember: ban,
  reinstateMember: reinstate,
  changeMembershipRole: changeRole,
  setPseudonym,
} = membershipMutations;

const invitationFields = '... on Invitation { id code expiresAt maxUses useCount revokedAt valid }';
const createInvitation = mutationDocument('createInvitation', 'CreateInvitationInput', invitationFields);
const revokeInvitation = mutationDocument('revokeInvitation', 'RevokeInvitationInput', invitationFields);
const previewInvitation = `query($code: String!) { invitation(code: $code) { groupId groupName groupDescription facilitation joinPolicy expired valid problem } }`;

const inTwoDays = () => new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();

describeEachDatabase('memberships', (api) => {
  const t = withTestInstitution(api, { otherInstitution: true });
  const groupId = (row: GroupRow) => globalId('Group', row.id);
  const run = (query: string, input: Record<string, unknown>, token?: string) => t.graphql(query, { input }, token);
  const result = (mutation: string, input: Record<string, unknown>, token?: string) => t.mutate(mutation, input, token);
  const membershipRows = (groupRow: GroupRow) => t.db.selectFrom('memberships').selectAll().where('group_id', '=', groupRow.id).orderBy('requested_at').execute();
  /** A group with a facilitator of the given role, who acts on it in the test. */
  const facilitatedGroup = async (overrides: Partial<NewGroup> = {}, role: 'PEER_FACILITATOR' | 'PROFESSIONAL_FACILITATOR' = 'PEER_FACILITATOR') => {
    const row = await t.group(overrides);
    const facilitator = await t.member();
    const membership = await addTestMembership(t.db, row, facilitator.row, { role });
    return { group: row, facilitator, facilitatorMembershipId: globalId('Membership', membership.id) };
  };

  describe('OPEN groups', () => {
    it('let a member of the institution join at once, and show it as the viewer membership', async () => {
      const row = await t.group({ capacity: 5 });
      const person = await t.member();
      const joined = await result(joinGroup, { groupId: groupId(row), pseudonym: '  Quiet Heron ' }, person.token);
      expect(joined).toMatchObject({ __typename: 'Membership', status: 'ACTIVE', role: 'MEMBER', pseudonym: 'Quiet Heron', inForce: true });
      expect(joined.joinedAt).toEqual(expect.any(String));

      const read = await api().graphql(
        `query($id: ID!) { node(id: $id) { ... on Group { memberCount viewerMembership { status pseudonym } } } }`,
        { id: groupId(row) },
        { token: person.token },
      );
      expect(read.data?.node).toEqual({ memberCount: 1, viewerMembership: { status: 'ACTIVE', pseudonym: 'Quiet Heron' } });
    });

    it('refuse a second join with a ConflictError and keep one row', async () => {
      const row = await t.group();
      const person = await t.member();
      await result(joinGroup, { groupId: groupId(row) }, person.token);
      const again = await result(joinGroup, { groupId: groupId(row) }, person.token);
      expect(again).toMatchObject({ __typename: 'ConflictError', message: 'You are already a member of this group.' });
      expect(await membershipRows(row)).toHaveLength(1);
    });

    it('refuse archived groups', async () => {
      const row = await t.group({ archived_at: new Date() });
      const refused = await result(joinGroup, { groupId: groupId(row) }, (await t.member()).token);
      expect(refused).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('archived') });
      expect(await membershipRows(row)).toHaveLength(0);
    });

    it('hide PRIVATE groups from people without an invitation', async () => {
      const row = await t.group({ visibility: 'PRIVATE' });
      const refused = await result(joinGroup, { groupId: groupId(row) }, (await t.member()).token);
      expect(refused.__typename).toBe('NotFoundError');
      expect(await membershipRows(row)).toHaveLength(0);
    });
  });

  describe('who may join', () => {
    it('refuses a guest and a member of another institution with ForbiddenError, writing nothing', async () => {
      const row = await t.group();
      const guest = await run(joinGroup, { groupId: groupId(row) });
      expect(guest.data?.joinGroup.__typename).toBe('ForbiddenError');
      const stranger = await t.member({}, t.otherInstitution);
      const foreign = await result(joinGroup, { groupId: groupId(row) }, stranger.token);
      expect(foreign).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining("group's institution") });
      expect(await membershipRows(row)).toHaveLength(0);
    });

    it("refuses another institution's admin and service token on join requests, writing nothing", async () => {
      const { group: row } = await facilitatedGroup({ join_policy: 'APPROVAL', entry_questions: ['Why?'] });
      const applicant = await t.member();
      const pending = await addTestMembership(t.db, row, applicant.row, { status: 'PENDING', answers: ['Because.'] });
      const strangerAdmin = await t.member({ admin: true }, t.otherInstitution);
      const before = await membershipRows(row);
      for (const token of [strangerAdmin.token, t.otherInstitution.serviceToken, undefined]) {
        const refused = await run(approve, { membershipId: globalId('Membership', pending.id) }, token);
        expect(refused.data?.approveJoinRequest.__typename).toBe('ForbiddenError');
      }
      expect(await membershipRows(row)).toEqual(before);
    });

    it('reports an unknown group as NotFoundError and a wrong id as a ValidationError', async () => {
      const person = await t.member();
      const missing = await result(joinGroup, { groupId: globalId('Group', '00000000-0000-4000-8000-000000000000') }, person.token);
      expect(missing.__typename).toBe('NotFoundError');
      const wrongType = await result(joinGroup, { groupId: globalId('Member', person.row.id) }, person.token);
      expect(wrongType).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'groupId'] }] });
    });
  });

  describe('APPROVAL groups', () => {
    const questions = ['What brings you here?', 'How did you hear of us?'];

    it('want one answer per entry question, each 1–2000 characters, and report every mistake before writing', async () => {
      const row = await t.group({ join_policy: 'APPROVAL', entry_questions: questions });
      const person = await t.member();
      const none = await result(joinGroup, { groupId: groupId(row) }, person.token);
      expect(none).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'answers'] }] });
      const tooFew = await result(joinGroup, { groupId: groupId(row), answers: ['Only one.'] }, person.token);
      expect(tooFew).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'answers'] }] });
      const badLengths = await result(joinGroup, { groupId: groupId(row), answers: ['   ', 'x'.repeat(2001)], pseudonym: 'x' }, person.token);
      expect(badLengths.__typename).toBe('ValidationError');
      expect(badLengths.fields.map((field: { path: string[] }) => field.path.join('.'))).toEqual(
        expect.arrayContaining(['input.answers.0', 'input.answers.1', 'input.pseudonym']),
      );
      expect(await membershipRows(row)).toHaveLength(0);
    });

    it('leave the request PENDING with its answers, listed for facilitators oldest first and hidden from members', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'APPROVAL', entry_questions: questions });
      const first = await t.member();
      const second = await t.member();
      const pending = await result(joinGroup, { groupId: groupId(row), answers: ['Grief.', 'A nurse.'] }, first.token);
      expect(pending).toMatchObject({ status: 'PENDING', answers: ['Grief.', 'A nurse.'], joinedAt: null });
      await result(joinGroup, { groupId: groupId(row), answers: ['Loss.', 'A friend.'] }, second.token);

      const requests = `query($id: ID!) { node(id: $id) { ... on Group { joinRequests { edges { node { answers member { displayName } } } } } } }`;
      const seen = await api().graphql(requests, { id: groupId(row) }, { token: facilitator.token });
      expect(seen.data?.node.joinRequests.edges.map((edge: any) => edge.node)).toEqual([
        { answers: ['Grief.', 'A nurse.'], member: { displayName: first.row.display_name } },
        { answers: ['Loss.', 'A friend.'], member: { displayName: second.row.display_name } },
      ]);
      const other = await t.join(row);
      const hidden = await api().graphql(requests, { id: groupId(row) }, { token: other.token });
      expect(hidden.data?.node.joinRequests).toBeNull();
    });

    it('are approved with a reason the applicant reads, and rejected only with one', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'APPROVAL', entry_questions: questions });
      const applicant = await t.member();
      const pending = await result(joinGroup, { groupId: groupId(row), answers: ['a', 'b'] }, applicant.token);
      const approved = await result(approve, { membershipId: pending.id, reason: 'Welcome, glad you found us.' }, facilitator.token);
      expect(approved).toMatchObject({ status: 'ACTIVE', statusReason: 'Welcome, glad you found us.', inForce: true });
      const again = await result(approve, { membershipId: pending.id }, facilitator.token);
      expect(again.__typename).toBe('ConflictError');

      const rejectedApplicant = await t.member();
      const request = await result(joinGroup, { groupId: groupId(row), answers: ['a', 'b'] }, rejectedApplicant.token);
      const noReason = await result(reject, { membershipId: request.id }, facilitator.token);
      expect(noReason).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'reason'] }] });
      const rejected = await result(reject, { membershipId: request.id, reason: 'This group is for carers only.' }, facilitator.token);
      expect(rejected).toMatchObject({ status: 'REJECTED', statusReason: 'This group is for carers only.' });
      const ownView = await api().graphql(
        `query($id: ID!) { node(id: $id) { ... on Membership { status statusReason } } }`,
        { id: request.id },
        { token: rejectedApplicant.token },
      );
      expect(ownView.data?.node).toEqual({ status: 'REJECTED', statusReason: 'This group is for carers only.' });
    });

    it('let someone rejected ask again on the same row, behind those who asked before', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'APPROVAL', entry_questions: ['Why?'] });
      const applicant = await t.member();
      const first = await result(joinGroup, { groupId: groupId(row), answers: ['First try.'] }, applicant.token);
      await result(reject, { membershipId: first.id, reason: 'Please tell us more.' }, facilitator.token);
      const meanwhile = await t.member();
      await result(joinGroup, { groupId: groupId(row), answers: ['Hello.'] }, meanwhile.token);
      const second = await result(joinGroup, { groupId: groupId(row), answers: ['More detail.'] }, applicant.token);
      expect(second).toMatchObject({ id: first.id, status: 'PENDING', answers: ['More detail.'], statusReason: null });
      const order = await api().graphql(
        `query($id: ID!) { node(id: $id) { ... on Group { joinRequests { edges { node { answers } } } } } }`,
        { id: groupId(row) },
        { token: facilitator.token },
      );
      expect(order.data?.node.joinRequests.edges.map((edge: any) => edge.node.answers[0])).toEqual(['Hello.', 'More detail.']);
    });

    it('are decided by facilitators and admins only, and by nobody on their own request', async () => {
      const row = await t.group({ join_policy: 'APPROVAL', entry_questions: ['Why?'] });
      const applicant = await t.member();
      const pending = await result(joinGroup, { groupId: groupId(row), answers: ['Because.'] }, applicant.token);
      const plain = await t.join(row);
      for (const token of [plain.token, applicant.token]) {
        expect((await result(approve, { membershipId: pending.id }, token)).__typename).toBe('ForbiddenError');
      }
      expect((await membershipRows(row)).find((r) => r.member_id === applicant.row.id)?.status).toBe('PENDING');
      expect(await result(approve, { membershipId: pending.id }, t.institution.serviceToken)).toMatchObject({ status: 'ACTIVE' });
    });
  });

  describe('INVITE_ONLY groups and invitations', () => {
    it('refuse people without a code', async () => {
      const row = await t.group({ join_policy: 'INVITE_ONLY' });
      const refused = await result(joinGroup, { groupId: groupId(row) }, (await t.member()).token);
      expect(refused).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('invitation only') });
      expect(await membershipRows(row)).toHaveLength(0);
    });

    it('are created by facilitators (long random codes), not by members, and previewed by anyone holding the code', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'INVITE_ONLY', visibility: 'PRIVATE', name: 'Carers after stroke' });
      const plain = await t.join(row);
      expect((await result(createInvitation, { groupId: groupId(row) }, plain.token)).__typename).toBe('ForbiddenError');

      const created = await result(createInvitation, { groupId: groupId(row), maxUses: 3, expiresAt: inTwoDays() }, facilitator.token);
      expect(created).toMatchObject({ __typename: 'Invitation', maxUses: 3, useCount: 0, revokedAt: null, valid: true });
      expect(created.code).toMatch(/^[A-Za-z0-9_-]{16,}$/);
      const another = await result(createInvitation, { groupId: groupId(row) }, facilitator.token);
      expect(another.code).not.toBe(created.code);

      const preview = await api().graphql(previewInvitation, { code: created.code });
      expect(preview.data?.invitation).toEqual({
        groupId: groupId(row),
        groupName: 'Carers after stroke',
        groupDescription: row.description,
        facilitation: 'PEER_LED',
        joinPolicy: 'INVITE_ONLY',
        expired: false,
        valid: true,
        problem: null,
      });
      const unknown = await api().graphql(previewInvitation, { code: 'x'.repeat(24) });
      expect(unknown.data?.invitation).toBeNull();
      const list = await api().graphql(`query($id: ID!) { node(id: $id) { ... on Group { invitations { edges { node { code } } } } } }`, { id: groupId(row) }, { token: facilitator.token });
      expect(list.data?.node.invitations.edges.map((edge: any) => edge.node.code)).toEqual([another.code, created.code]);
    });

    it('let a holder join a private group at once, counting each use', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'INVITE_ONLY', visibility: 'PRIVATE' });
      const invitation = await result(createInvitation, { groupId: groupId(row), maxUses: 2 }, facilitator.token);
      const invitee = await t.member();
      const joined = await result(joinGroup, { groupId: groupId(row), inviteCode: invitation.code }, invitee.token);
      expect(joined).toMatchObject({ status: 'ACTIVE', group: { name: row.name } });
      const stored = await t.db.selectFrom('invitations').select('use_count').where('code', '=', invitation.code).executeTakeFirstOrThrow();
      expect(stored.use_count).toBe(1);
    });

    it('refuse expired, revoked and used-up codes, and codes of another group, writing nothing', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'INVITE_ONLY' });
      const expired = await result(createInvitation, { groupId: groupId(row), expiresAt: inTwoDays() }, facilitator.token);
      await t.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('code', '=', expired.code).execute();
      const revoked = await result(createInvitation, { groupId: groupId(row) }, facilitator.token);
      const revokedResult = await result(revokeInvitation, { invitationId: revoked.id }, facilitator.token);
      expect(revokedResult.revokedAt).toEqual(expect.any(String));
      const single = await result(createInvitation, { groupId: groupId(row), maxUses: 1 }, facilitator.token);
      await result(joinGroup, { groupId: groupId(row), inviteCode: single.code }, (await t.member()).token);
      const { group: otherGroup, facilitator: otherFacilitator } = await facilitatedGroup({ join_policy: 'INVITE_ONLY' });
      const foreignCode = await result(createInvitation, { groupId: groupId(otherGroup) }, otherFacilitator.token);

      const person = await t.member();
      const before = await membershipRows(row);
      const cases: Array<[string, string]> = [
        [expired.code, 'expired'],
        [revoked.code, 'withdrawn'],
        [single.code, 'used up'],
        [foreignCode.code, 'not valid for this group'],
      ];
      for (const [code, message] of cases) {
        const refused = await result(joinGroup, { groupId: groupId(row), inviteCode: code }, person.token);
        expect(refused).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining(message) });
      }
      expect(await membershipRows(row)).toEqual(before);
      const counts = await t.db.selectFrom('invitations').select(['code', 'use_count']).where('group_id', '=', row.id).execute();
      expect(Object.fromEntries(counts.map((c) => [c.code, c.use_count]))).toMatchObject({ [expired.code]: 0, [revoked.code]: 0, [single.code]: 1 });

      const preview = await api().graphql(previewInvitation, { code: expired.code });
      expect(preview.data?.invitation).toMatchObject({ expired: true, valid: false, problem: 'This invitation has expired.' });
    });

    it('are revoked by facilitators only', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'INVITE_ONLY' });
      const invitation = await result(createInvitation, { groupId: groupId(row) }, facilitator.token);
      const plain = await t.join(row);
      expect((await result(revokeInvitation, { invitationId: invitation.id }, plain.token)).__typename).toBe('ForbiddenError');
      const stored = await t.db.selectFrom('invitations').select('revoked_at').where('code', '=', invitation.code).executeTakeFirstOrThrow();
      expect(stored.revoked_at).toBeNull();
    });

    it('must expire in the future and allow at least one use', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'INVITE_ONLY' });
      const invalid = await result(createInvitation, { groupId: groupId(row), expiresAt: new Date(Date.now() - 60_000).toISOString(), maxUses: 0 }, facilitator.token);
      expect(invalid.__typename).toBe('ValidationError');
      expect(invalid.fields.map((field: { path: string[] }) => field.path.join('.')).sort()).toEqual(['input.expiresAt', 'input.maxUses']);
    });
  });

  describe('FEE groups', () => {
    const feeGroup = () => facilitatedGroup({ join_policy: 'FEE', fee_description: '£10 a term, paid at reception.' });

    it('keep the membership PENDING until the institution records the payment', async () => {
      const { group: row, facilitator } = await feeGroup();
      const person = await t.member();
      const pending = await result(joinGroup, { groupId: groupId(row) }, person.token);
      expect(pending).toMatchObject({ status: 'PENDING', inForce: false });

      expect((await result(approve, { membershipId: pending.id }, facilitator.token)).__typename).toBe('ConflictError');
      for (const token of [person.token, facilitator.token]) {
        const refused = await result(recordFee, { membershipId: pending.id, receiptReference: 'RCPT-1' }, token);
        expect(refused.__typename).toBe('ForbiddenError');
      }
      expect((await membershipRows(row)).find((r) => r.member_id === person.row.id)).toMatchObject({ status: 'PENDING', fee_receipt: null });

      const paid = await result(recordFee, { membershipId: pending.id, receiptReference: '  RCPT-2026-0042 ' }, t.institution.serviceToken);
      expect(paid).toMatchObject({ status: 'ACTIVE', feeReceipt: 'RCPT-2026-0042' });
      const twice = await result(recordFee, { membershipId: pending.id, receiptReference: 'RCPT-again' }, t.admin.token);
      expect(twice.__typename).toBe('ConflictError');
    });

    it('show the receipt to facilitators and admins, not to the member', async () => {
      const { group: row, facilitator } = await feeGroup();
      const person = await t.member();
      const pending = await result(joinGroup, { groupId: groupId(row) }, person.token);
      await result(recordFee, { membershipId: pending.id, receiptReference: 'RCPT-7' }, t.admin.token);
      const read = (token: string) =>
        api().graphql(`query($id: ID!) { node(id: $id) { ... on Membership { feeReceipt status } } }`, { id: pending.id }, { token });
      expect((await read(facilitator.token)).data?.node).toEqual({ feeReceipt: 'RCPT-7', status: 'ACTIVE' });
      expect((await read(person.token)).data?.node).toEqual({ feeReceipt: null, status: 'ACTIVE' });
    });

    it('refuse a fee for a group without one, and another institution recording it', async () => {
      const row = await t.group();
      const person = await t.member();
      const active = await result(joinGroup, { groupId: groupId(row) }, person.token);
      expect((await result(recordFee, { membershipId: active.id, receiptReference: 'R1' }, t.admin.token)).__typename).toBe('ConflictError');
      const { group: fee } = await feeGroup();
      const pending = await result(joinGroup, { groupId: groupId(fee) }, person.token);
      expect((await result(recordFee, { membershipId: pending.id, receiptReference: 'R2' }, t.otherInstitution.serviceToken)).__typename).toBe('ForbiddenError');
    });
  });

  describe('leaving, removal, suspension and bans', () => {
    it('let a member leave and come back on the same row', async () => {
      const row = await t.group();
      const person = await t.member();
      const joined = await result(joinGroup, { groupId: groupId(row), pseudonym: 'Fern' }, person.token);
      const left = await result(leave, { groupId: groupId(row) }, person.token);
      expect(left).toMatchObject({ id: joined.id, status: 'LEFT', inForce: false });
      expect((await result(leave, { groupId: groupId(row) }, person.token)).__typename).toBe('ConflictError');
      const back = await result(joinGroup, { groupId: groupId(row) }, person.token);
      expect(back).toMatchObject({ id: joined.id, status: 'ACTIVE', pseudonym: 'Fern' });
    });

    it('let facilitators remove, suspend, ban and reinstate, with reasons the member reads', async () => {
      const { group: row, facilitator } = await facilitatedGroup();
      const person = await t.member();
      const joined = await result(joinGroup, { groupId: groupId(row) }, person.token);
      const until = inTwoDays();

      const suspended = await result(suspend, { membershipId: joined.id, until, reason: 'Cooling off after a heated thread.' }, facilitator.token);
      // The facilitator reads the end of the suspension by the day (schema/member-times.ts); the member exactly.
      const untilDay = toUtcDay(new Date(until), 'up').toISOString();
      expect(suspended).toMatchObject({ status: 'SUSPENDED', suspendedUntil: untilDay, inForce: false, statusReason: 'Cooling off after a heated thread.' });
      const seat = await api().graphql(`query($id: ID!) { node(id: $id) { ... on Group { memberCount } } }`, { id: groupId(row) }, { token: t.admin.token });
      expect(seat.data?.node.memberCount).toBe(2);
      const reinstated = await result(reinstate, { membershipId: joined.id }, facilitator.token);
      expect(reinstated).toMatchObject({ status: 'ACTIVE', suspendedUntil: null, inForce: true });

      const banned = await result(ban, { membershipId: joined.id, reason: 'Repeated harassment.' }, facilitator.token);
      expect(banned).toMatchObject({ status: 'BANNED', statusReason: 'Repeated harassment.' });
      const refused = await result(joinGroup, { groupId: groupId(row) }, person.token);
      expect(refused).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('banned') });
      expect(await result(reinstate, { membershipId: joined.id, reason: 'Appeal accepted.' }, t.admin.token)).toMatchObject({ status: 'ACTIVE' });

      const removed = await result(remove, { membershipId: joined.id, reason: 'Asked us to remove them.' }, facilitator.token);
      expect(removed).toMatchObject({ status: 'LEFT', statusReason: 'Asked us to remove them.' });
      expect(await result(joinGroup, { groupId: groupId(row) }, person.token)).toMatchObject({ status: 'ACTIVE' });
    });

    it('treat a suspension whose date has passed as over', async () => {
      const { group: row, facilitator } = await facilitatedGroup();
      const person = await t.member();
      const joined = await result(joinGroup, { groupId: groupId(row) }, person.token);
      await result(suspend, { membershipId: joined.id, until: inTwoDays(), reason: 'A pause.' }, facilitator.token);
      await t.db.updateTable('memberships').set({ suspended_until: new Date(Date.now() - 1000) }).where('member_id', '=', person.row.id).execute();
      const read = await api().graphql(`query($id: ID!) { node(id: $id) { ... on Membership { status inForce } } }`, { id: joined.id }, { token: person.token });
      expect(read.data?.node).toEqual({ status: 'SUSPENDED', inForce: true });
    });

    it('keep a suspension in force after leaving: no leaving and joining again to end it', async () => {
      const { group: row, facilitator } = await facilitatedGroup();
      const person = await t.member();
      const joined = await result(joinGroup, { groupId: groupId(row) }, person.token);
      await result(suspend, { membershipId: joined.id, until: inTwoDays(), reason: 'A pause.' }, facilitator.token);
      await result(leave, { groupId: groupId(row) }, person.token);
      const refused = await result(joinGroup, { groupId: groupId(row) }, person.token);
      expect(refused).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('suspended') });
    });

    it('refuse a suspension that ends in the past or gives no reason', async () => {
      const { group: row, facilitator } = await facilitatedGroup();
      const person = await t.member();
      const joined = await result(joinGroup, { groupId: groupId(row) }, person.token);
      const invalid = await result(suspend, { membershipId: joined.id, until: new Date(Date.now() - 60_000).toISOString(), reason: '' }, facilitator.token);
      expect(invalid.fields.map((field: { path: string[] }) => field.path.join('.')).sort()).toEqual(['input.reason', 'input.until']);
    });

    it('stop a peer facilitator acting on a professional, and anyone acting on themselves', async () => {
      const { group: row, facilitator: peer, facilitatorMembershipId: peerMembership } = await facilitatedGroup();
      const professional = await t.member();
      const professionalMembership = await addTestMembership(t.db, row, professional.row, { role: 'PROFESSIONAL_FACILITATOR' });
      const before = await membershipRows(row);
      const onProfessional = await result(ban, { membershipId: globalId('Membership', professionalMembership.id), reason: 'No.' }, peer.token);
      expect(onProfessional).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('professional') });
      const onSelf = await result(suspend, { membershipId: peerMembership, until: inTwoDays(), reason: 'Me.' }, peer.token);
      expect(onSelf.__typename).toBe('ForbiddenError');
      expect(await membershipRows(row)).toEqual(before);
      expect(await result(remove, { membershipId: peerMembership, reason: 'Stepping down.' }, professional.token)).toMatchObject({ status: 'LEFT' });
    });

    it('refuse plain members and suspended facilitators', async () => {
      const { group: row, facilitator, facilitatorMembershipId } = await facilitatedGroup();
      const person = await t.member();
      const target = await result(joinGroup, { groupId: groupId(row) }, person.token);
      const other = await t.member();
      await result(joinGroup, { groupId: groupId(row) }, other.token);
      expect((await result(remove, { membershipId: target.id }, other.token)).__typename).toBe('ForbiddenError');
      await result(suspend, { membershipId: facilitatorMembershipId, until: inTwoDays(), reason: 'Review.' }, t.admin.token);
      expect((await result(remove, { membershipId: target.id }, facilitator.token)).__typename).toBe('ForbiddenError');
      expect((await membershipRows(row)).find((r) => r.member_id === person.row.id)?.status).toBe('ACTIVE');
    });
  });

  describe('roles', () => {
    it('are given by professional facilitators (up to peer facilitator) and admins (any role)', async () => {
      const { group: row, facilitator: professional } = await facilitatedGroup({}, 'PROFESSIONAL_FACILITATOR');
      const person = await t.member();
      const joined = await result(joinGroup, { groupId: groupId(row) }, person.token);
      expect(await result(changeRole, { membershipId: joined.id, role: 'PEER_FACILITATOR' }, professional.token)).toMatchObject({ role: 'PEER_FACILITATOR' });
      const tooHigh = await result(changeRole, { membershipId: joined.id, role: 'PROFESSIONAL_FACILITATOR' }, professional.token);
      expect(tooHigh.__typename).toBe('ForbiddenError');
      expect(await result(changeRole, { membershipId: joined.id, role: 'PROFESSIONAL_FACILITATOR' }, t.admin.token)).toMatchObject({ role: 'PROFESSIONAL_FACILITATOR' });
      const facilitators = await api().graphql(`query($id: ID!) { node(id: $id) { ... on Group { facilitators { role } } } }`, { id: groupId(row) });
      expect(facilitators.data?.node.facilitators).toHaveLength(2);
    });

    it('are not changed by peer facilitators or members, and nobody changes their own', async () => {
      const { group: row, facilitator: peer, facilitatorMembershipId: peerMembership } = await facilitatedGroup();
      const person = await t.member();
      const joined = await result(joinGroup, { groupId: groupId(row) }, person.token);
      const adminMembership = await addTestMembership(t.db, row, t.admin.row);
      const before = await membershipRows(row);
      const attempts: Array<[string, string, string]> = [
        [joined.id, 'PEER_FACILITATOR', peer.token],
        [joined.id, 'PEER_FACILITATOR', person.token],
        [peerMembership, 'PROFESSIONAL_FACILITATOR', peer.token],
        [globalId('Membership', adminMembership.id), 'PROFESSIONAL_FACILITATOR', t.admin.token],
      ];
      for (const [membershipId, role, token] of attempts) {
        expect((await result(changeRole, { membershipId, role }, token)).__typename).toBe('ForbiddenError');
      }
      expect(await membershipRows(row)).toEqual(before);
    });
  });

  describe('pseudonyms', () => {
    it('are unique in a group whatever the letter case, 2–40 characters, and free across groups', async () => {
      const row = await t.group();
      const first = await t.member();
      const second = await t.member();
      await result(joinGroup, { groupId: groupId(row), pseudonym: 'Robin' }, first.token);
      await result(joinGroup, { groupId: groupId(row) }, second.token);
      const taken = await result(setPseudonym, { groupId: groupId(row), pseudonym: 'rOBIN' }, second.token);
      expect(taken.__typename).toBe('ConflictError');
      const takenAtJoin = await result(joinGroup, { groupId: groupId(row), pseudonym: 'ROBIN' }, (await t.member()).token);
      expect(takenAtJoin.__typename).toBe('ConflictError');
      const tooShort = await result(setPseudonym, { groupId: groupId(row), pseudonym: 'R' }, second.token);
      expect(tooShort).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'pseudonym'] }] });
      expect(await result(setPseudonym, { groupId: groupId(row), pseudonym: 'Wren' }, second.token)).toMatchObject({ pseudonym: 'Wren' });
      expect(await result(setPseudonym, { groupId: groupId(row), pseudonym: 'Robin' }, first.token)).toMatchObject({ pseudonym: 'Robin' });
      expect(await result(setPseudonym, { groupId: groupId(row), pseudonym: null }, first.token)).toMatchObject({ pseudonym: null });

      const elsewhereGroup = await t.group();
      expect(await result(joinGroup, { groupId: groupId(elsewhereGroup), pseudonym: 'Wren' }, first.token)).toMatchObject({ pseudonym: 'Wren' });
    });

    it('need a membership in the group', async () => {
      const row = await t.group();
      const refused = await result(setPseudonym, { groupId: groupId(row), pseudonym: 'Nobody' }, (await t.member()).token);
      expect(refused.__typename).toBe('NotFoundError');
    });
  });

  describe('reading memberships', () => {
    it('shows a membership to its member and the group facilitators, never to other members', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'APPROVAL', entry_questions: ['Why?'] });
      const applicant = await t.member();
      const pending = await result(joinGroup, { groupId: groupId(row), answers: ['Private reasons.'] }, applicant.token);
      const otherMember = await t.join(row);
      const read = (token?: string) =>
        api().graphql(`query($id: ID!) { node(id: $id) { ... on Membership { answers member { displayName } } } }`, { id: pending.id }, { token });
      const expected = { answers: ['Private reasons.'], member: { displayName: applicant.row.display_name } };
      expect((await read(applicant.token)).data?.node).toEqual(expected);
      expect((await read(facilitator.token)).data?.node).toEqual(expected);
      expect((await read(t.admin.token)).data?.node).toEqual(expected);
      expect((await read(otherMember.token)).data?.node).toBeNull();
      expect((await read()).data?.node).toBeNull();
    });

    it("lists a member's memberships to a facilitator only in the groups they facilitate", async () => {
      const { group: supportGroup, facilitator } = await facilitatedGroup();
      const privateGroup = await t.group();
      const person = await t.member();
      await result(joinGroup, { groupId: groupId(supportGroup) }, person.token);
      await result(joinGroup, { groupId: groupId(privateGroup) }, person.token);
      const query = `query($id: ID!) { node(id: $id) { ... on Member { memberships { edges { node { group { id } } } } } } }`;
      const groupsSeen = async (token: string) =>
        ((await api().graphql(query, { id: globalId('Member', person.row.id) }, { token })).data?.node.memberships.edges ?? []).map((edge: any) => edge.node.group.id);
      expect(await groupsSeen(facilitator.token)).toEqual([groupId(supportGroup)]);
      expect(await groupsSeen(person.token)).toEqual([groupId(supportGroup), groupId(privateGroup)]);
      expect(await groupsSeen(t.admin.token)).toEqual([groupId(supportGroup), groupId(privateGroup)]);
    });

    it('pages join requests by cursor without repeating or skipping anyone', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'APPROVAL', entry_questions: ['Why?'] });
      const applicants = [];
      for (let index = 0; index < 5; index += 1) {
        const applicant = await t.member();
        applicants.push(applicant);
        // Half through the factory (timestamps from the database clock), half through the API.
        if (index % 2 === 0) await addTestMembership(t.db, row, applicant.row, { status: 'PENDING', answers: [`#${index}`] });
        else await result(joinGroup, { groupId: groupId(row), answers: [`#${index}`] }, applicant.token);
      }
      const page = `query($id: ID!, $after: String) { node(id: $id) { ... on Group { joinRequests(first: 2, after: $after) { edges { node { answers } } pageInfo { hasNextPage endCursor } } } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 5; guard += 1) {
        const response: { data?: Record<string, any> } = await api().graphql(page, { id: groupId(row), after }, { token: facilitator.token });
        const connection: { edges: any[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = response.data?.node.joinRequests;
        seen.push(...connection.edges.map((edge: any) => edge.node.answers[0]));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      // PGlite's clock ticks in milliseconds, so two requests may share a time; ties are ordered by id, the same way
      // on every page, so paging must give exactly the one-page list.
      const whole = await api().graphql(page.replace('first: 2', 'first: 10'), { id: groupId(row) }, { token: facilitator.token });
      expect(seen).toEqual(whole.data?.node.joinRequests.edges.map((edge: any) => edge.node.answers[0]));
      expect([...seen].sort()).toEqual(['#0', '#1', '#2', '#3', '#4']);
      const badCursor = await api().graphql(page, { id: groupId(row), after: 'bm90LWEtY3Vyc29y' }, { token: facilitator.token });
      expect(badCursor.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    });

    it('loads memberships with their groups, members and waitlist places in a fixed number of statements', async () => {
      const statementsFor = async (groupCount: number) => {
        const person = await t.member();
        for (let index = 0; index < groupCount; index += 1) {
          const { group: row } = await facilitatedGroup({ join_policy: 'APPROVAL', entry_questions: ['Why?'] });
          await result(joinGroup, { groupId: groupId(row), answers: ['Hello.'] }, person.token);
        }
        const response = await api().graphql(
          `{ me { memberships(first: 20) { edges { node { status waitlistPosition member { displayName } group { name viewerMembership { status } } } } } } }`,
          {},
          { token: person.token },
        );
        expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
        expect(response.data?.me.memberships.edges).toHaveLength(groupCount);
        return response.statements;
      };
      expect(await statementsFor(5)).toBe(await statementsFor(2));
    });

    it("batches the join requests of a facilitator's groups into one statement", async () => {
      const statementsFor = async (groupCount: number) => {
        const facilitator = await t.member();
        for (let index = 0; index < groupCount; index += 1) {
          const row = await t.group({ join_policy: 'APPROVAL', entry_questions: ['Why?'] });
          await addTestMembership(t.db, row, facilitator.row, { role: 'PEER_FACILITATOR' });
          await addTestMembership(t.db, row, (await t.member()).row, { status: 'PENDING', answers: ['Hello.'] });
        }
        const response = await api().graphql(
          `{ me { memberships { edges { node { group { joinRequests { edges { node { answers } } } } } } } } }`,
          {},
          { token: facilitator.token },
        );
        expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
        const requests = response.data?.me.memberships.edges.map((edge: any) => edge.node.group.joinRequests.edges.length);
        expect(requests).toEqual(Array.from({ length: groupCount }, () => 1));
        return response.statements;
      };
      expect(await statementsFor(4)).toBe(await statementsFor(1));
    });
  });
});
