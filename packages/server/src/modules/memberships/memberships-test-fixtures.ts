import { mutationDocument } from '../../../test-support/test-documents.js';

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
