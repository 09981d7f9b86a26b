import { expect, it } from 'vitest';
import type { GroupRow, NewGroup } from '../../db/tables.js';
import type { TestMember } from '../../../test-support/factories.js';
import { describeEachDatabase, type TestApi } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';
import { membershipMutations } from './memberships-test-fixtures.js';

const {
  joinGroup,
  joinWaitlist,
  leaveGroup,
  approveJoinRequest: approve,
  recordFeePayment: recordFee,
  removeMember,
  banMember,
  suspendMember,
  reinstateMember,
} = membershipMutations;

/** Shared by both suites: the test context, and the statuses of a group's memberships by member. */
function capacityFixture(api: () => TestApi) {
  const t = withTestInstitution(api);
  return {
    t,
    statuses: async (group: GroupRow) => {
      const rows = await t.db.selectFrom('memberships').select(['member_id', 'status']).where('group_id', '=', group.id).execute();
      return Object.fromEntries(rows.map((row) => [row.member_id, row.status]));
    },
  };
}

describeEachDatabase('capacity and the waitlist', (api) => {
  const { t, statuses } = capacityFixture(api);
  const groupId = (row: GroupRow) => globalId('Group', row.id);

  /** A group of `capacity` seats with a facilitator in one of them, and `seated` more members in others. */
  const facilitatedGroup = async (capacity: number, seated: number, overrides: Partial<NewGroup> = {}) => {
    const row = await t.group({ capacity, ...overrides });
    const facilitator = await t.join(row, 'PEER_FACILITATOR');
    for (let seat = 0; seat < seated; seat += 1) await t.join(row);
    return { row, facilitator };
  };
  const fullGroup = (capacity: number, overrides: Partial<NewGroup> = {}) => facilitatedGroup(capacity, capacity - 1, overrides);

  it('answers GroupFullError (waitlist open) when full, and joinWaitlist only then', async () => {
    const row = await t.group({ capacity: 2 });
    const first = await t.member();
    expect((await t.mutate(joinWaitlist, { groupId: groupId(row) }, first.token)).__typename).toBe('ConflictError');
    await t.mutate(joinGroup, { groupId: groupId(row) }, first.token);
    await t.mutate(joinGroup, { groupId: groupId(row) }, (await t.member()).token);
    const latecomer = await t.member();
    const full = await t.mutate(joinGroup, { groupId: groupId(row) }, latecomer.token);
    expect(full).toEqual({ __typename: 'GroupFullError', message: expect.any(String), waitlistOpen: true });
    expect((await statuses(row))[latecomer.row.id]).toBeUndefined();
    expect(await t.mutate(joinWaitlist, { groupId: groupId(row) }, latecomer.token)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect((await t.mutate(joinWaitlist, { groupId: groupId(row) }, latecomer.token)).__typename).toBe('ConflictError');
  });

  it('gives freed seats to the waitlist in order: after a leave, a removal and a ban', async () => {
    const { row, facilitator } = await facilitatedGroup(3, 0);
    const seated = await t.member();
    await t.mutate(joinGroup, { groupId: groupId(row) }, seated.token);
    const second = await t.mutate(joinGroup, { groupId: groupId(row) }, (await t.member()).token);

    const waiting: TestMember[] = [];
    for (let index = 0; index < 4; index += 1) {
      const person = await t.member();
      waiting.push(person);
      expect(await t.mutate(joinWaitlist, { groupId: groupId(row) }, person.token)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: index + 1 });
    }
    const list = await api().graphql(
      `query($id: ID!) { node(id: $id) { ... on Group { waitlist { edges { node { waitlistPosition member { id } } } } } } }`,
      { id: groupId(row) },
      { token: facilitator.token },
    );
    expect(list.data?.node.waitlist.edges.map((edge: any) => edge.node)).toEqual(
      waiting.map((person, index) => ({ waitlistPosition: index + 1, member: { id: globalId('Member', person.row.id) } })),
    );

    await t.mutate(leaveGroup, { groupId: groupId(row) }, seated.token);
    expect(await statuses(row)).toMatchObject({ [waiting[0]!.row.id]: 'ACTIVE', [waiting[1]!.row.id]: 'WAITLISTED' });

    await t.mutate(removeMember, { membershipId: second.id }, facilitator.token);
    expect(await statuses(row)).toMatchObject({ [waiting[1]!.row.id]: 'ACTIVE', [waiting[2]!.row.id]: 'WAITLISTED' });

    const firstPromoted = (await t.db.selectFrom('memberships').select('id').where('member_id', '=', waiting[0]!.row.id).executeTakeFirstOrThrow()).id;
    await t.mutate(banMember, { membershipId: globalId('Membership', firstPromoted), reason: 'Spam.' }, facilitator.token);
    expect(await statuses(row)).toMatchObject({ [waiting[2]!.row.id]: 'ACTIVE', [waiting[3]!.row.id]: 'WAITLISTED' });

    // Leaving the waitlist frees no seat but moves everyone behind up.
    const view = await api().graphql(
      `query($id: ID!) { node(id: $id) { ... on Group { memberCount viewerMembership { waitlistPosition } } } }`,
      { id: groupId(row) },
      { token: waiting[3]!.token },
    );
    expect(view.data?.node).toEqual({ memberCount: 3, viewerMembership: { waitlistPosition: 1 } });
  });

  it('keeps a suspended member in their seat, and lets a banned one back only into a free seat', async () => {
    const { row, facilitator } = await facilitatedGroup(2, 0);
    const person = await t.member();
    const joined = await t.mutate(joinGroup, { groupId: groupId(row) }, person.token);
    const until = new Date(Date.now() + 86_400_000).toISOString();
    await t.mutate(suspendMember, { membershipId: joined.id, until, reason: 'A pause.' }, facilitator.token);
    expect((await t.mutate(joinGroup, { groupId: groupId(row) }, (await t.member()).token)).__typename).toBe('GroupFullError');

    await t.mutate(banMember, { membershipId: joined.id, reason: 'Threats.' }, facilitator.token);
    const newcomer = await t.member();
    expect(await t.mutate(joinGroup, { groupId: groupId(row) }, newcomer.token)).toMatchObject({ status: 'ACTIVE' });
    expect(await t.mutate(reinstateMember, { membershipId: joined.id }, facilitator.token)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
  });

  it('puts an approval or a paid fee on a full group on the waitlist instead of failing', async () => {
    const { row: approvalGroup, facilitator } = await fullGroup(2, { join_policy: 'APPROVAL', entry_questions: ['Why?'] });
    const applicant = await t.member();
    const request = await t.mutate(joinGroup, { groupId: groupId(approvalGroup), answers: ['Because.'] }, applicant.token);
    expect(request.status).toBe('PENDING');
    expect((await t.mutate(joinWaitlist, { groupId: groupId(approvalGroup), answers: ['x'] }, (await t.member()).token)).__typename).toBe('ConflictError');
    expect(await t.mutate(approve, { membershipId: request.id, reason: 'Welcome.' }, facilitator.token)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });

    const { row: feeGroup } = await fullGroup(2, { join_policy: 'FEE', fee_description: '£5' });
    const payer = await t.member();
    const pending = await t.mutate(joinGroup, { groupId: groupId(feeGroup) }, payer.token);
    expect(await t.mutate(recordFee, { membershipId: pending.id, receiptReference: 'R-1' }, t.institution.serviceToken)).toMatchObject({
      status: 'WAITLISTED',
      waitlistPosition: 1,
    });
  });

  it('serves people already waiting before newcomers when the capacity is raised', async () => {
    const { row } = await fullGroup(2);
    const waiting = await t.member();
    await t.mutate(joinWaitlist, { groupId: groupId(row) }, waiting.token);
    await t.db.updateTable('groups').set({ capacity: 3 }).where('id', '=', row.id).execute();
    const newcomer = await t.member();
    const refused = await t.mutate(joinGroup, { groupId: groupId(row) }, newcomer.token);
    expect(refused.__typename).toBe('GroupFullError');
    expect((await statuses(row))[waiting.row.id]).toBe('ACTIVE');
  });
});

