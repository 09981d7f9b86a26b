import { graphql } from '../graphql.js';
import { crisisResourceFields, errorFields, groupDetailFields, groupSummaryFields } from './fragments.js';

/** Finding groups, one group's page, and creating or changing groups (admins and service tokens). */

/**
 * Searches one institution's groups (the token's, or a guest's `institution`): text in Arabic or English, and
 * facets. Page with `first`/`after`, or with `paginate`. `crisisResources` is non-empty when the search text is
 * crisis language (the same detector as posts): show them above the results.
 */
export const groupsQuery = /* @__PURE__ */ graphql(
  `
  query Groups($filter: GroupFilter, $first: Int, $after: String) {
    groups(filter: $filter, first: $first, after: $after) {
      edges { cursor node { ...GroupSummaryFields } }
      pageInfo { hasNextPage endCursor }
      crisisResources { ...CrisisResourceFields }
    }
  }
`,
  [groupSummaryFields, crisisResourceFields],
);

/** A group by global id, or by slug within the viewer's institution; null when it doesn't exist or is hidden. */
export const groupQuery = /* @__PURE__ */ graphql(
  `
  query Group($id: ID, $slug: String) {
    group(id: $id, slug: $slug) { ...GroupDetailFields }
  }
`,
  [groupDetailFields],
);

export const createGroupMutation = /* @__PURE__ */ graphql(
  `
  mutation CreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      __typename
      ... on Group { ...GroupDetailFields }
      ...HearthErrorFields
    }
  }
`,
  [groupDetailFields, errorFields],
);

export const updateGroupMutation = /* @__PURE__ */ graphql(
  `
  mutation UpdateGroup($input: UpdateGroupInput!) {
    updateGroup(input: $input) {
      __typename
      ... on Group { ...GroupDetailFields }
      ...HearthErrorFields
    }
  }
`,
  [groupDetailFields, errorFields],
);

/** Archives a group (`archived: true`, the default) or restores it. */
export const archiveGroupMutation = /* @__PURE__ */ graphql(
  `
  mutation ArchiveGroup($input: ArchiveGroupInput!) {
    archiveGroup(input: $input) {
      __typename
      ... on Group { ...GroupSummaryFields }
      ...HearthErrorFields
    }
  }
`,
  [groupSummaryFields, errorFields],
);
