import { graphql } from '../graphql.js';
import { errorFields, invitationFields, memberFields, membershipFields } from './fragments.js';

/**
 * Joining and leaving groups, and the facilitators' decisions about members. Every mutation selects its payload
 * and the typed errors, so `client.mutate(…, (data) => data.<field>)` narrows it.
 */

/** Joins by the group's join policy: a seat, a PENDING request (APPROVAL, FEE), or a GroupFullError. */
export const joinGroupMutation = /* @__PURE__ */ graphql(
  `
  mutation JoinGroup($input: JoinGroupInput!) {
    joinGroup(input: $input) {
      __typename
      ... on Membership { ...MembershipFields group { id name } }
      ...HearthErrorFields
    }
  }
`,
  [membershipFields, errorFields],
);

/** Takes a place in line for a full OPEN or INVITE_ONLY group. */
export const joinWaitlistMutation = /* @__PURE__ */ graphql(
  `
  mutation JoinWaitlist($input: JoinWaitlistInput!) {
    joinWaitlist(input: $input) {
      __typename
      ... on Membership { ...MembershipFields group { id name } }
      ...HearthErrorFields
    }
  }
`,
  [membershipFields, errorFields],
);

/** Leaves a group, withdraws a request or steps off the waitlist. */
export const leaveGroupMutation = /* @__PURE__ */ graphql(
  `
  mutation LeaveGroup($input: LeaveGroupInput!) {
    leaveGroup(input: $input) {
      __typename
      ... on Membership { ...MembershipFields }
      ...HearthErrorFields
    }
  }
`,
  [membershipFields, errorFields],
);

/** Sets (or clears, with null) the viewer's pseudonym in a group. */
export const setPseudonymMutation = /* @__PURE__ */ graphql(
  `
  mutation SetPseudonym($input: SetPseudonymInput!) {
    setPseudonym(input: $input) {
      __typename
      ... on Membership { ...MembershipFields }
      ...HearthErrorFields
    }
  }
`,
  [membershipFields, errorFields],
);

/**
 * Chooses how the viewer appears in a group: `{ kind: 'PSEUDONYM', pseudonym }` (unique in the group; omit the name
 * to keep the current one or take a suggestion) or `{ kind: 'NAME' }`. A ConflictError when the pseudonym is taken,
 * a ValidationError when it imitates an alias, a tombstone, a role or a system name.
 */
export const setGroupAppearanceMutation = /* @__PURE__ */ graphql(
  `
  mutation SetGroupAppearance($input: SetGroupAppearanceInput!) {
    setGroupAppearance(input: $input) {
      __typename
      ... on Membership { ...MembershipFields }
      ...HearthErrorFields
    }
  }
`,
  [membershipFields, errorFields],
);

/**
 * A pseudonym the signed-in viewer may take in a group (free there, none they use elsewhere), for the join form's
 * default; a new one on each request. Join with `appearance: { kind: 'PSEUDONYM', pseudonym }` to take it.
 */
export const suggestedPseudonymQuery = /* @__PURE__ */ graphql(`
  query SuggestedPseudonym($id: ID!) {
    node(id: $id) { ... on Group { id suggestedPseudonym } }
  }
`);

/** A facilitator approves a PENDING request. */
export const approveJoinRequestMutation = /* @__PURE__ */ graphql(
  `
  mutation ApproveJoinRequest($input: DecideJoinRequestInput!) {
    approveJoinRequest(input: $input) {
      __typename
      ... on Membership { ...MembershipFields member { id displayName } }
      ...HearthErrorFields
    }
  }
`,
  [membershipFields, errorFields],
);

/** A facilitator rejects a PENDING request, with a reason the applicant sees. */
export const rejectJoinRequestMutation = /* @__PURE__ */ graphql(
  `
  mutation RejectJoinRequest($input: DecideJoinRequestInput!) {
    rejectJoinRequest(input: $input) {
      __typename
      ... on Membership { ...MembershipFields member { id displayName } }
      ...HearthErrorFields
    }
  }
`,
  [membershipFields, errorFields],
);

