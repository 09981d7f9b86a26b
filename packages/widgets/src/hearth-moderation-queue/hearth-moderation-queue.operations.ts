import { graphql } from '@hearth/client';

/** The group named by the `group` attribute, with what decides whether the viewer may moderate it. */
export const moderatedGroupQuery = /* @__PURE__ */ graphql(`
  query ModeratedGroup($id: ID, $slug: String) {
    me { id isInstitutionAdmin }
    group(id: $id, slug: $slug) { id name viewerMembership { role status } }
  }
`);