describeEachDatabase(
  'capacity under concurrency',
  (api) => {
    const { t } = capacityFixture(api);

    it('gives the last seat to exactly one of two people joining at the same moment, every time', async () => {
      for (let round = 0; round < 25; round += 1) {
        const row = await t.group({ capacity: 2 });
        await t.join(row);
        const [first, second] = [await t.member(), await t.member()];
        const results = await Promise.all(
          [first, second].map((person) => t.mutate(joinGroup, { groupId: globalId('Group', row.id) }, person.token)),
        );
        const typenames = results.map((entry) => entry.__typename).sort();
        expect(typenames, `round ${round}`).toEqual(['GroupFullError', 'Membership']);
        expect(results.find((entry) => entry.__typename === 'Membership')?.status).toBe('ACTIVE');
        expect(results.find((entry) => entry.__typename === 'GroupFullError')?.waitlistOpen).toBe(true);
        const seats = await t.db.selectFrom('memberships').select('status').where('group_id', '=', row.id).execute();
        expect(seats.map((seat) => seat.status)).toEqual(['ACTIVE', 'ACTIVE']);
      }
    });

    it('never seats more people than the capacity when many join at once', async () => {
      for (let round = 0; round < 5; round += 1) {
        const row = await t.group({ capacity: 3 });
        const people = await Promise.all(Array.from({ length: 8 }, () => t.member()));
        const results = await Promise.all(people.map((person) => t.mutate(joinGroup, { groupId: globalId('Group', row.id) }, person.token)));
        expect(results.filter((entry) => entry.__typename === 'Membership')).toHaveLength(3);
        expect(results.filter((entry) => entry.__typename === 'GroupFullError')).toHaveLength(5);
        const active = await t.db.selectFrom('memberships').select('id').where('group_id', '=', row.id).where('status', '=', 'ACTIVE').execute();
        expect(active).toHaveLength(3);
      }
    });

    it("lets only one of two people use an invitation's last use", async () => {
      for (let round = 0; round < 10; round += 1) {
        const row = await t.group({ join_policy: 'INVITE_ONLY' });
        const invitation = await t.mutate(
          `mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { __typename ... on Invitation { code } } }`,
          { groupId: globalId('Group', row.id), maxUses: 1 },
          t.admin.token,
        );
        const people = [await t.member(), await t.member()];
        const results = await Promise.all(
          people.map((person) => t.mutate(joinGroup, { groupId: globalId('Group', row.id), inviteCode: invitation.code }, person.token)),
        );
        expect(results.map((entry) => entry.__typename).sort(), `round ${round}`).toEqual(['ForbiddenError', 'Membership']);
        const stored = await t.db.selectFrom('invitations').select('use_count').where('code', '=', invitation.code).executeTakeFirstOrThrow();
        expect(stored.use_count).toBe(1);
      }
    });

    it('promotes from the waitlist exactly once when two seated members leave at once', async () => {
      const row = await t.group({ capacity: 2 });
      const seated = [await t.member(), await t.member()];
      for (const person of seated) await t.mutate(joinGroup, { groupId: globalId('Group', row.id) }, person.token);
      const waiting = [await t.member(), await t.member(), await t.member()];
      for (const person of waiting) await t.mutate(joinWaitlist, { groupId: globalId('Group', row.id) }, person.token);
      await Promise.all(seated.map((person) => t.mutate(leaveGroup, { groupId: globalId('Group', row.id) }, person.token)));
      const rows = await t.db.selectFrom('memberships').select(['member_id', 'status']).where('group_id', '=', row.id).execute();
      const byMember = Object.fromEntries(rows.map((entry) => [entry.member_id, entry.status]));
      expect(waiting.map((person) => byMember[person.row.id])).toEqual(['ACTIVE', 'ACTIVE', 'WAITLISTED']);
    });
  },
  { kinds: ['postgres'] },
);
