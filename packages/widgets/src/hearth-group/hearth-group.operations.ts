import { graphql, groupDetailFields } from '@hearth/client';

/**
 * The group page's one query: the group as `groupQuery` selects it, plus its institution's name for the header
 * and who the API sees (`me`): a token the API does not accept as a member's gets the guest's sign-in prompt,
 * and an institution admin reads the posts of any group.
 */
export const groupPageQuery = /* @__PURE__ */ graphql(
  `
  query GroupPage($id: ID, $slug: String) {
    group(id: $id, slug: $slug) { ...GroupDetailFields institution { name } }
    me { id isInstitutionAdmin }
  }
`,
  [groupDetailFields],
);
