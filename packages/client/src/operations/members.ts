import { graphql } from '../graphql.js';
import { errorFields, institutionFields, memberFields, membershipFields } from './fragments.js';

/** The signed-in member: who they are, their groups, their profile. */

/** The signed-in member with their first memberships; null for guests and service tokens. */
export const meQuery = /* @__PURE__ */ graphql(
  `
  query Me($membershipsFirst: Int = 20) {
    me {
      ...MemberFields
      institution { ...InstitutionFields }
      memberships(first: $membershipsFirst) {
        edges { node { ...MembershipFields group { id slug name } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [memberFields, institutionFields, membershipFields],
);

/** The signed-in member's memberships, page by page (for `paginate`). */
export const myMembershipsQuery = /* @__PURE__ */ graphql(
  `
  query MyMemberships($first: Int, $after: String) {
    me {
      id
      memberships(first: $first, after: $after) {
        edges { node { ...MembershipFields group { id slug name } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [membershipFields],
);

export const updateProfileMutation = /* @__PURE__ */ graphql(
  `
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      __typename
      ... on Member { ...MemberFields }
      ...HearthErrorFields
    }
  }
`,
  [memberFields, errorFields],
);
