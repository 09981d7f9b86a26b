import { graphql } from '@hearth/client';

/**
 * The group behind a `group` attribute (a slug or an id): its global id, which the feed queries need, and what
 * tells a reader who may not read its posts apart from a group that simply has none yet.
 */
export const feedGroupQuery = /* @__PURE__ */ graphql(`
  query FeedGroup($id: ID, $slug: String) {
    group(id: $id, slug: $slug) {
      id
      visibility
      publicReading
      viewerMembership { status }
    }
  }
`);
