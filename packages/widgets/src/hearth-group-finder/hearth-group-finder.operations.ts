import { crisisResourceFields, graphql, groupSummaryFields, type ResultOf } from '@hearth/client';

/**
 * A card's group: the SDK's summary and where the viewer stands in it (member, pending, waitlisted …), so a
 * signed-in member sees their own status on the card. A guest's viewerMembership is null.
 */
const finderGroupFields = /* @__PURE__ */ graphql(
  `
  fragment FinderGroupFields on Group @_unmask {
    ...GroupSummaryFields
    viewerMembership { id status waitlistPosition }
  }
`,
  [groupSummaryFields],
);

/** The finder's search: a page of groups and, when the text sounds like a crisis, the help to show first. */
export const finderGroupsQuery = /* @__PURE__ */ graphql(
  `
  query FinderGroups($filter: GroupFilter, $first: Int, $after: String) {
    groups(filter: $filter, first: $first, after: $after) {
      edges { cursor node { ...FinderGroupFields } }
      pageInfo { hasNextPage endCursor }
      crisisResources { ...CrisisResourceFields }
    }
  }
`,
  [finderGroupFields, crisisResourceFields],
);

export type FinderGroupsPage = NonNullable<ResultOf<typeof finderGroupsQuery>['groups']>;
export type FinderGroup = FinderGroupsPage['edges'][number]['node'];
