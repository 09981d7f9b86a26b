import { graphql } from '@hearth/client';

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
