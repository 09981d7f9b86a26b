import { describe, expect, it } from 'vitest';
import { addTestMembership } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';
import { toUtcDay } from '../../schema/member-times.js';
import { membershipMutations, membershipSuite, inTwoDays } from './memberships-test-fixtures.js';

const { joinGroup, leaveGroup: leave, removeMember: remove, suspendMember: suspend, banMember: ban, reinstateMember: reinstate, changeMembershipRole: changeRole, setPseudonym } = membershipMutations;

/** What happens to a membership once it exists: leaving, removal, suspension, bans, roles and pseudonyms. */
describeEachDatabase('memberships: changes', (api) => {
  const t = withTestInstitution(api);
  const { groupId, result, membershipRows, facilitatedGroup } = membershipSuite(t);

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
});
