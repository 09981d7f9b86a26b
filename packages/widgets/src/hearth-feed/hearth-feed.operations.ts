import { graphql, postFields, type groupFeedQuery, type ResultOf } from '@hearth/client';

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

/**
 * The post a link names (the host page's address, `thread-link`), for when it is not among the feed's loaded
 * posts: an older conversation a facilitator was sent a link to. Its group tells whether it belongs here.
 */
export const linkedPostQuery = /* @__PURE__ */ graphql(
  `
  query LinkedPost($id: ID!) {
    node(id: $id) {
      __typename
      ... on Post { ...PostFields group { id } }
    }
  }
`,
  [postFields],
);

export type FeedPost = NonNullable<ResultOf<typeof groupFeedQuery>['group']>['posts']['edges'][number]['node'];
