import type { GroupRow, NewGroup } from '../../db/tables.js';
import { addTestMembership } from '../../../test-support/factories.js';
import type { TestContext } from '../../../test-support/test-context.js';
import { mutationDocument } from '../../../test-support/test-documents.js';
import { encodeGlobalId } from '../../schema/global-ids.js';

/** Shared by the memberships tests: each membership mutation, selecting its result union in full. */

const membershipFields = /* GraphQL */ `
  fragment MembershipFields on Membership {
    id status role pseudonym answers statusReason feeReceipt suspendedUntil inForce waitlistPosition requestedAt joinedAt
    group { name }
    member { displayName }
  }
`;

/** A mutation whose result union is a Membership or a typed error (with every error's details). */
const membershipMutation = (field: string, inputType: string, extra = '') =>
  mutationDocument(field, inputType, `... on Membership { ...MembershipFields } ${extra}`) + membershipFields;

/** The membership mutations by field name: `const { joinGroup, leaveGroup } = membershipMutations`. */
export const membershipMutations = {
  joinGroup: membershipMutation('joinGroup', 'JoinGroupInput', '... on GroupFullError { waitlistOpen }'),
  joinWaitlist: membershipMutation('joinWaitlist', 'JoinWaitlistInput'),
  leaveGroup: membershipMutation('leaveGroup', 'LeaveGroupInput'),
  approveJoinRequest: membershipMutation('approveJoinRequest', 'DecideJoinRequestInput'),
  rejectJoinRequest: membershipMutation('rejectJoinRequest', 'DecideJoinRequestInput'),
  recordFeePayment: membershipMutation('recordFeePayment', 'RecordFeePaymentInput'),
  removeMember: membershipMutation('removeMember', 'RemoveMemberInput'),
  suspendMember: membershipMutation('suspendMember', 'SuspendMemberInput'),
  banMember: membershipMutation('banMember', 'BanMemberInput'),
  reinstateMember: membershipMutation('reinstateMember', 'ReinstateMemberInput'),
  changeMembershipRole: membershipMutation('changeMembershipRole', 'ChangeMembershipRoleInput'),
  setPseudonym: membershipMutation('setPseudonym', 'SetPseudonymInput'),
};

export const inTwoDays = () => new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();

/** The memberships suites' shared setup over their test context: ids, mutations sent as someone, rows, facilitated groups. */
export function membershipSuite(t: TestContext) {
  const groupId = (row: GroupRow) => encodeGlobalId('Group', row.id);
  return {
    groupId,
    /** The whole response (for requests that fail as a whole). */
    run: (query: string, input: Record<string, unknown>, token?: string) => t.graphql(query, { input }, token),
    /** The mutation's result union. */
    result: (mutation: string, input: Record<string, unknown>, token?: string) => t.mutate(mutation, input, token),
    membershipRows: (groupRow: GroupRow) => t.db.selectFrom('memberships').selectAll().where('group_id', '=', groupRow.id).orderBy('requested_at').execute(),
    /** A group with a facilitator of the given role, who acts on it in the test. */
    facilitatedGroup: async (overrides: Partial<NewGroup> = {}, role: 'PEER_FACILITATOR' | 'PROFESSIONAL_FACILITATOR' = 'PEER_FACILITATOR') => {
      const row = await t.group(overrides);
      const facilitator = await t.member();
      const membership = await addTestMembership(t.db, row, facilitator.row, { role });
      return { group: row, facilitator, facilitatorMembershipId: encodeGlobalId('Membership', membership.id) };
    },
  };
}
