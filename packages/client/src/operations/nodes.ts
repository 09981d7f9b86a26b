import { graphql } from '../graphql.js';
import { groupSummaryFields, institutionFields, invitationFields, memberFields, postFields, replyFields } from './fragments.js';

/**
 * Any object by its global id (a link to a post, a group, a membership …); null when absent or hidden. A
 * membership's status comes as `membershipStatus`: GraphQL refuses one response field `status` that is a
 * MembershipStatus on one branch and a PostStatus on another, so MembershipFields can't be spread here.
 */
export const nodeQuery = /* @__PURE__ */ graphql(
  `
  query Node($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Group { ...GroupSummaryFields }
      ... on Institution { ...InstitutionFields }
      ... on Member { ...MemberFields }
      ... on Membership {
        membershipStatus: status
        role inForce pseudonym appearance { kind pseudonym } answers requestedAt joinedAt suspendedUntil statusReason waitlistPosition feeReceipt
      }
      ... on Invitation { ...InvitationFields }
      ... on Post { ...PostFields }
      ... on Reply { ...ReplyFields }
    }
  }
`,
  [groupSummaryFields, institutionFields, memberFields, invitationFields, postFields, replyFields],
);
