import { errorFields, graphql, moderationItemFields } from '@hearth/client';

/** The group named by the `group` attribute, with what decides whether the viewer may moderate it. */
export const moderatedGroupQuery = /* @__PURE__ */ graphql(`
  query ModeratedGroup($id: ID, $slug: String) {
    me { id isInstitutionAdmin }
    group(id: $id, slug: $slug) { id name viewerCanModerate }
  }
`);

/** The groups the viewer may moderate, from the API's own rule (Group.viewerCanModerate), not a copy of it. */
export const moderatedGroupsQuery = /* @__PURE__ */ graphql(`
  query ModeratedGroups {
    me {
      id
      isInstitutionAdmin
      memberships(first: 100) { edges { node { group { id name viewerCanModerate } } } }
    }
  }
`);

/**
 * What a crisis card needs beyond the queue's common fields (which carry viewerCanReveal): its risk, who
 * acknowledged it and when, and how long it waited. The outreach conversations are not here: each card loads its
 * own (caseOutreachQuery), because a page of items with every thread's messages is over the API's cost limit.
 */
const crisisItemFields = /* @__PURE__ */ graphql(`
  fragment CrisisItemFields on ModerationItem @_unmask {
    riskLevel
    warningSigns
    acknowledgedAt
    acknowledgedBy { id displayName }
    waitingSince
  }
`);

/** The desk's queue: the SDK's item fields and the crisis ones, crisis first by risk (the API's order). */
export const deskQueueQuery = /* @__PURE__ */ graphql(
  `
  query DeskQueue($groupId: ID, $first: Int, $after: String) {
    moderationQueue(groupId: $groupId, first: $first, after: $after) {
      edges { node { ...ModerationItemFields ...CrisisItemFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [moderationItemFields, crisisItemFields],
);

/**
 * "I am on it": the SDK's acknowledgeModerationItem selects the common item fields, which leave out who
 * acknowledged it; the card shows who and when, so it asks for them.
 */
export const acknowledgeCrisisItemMutation = /* @__PURE__ */ graphql(
  `
  mutation AcknowledgeCrisisItem($input: AcknowledgeModerationItemInput!) {
    acknowledgeModerationItem(input: $input) {
      __typename
      ... on ModerationItem { id acknowledgedAt acknowledgedBy { id displayName } }
      ...HearthErrorFields
    }
  }
`,
  [errorFields],
);

/** Reveals an anonymous writer under an open crisis case (the SDK's document: alias, member, audit entry). */
export { revealAnonymousAuthorMutation } from '@hearth/client';
