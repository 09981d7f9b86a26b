import { graphql, type ResultOf } from '@hearth/client';

/**
 * What the composer needs before it shows a form: whether anyone is signed in, whether they may post here, and
 * what the group allows (anonymity, held first posts). Nothing of the group's feed or people.
 */
const composerGroupFields = /* @__PURE__ */ graphql(`
  fragment ComposerGroupFields on Group @_unmask {
    id
    archived
    allowsAnonymousPosts
    anonymousAuthorsRevealableBy
    postsReadableBy
    heldFirstPosts
    viewerCanPost
    viewerMembership { status role suspendedUntil }
  }
`);

export const composerGroupQuery = /* @__PURE__ */ graphql(
  `
  query ComposerGroup($id: ID, $slug: String) {
    me { id }
    group(id: $id, slug: $slug) { ...ComposerGroupFields }
  }
`,
  [composerGroupFields],
);

export const composerPostQuery = /* @__PURE__ */ graphql(
  `
  query ComposerPost($postId: ID!) {
    me { id }
    node(id: $postId) {
      __typename
      ... on Post { id locked status anonymous viewerIsAuthor group { ...ComposerGroupFields } }
    }
  }
`,
  [composerGroupFields],
);

export type ComposerGroup = NonNullable<ResultOf<typeof composerGroupQuery>['group']>;
