import { describe, expect, it } from 'vitest';
import { addTestMembership } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';
import { membershipMutations, membershipSuite } from './memberships-test-fixtures.js';

const { joinGroup, approveJoinRequest: approve, rejectJoinRequest: reject, recordFeePayment: recordFee, leaveGroup: leave } = membershipMutations;

/**
 * Joining a group under each join policy (OPEN, APPROVAL, FEE) and who may join at all. Invitations, changes to a
 * membership and reading memberships are in the files beside this one (invitations, membership-changes, membership-reads).
 */
describeEachDatabase('memberships: joining', (api) => {
  const t = withTestInstitution(api, { otherInstitution: true });
  const { groupId, run, result, membershipRows, facilitatedGroup } = membershipSuite(t);

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
});
