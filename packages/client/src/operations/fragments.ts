import { graphql } from '../graphql.js';

/**
 * The selections the operations share. Each is `@_unmask`ed, so its fields appear directly in the operation's
 * result type (no `readFragment` needed to read them). Every document in src/operations is marked
 * `@__PURE__`, so a bundle keeps only the documents its application imports.
 */

/** Every typed error's fields, spread into each mutation's result union. */
export const errorFields = /* @__PURE__ */ graphql(`
  fragment HearthErrorFields on Error @_unmask {
    __typename
    message
    ... on ValidationError { fields { path message } }
    ... on GroupFullError { waitlistOpen }
    ... on RateLimitedError { retryAfterSeconds }
  }
`);

export const institutionFields = /* @__PURE__ */ graphql(`
  fragment InstitutionFields on Institution @_unmask {
    id
    slug
    name
    defaultLocale
  }
`);

export const memberFields = /* @__PURE__ */ graphql(`
  fragment MemberFields on Member @_unmask {
    id
    displayName
    bio
    credential
    locale
    isInstitutionAdmin
  }
`);

export const membershipFields = /* @__PURE__ */ graphql(`
  fragment MembershipFields on Membership @_unmask {
    id
    status
    role
    inForce
    pseudonym
    appearance { kind pseudonym }
    answers
    requestedAt
    joinedAt
    suspendedUntil
    statusReason
    waitlistPosition
    feeReceipt
  }
`);

/** What a group card in search results shows. */
export const groupSummaryFields = /* @__PURE__ */ graphql(`
  fragment GroupSummaryFields on Group @_unmask {
    id
    slug
    name
    description
    topics
    languages
    facilitation
    visibility
    joinPolicy
    formats
    location
    timeZone
    capacity
    memberCount
    acceptingMembers
    archived
    publicReading
    facilitators { name role credential }
  }
`);

/** A group's page: its card, what joining asks, and where the viewer stands. */
export const groupDetailFields = /* @__PURE__ */ graphql(
  `
  fragment GroupDetailFields on Group @_unmask {
    ...GroupSummaryFields
    guidelines
    entryQuestions
    feeDescription
    anonymityPolicy
    allowsAnonymousPosts
    heldFirstPosts
    createdAt
    viewerCanPost
    viewerCanModerate
    anonymousAuthorsRevealableBy
    viewerCanReveal
    postsReadableBy
    viewerMembership { ...MembershipFields }
  }
`,
  [groupSummaryFields, membershipFields],
);

export const invitationFields = /* @__PURE__ */ graphql(`
  fragment InvitationFields on Invitation @_unmask {
    id
    code
    createdAt
    expiresAt
    maxUses
    useCount
    revokedAt
    valid
  }
`);

export const crisisResourceFields = /* @__PURE__ */ graphql(`
  fragment CrisisResourceFields on CrisisResource @_unmask {
    name
    description
    phone
    url
    locale
  }
`);

/** What posts and replies share (the server's `Contribution` interface): read once, spread into both. */
export const contributionFields = /* @__PURE__ */ graphql(`
  fragment ContributionFields on Contribution @_unmask {
    body
    bodyHtml
    contentWarning
    contentWarningKind
    viewerCrisisVisibility
    anonymous
    authorName
    createdAt
    editedAt
    status
    reactionCounts { kind count }
    viewerReactions
    viewerIsAuthor
  }
`);

export const postFields = /* @__PURE__ */ graphql(
  `
  fragment PostFields on Post @_unmask {
    id
    title
    lastActivityAt
    pinned
    locked
    replyCount
    ...ContributionFields
  }
`,
  [contributionFields],
);

export const replyFields = /* @__PURE__ */ graphql(
  `
  fragment ReplyFields on Reply @_unmask {
    id
    parentReply { id }
    ...ContributionFields
  }
`,
  [contributionFields],
);

export const reportFields = /* @__PURE__ */ graphql(`
  fragment ReportFields on Report @_unmask {
    id
    reason
    note
    status
    subjectType
    createdAt
    resolvedAt
  }
`);

export const moderationActionFields = /* @__PURE__ */ graphql(`
  fragment ModerationActionFields on ModerationAction @_unmask {
    id
    action
    reason
    createdAt
    suspendedUntil
    byServiceToken
    subjectType
    actor { id displayName }
    targetMember { id displayName }
    group { id name }
  }
`);

export const moderationItemFields = /* @__PURE__ */ graphql(
  `
  fragment ModerationItemFields on ModerationItem @_unmask {
    id
    status
    crisis
    heldForReview
    flags
    reasons
    reportCount
    subjectType
    viewerCanReveal
    createdAt
    updatedAt
    resolvedAt
    group { id slug name }
    subject {
      __typename
      id
      ... on Post { ...PostFields }
      ... on Reply { ...ReplyFields post { id title } }
    }
    reports { ...ReportFields }
  }
`,
  [postFields, replyFields, reportFields],
);

export const ssoKeyFields = /* @__PURE__ */ graphql(`
  fragment SsoKeyFields on SsoKey @_unmask {
    kid
    algorithm
    active
    createdAt
    retiredAt
  }
`);

export const serviceTokenFields = /* @__PURE__ */ graphql(`
  fragment ServiceTokenFields on ServiceToken @_unmask {
    id
    name
    createdAt
    lastUsedAt
    revokedAt
  }
`);

export const wordListEntryFields = /* @__PURE__ */ graphql(`
  fragment WordListEntryFields on WordListEntry @_unmask {
    id
    phrase
    normalizedPhrase
    action
    createdAt
  }
`);
