import { graphql } from '../graphql.js';
import { crisisResourceFields, errorFields, institutionFields, memberFields, serviceTokenFields, ssoKeyFields, wordListEntryFields } from './fragments.js';

/** An institution's public face, and the admin API its managers and backend use. */

/** Public: name, slug and default locale. */
export const institutionQuery = /* @__PURE__ */ graphql(
  `
  query Institution($slug: String!) {
    institution(slug: $slug) { ...InstitutionFields }
  }
`,
  [institutionFields],
);

/** The crisis resources to show for a locale (members and guests). */
export const crisisResourcesQuery = /* @__PURE__ */ graphql(
  `
  query CrisisResources($slug: String!, $locale: String) {
    institution(slug: $slug) {
      id
      crisisResources(locale: $locale) { ...CrisisResourceFields }
    }
  }
`,
  [crisisResourceFields],
);

/** Settings and credentials, for the institution's managers (admins and service tokens); null fields for others. */
export const institutionSettingsQuery = /* @__PURE__ */ graphql(
  `
  query InstitutionSettings($slug: String!) {
    institution(slug: $slug) {
      ...InstitutionFields
      allowedOrigins
      crisisClassifierUrl
      crisisPostHandling
      ssoKeys { ...SsoKeyFields }
      serviceTokens { ...ServiceTokenFields }
    }
  }
`,
  [institutionFields, ssoKeyFields, serviceTokenFields],
);

export const updateInstitutionMutation = /* @__PURE__ */ graphql(
  `
  mutation UpdateInstitution($input: UpdateInstitutionInput!) {
    updateInstitution(input: $input) {
      __typename
      ... on Institution { ...InstitutionFields allowedOrigins crisisClassifierUrl crisisPostHandling }
      ...HearthErrorFields
    }
  }
`,
  [institutionFields, errorFields],
);

/** Replaces the crisis resources of one locale. */
export const setCrisisResourcesMutation = /* @__PURE__ */ graphql(
  `
  mutation SetCrisisResources($input: SetCrisisResourcesInput!) {
    setCrisisResources(input: $input) {
      __typename
      ... on SetCrisisResourcesPayload { locale resources { ...CrisisResourceFields } }
      ...HearthErrorFields
    }
  }
`,
  [crisisResourceFields, errorFields],
);

/** Adds an SSO key; its `secret` is returned this once. */
export const rotateSsoKeyMutation = /* @__PURE__ */ graphql(
  `
  mutation RotateSsoKey {
    rotateSsoKey {
      __typename
      ... on RotateSsoKeyPayload { secret key { ...SsoKeyFields } }
      ...HearthErrorFields
    }
  }
`,
  [ssoKeyFields, errorFields],
);

export const retireSsoKeyMutation = /* @__PURE__ */ graphql(
  `
  mutation RetireSsoKey($input: RetireSsoKeyInput!) {
    retireSsoKey(input: $input) {
      __typename
      ... on SsoKey { ...SsoKeyFields }
      ...HearthErrorFields
    }
  }
`,
  [ssoKeyFields, errorFields],
);

/** Creates a service token; the `token` itself is returned this once. */
export const createServiceTokenMutation = /* @__PURE__ */ graphql(
  `
  mutation CreateServiceToken($input: CreateServiceTokenInput!) {
    createServiceToken(input: $input) {
      __typename
      ... on CreateServiceTokenPayload { token serviceToken { ...ServiceTokenFields } }
      ...HearthErrorFields
    }
  }
`,
  [serviceTokenFields, errorFields],
);

export const revokeServiceTokenMutation = /* @__PURE__ */ graphql(
  `
  mutation RevokeServiceToken($input: RevokeServiceTokenInput!) {
    revokeServiceToken(input: $input) {
      __typename
      ... on ServiceToken { ...ServiceTokenFields }
      ...HearthErrorFields
    }
  }
`,
  [serviceTokenFields, errorFields],
);

export const setInstitutionAdminMutation = /* @__PURE__ */ graphql(
  `
  mutation SetInstitutionAdmin($input: SetInstitutionAdminInput!) {
    setInstitutionAdmin(input: $input) {
      __typename
      ... on Member { ...MemberFields }
      ...HearthErrorFields
    }
  }
`,
  [memberFields, errorFields],
);

/** The institution's moderation word list: phrases that block a post or hold it for review (its managers only). */
export const wordListQuery = /* @__PURE__ */ graphql(
  `
  query WordList($slug: String!, $first: Int, $after: String) {
    institution(slug: $slug) {
      id
      wordListEntries(first: $first, after: $after) {
        edges { node { ...WordListEntryFields } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [wordListEntryFields],
);

export const addWordListEntryMutation = /* @__PURE__ */ graphql(
  `
  mutation AddWordListEntry($input: AddWordListEntryInput!) {
    addWordListEntry(input: $input) {
      __typename
      ... on WordListEntry { ...WordListEntryFields }
      ...HearthErrorFields
    }
  }
`,
  [wordListEntryFields, errorFields],
);

export const removeWordListEntryMutation = /* @__PURE__ */ graphql(
  `
  mutation RemoveWordListEntry($input: RemoveWordListEntryInput!) {
    removeWordListEntry(input: $input) {
      __typename
      ... on WordListEntry { ...WordListEntryFields }
      ...HearthErrorFields
    }
  }
`,
  [wordListEntryFields, errorFields],
);
