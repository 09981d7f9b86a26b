import { graphql } from '../graphql.js';
import { errorFields, memberFields, membershipFields, moderationActionFields, moderationItemFields, reportFields } from './fragments.js';

/** Reports from members, and the facilitators' queue, actions and audit log. */

/** Reports a post or reply to its group's facilitators; CRISIS and SELF_HARM go first in their queue. */
export const reportMutation = /* @__PURE__ */ graphql(
  `
  mutation Report($input: ReportInput!) {
    report(input: $input) {
      __typename
      ... on Report { ...ReportFields }
      ...HearthErrorFields
    }
  }
`,
  [reportFields, errorFields],
);

/** Open cases, crisis first, then oldest: one group's, or every group the viewer moderates. */
export const moderationQueueQuery = /* @__PURE__ */ graphql(
  `
  query ModerationQueue($groupId: ID, $first: Int, $after: String) {
    moderationQueue(groupId: $groupId, first: $first, after: $after) {
      edges { node { ...ModerationItemFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [moderationItemFields],
);

/** Acts on a case or an item (APPROVE, HIDE, REMOVE, WARN, SUSPEND, BAN …), with a reason for the audit log. */
export const moderateMutation = /* @__PURE__ */ graphql(
  `
  mutation Moderate($input: ModerateInput!) {
    moderate(input: $input) {
      __typename
      ... on ModerationAction { ...ModerationActionFields moderationItem { id status } }
      ...HearthErrorFields
    }
  }
`,
  [moderationActionFields, errorFields],
);

/** The audit log, newest first: one group's, or the institution's. */
export const auditLogQuery = /* @__PURE__ */ graphql(
  `
  query AuditLog($groupId: ID, $first: Int, $after: String) {
    auditLog(groupId: $groupId, first: $first, after: $after) {
      edges { node { ...ModerationActionFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [moderationActionFields],
);

/**
 * Reveals the author of an anonymous item under an open crisis case, to those the group's anonymity rule names
 * (`Group.anonymousAuthorsRevealableBy`; `ModerationItem.viewerCanReveal` says whether this viewer may, for this
 * item). The reason is required. `externalId` (the host's own user id) and `displayName` are for the
 * institution's records: show them once to the person who asked, never in the group.
 */
export const revealAnonymousAuthorMutation = /* @__PURE__ */ graphql(
  `
  mutation RevealAnonymousAuthor($input: RevealAnonymousAuthorInput!) {
    revealAnonymousAuthor(input: $input) {
      __typename
      ... on RevealedAuthor {
        externalId
        displayName
        alias
        aliasNumber
        member { ...MemberFields }
        membership { ...MembershipFields }
        auditEntry { ...ModerationActionFields }
      }
      ...HearthErrorFields
    }
  }
`,
  [memberFields, membershipFields, moderationActionFields, errorFields],
);