/** Records a FEE group's payment (made outside Hearth). */
export const recordFeePaymentMutation = /* @__PURE__ */ graphql(
  `
  mutation RecordFeePayment($input: RecordFeePaymentInput!) {
    recordFeePayment(input: $input) {
      __typename
      ... on Membership { ...MembershipFields }
      ...HearthErrorFields
    }
  }
`,
  [membershipFields, errorFields],
);

export const removeMemberMutation = /* @__PURE__ */ graphql(
  `
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      __typename
      ... on Membership { ...MembershipFields }
      ...HearthErrorFields
    }
  }
`,
  [membershipFields, errorFields],
);

export const suspendMemberMutation = /* @__PURE__ */ graphql(
  `
  mutation SuspendMember($input: SuspendMemberInput!) {
    suspendMember(input: $input) {
      __typename
      ... on Membership { ...MembershipFields }
      ...HearthErrorFields
    }
  }
`,
  [membershipFields, errorFields],
);

export const banMemberMutation = /* @__PURE__ */ graphql(
  `
  mutation BanMember($input: BanMemberInput!) {
    banMember(input: $input) {
      __typename
      ... on Membership { ...MembershipFields }
      ...HearthErrorFields
    }
  }
`,
  [membershipFields, errorFields],
);

export const reinstateMemberMutation = /* @__PURE__ */ graphql(
  `
  mutation ReinstateMember($input: ReinstateMemberInput!) {
    reinstateMember(input: $input) {
      __typename
      ... on Membership { ...MembershipFields }
      ...HearthErrorFields
    }
  }
`,
  [membershipFields, errorFields],
);

export const changeMembershipRoleMutation = /* @__PURE__ */ graphql(
  `
  mutation ChangeMembershipRole($input: ChangeMembershipRoleInput!) {
    changeMembershipRole(input: $input) {
      __typename
      ... on Membership { ...MembershipFields }
      ...HearthErrorFields
    }
  }
`,
  [membershipFields, errorFields],
);

export const createInvitationMutation = /* @__PURE__ */ graphql(
  `
  mutation CreateInvitation($input: CreateInvitationInput!) {
    createInvitation(input: $input) {
      __typename
      ... on Invitation { ...InvitationFields }
      ...HearthErrorFields
    }
  }
`,
  [invitationFields, errorFields],
);

export const revokeInvitationMutation = /* @__PURE__ */ graphql(
  `
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      __typename
      ... on Invitation { ...InvitationFields }
      ...HearthErrorFields
    }
  }
`,
  [invitationFields, errorFields],
);

/** What an invitation code leads to (guests may ask); null for an unknown code. */
export const invitationPreviewQuery = /* @__PURE__ */ graphql(`
  query InvitationPreview($code: String!) {
    invitation(code: $code) {
      groupId
      groupName
      groupDescription
      facilitation
      joinPolicy
      valid
      expired
      expiresAt
      problem
    }
  }
`);

/** A group's memberships, optionally by status (its facilitators and the institution's admins). */
export const groupMembershipsQuery = /* @__PURE__ */ graphql(
  `
  query GroupMemberships($groupId: ID!, $status: MembershipStatus, $first: Int, $after: String) {
    group(id: $groupId) {
      id
      memberships(status: $status, first: $first, after: $after) {
        edges { node { ...MembershipFields member { ...MemberFields } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [membershipFields, memberFields],
);

/** PENDING requests with their answers, for the facilitators' decision. */
export const joinRequestsQuery = /* @__PURE__ */ graphql(
  `
  query JoinRequests($groupId: ID!, $first: Int, $after: String) {
    group(id: $groupId) {
      id
      entryQuestions
      joinRequests(first: $first, after: $after) {
        edges { node { ...MembershipFields member { ...MemberFields } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [membershipFields, memberFields],
);

export const waitlistQuery = /* @__PURE__ */ graphql(
  `
  query Waitlist($groupId: ID!, $first: Int, $after: String) {
    group(id: $groupId) {
      id
      waitlist(first: $first, after: $after) {
        edges { node { ...MembershipFields member { ...MemberFields } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [membershipFields, memberFields],
);

export const groupInvitationsQuery = /* @__PURE__ */ graphql(
  `
  query GroupInvitations($groupId: ID!, $first: Int, $after: String) {
    group(id: $groupId) {
      id
      invitations(first: $first, after: $after) {
        edges { node { ...InvitationFields } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [invitationFields],
);
