import { graphql } from '../graphql.js';
import { groupSummaryFields, institutionFields, invitationFields, memberFields, membershipFields, postFields, replyFields } from './fragments.js';

/** Any object by its global id (a link to a post, a group, a membership …); null when absent or hidden. */
export const nodeQuery = /* @__PURE__ */ graphql(
  `
  query Node($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Group { ...GroupSummaryFields }
      ... on Institution { ...InstitutionFields }
      ... on Member { ...MemberFields }
      ... on Membership { ...MembershipFields }
      ... on Invitation { ...InvitationFields }
      ... on Post { ...PostFields }
      ... on Reply { ...ReplyFields }
    }
  }
`,
  [groupSummaryFields, institutionFields, memberFields, membershipFields, invitationFields, postFields, replyFields],
);
