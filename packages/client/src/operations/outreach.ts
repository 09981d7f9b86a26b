import { graphql } from '../graphql.js';
import { errorFields, moderationItemFields } from './fragments.js';

/**
 * Outreach: a facilitator reaches the writer of a crisis item without learning who they are, the writer answers,
 * and a member asks the facilitators for help ("talk to a facilitator now"). The writer appears only as
 * `writerName` (the thread alias for an anonymous item).
 */

export const outreachMessageFields = /* @__PURE__ */ graphql(`
  fragment OutreachMessageFields on OutreachMessage @_unmask {
    id
    body
    bodyHtml
    from
    senderName
    viewerIsSender
    crisis
    createdAt
  }
`);

export const outreachThreadFields = /* @__PURE__ */ graphql(
  `
  fragment OutreachThreadFields on OutreachThread @_unmask {
    id
    group { id name }
    startedBy
    subjectExcerpt
    viewerIsWriter
    writerName
    createdAt
    lastMessageAt
    messages(first: 20) { edges { node { ...OutreachMessageFields } } pageInfo { hasNextPage endCursor } }
  }
`,
  [outreachMessageFields],
);

/** The viewer's outreach threads, as writer or as facilitator, most recent first. */
export const outreachThreadsQuery = /* @__PURE__ */ graphql(
  `
  query OutreachThreads($first: Int, $after: String) {
    outreachThreads(first: $first, after: $after) {
      edges { node { ...OutreachThreadFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [outreachThreadFields],
);

/** A facilitator's first message to the writer of a crisis-flagged post or reply (one thread per item). */
export const startOutreachMutation = /* @__PURE__ */ graphql(
  `
  mutation StartOutreach($input: StartOutreachInput!) {
    startOutreach(input: $input) {
      __typename
      ... on OutreachThread { ...OutreachThreadFields }
      ...HearthErrorFields
    }
  }
`,
  [outreachThreadFields, errorFields],
);

/** An answer in an outreach thread, from either side. */
export const replyToOutreachMutation = /* @__PURE__ */ graphql(
  `
  mutation ReplyToOutreach($input: ReplyToOutreachInput!) {
    replyToOutreach(input: $input) {
      __typename
      ... on OutreachMessage { ...OutreachMessageFields }
      ...HearthErrorFields
    }
  }
`,
  [outreachMessageFields, errorFields],
);

/** "Talk to a facilitator now": an active member writes to the group's facilitators. */
export const contactFacilitatorsMutation = /* @__PURE__ */ graphql(
  `
  mutation ContactFacilitators($input: ContactFacilitatorsInput!) {
    contactFacilitators(input: $input) {
      __typename
      ... on OutreachThread { ...OutreachThreadFields }
      ...HearthErrorFields
    }
  }
`,
  [outreachThreadFields, errorFields],
);

/** A facilitator marks a queue item as seen and being handled (who and when go to the audit log). */
export const acknowledgeModerationItemMutation = /* @__PURE__ */ graphql(
  `
  mutation AcknowledgeModerationItem($input: AcknowledgeModerationItemInput!) {
    acknowledgeModerationItem(input: $input) {
      __typename
      ... on ModerationItem { ...ModerationItemFields }
      ...HearthErrorFields
    }
  }
`,
  [moderationItemFields, errorFields],
);
