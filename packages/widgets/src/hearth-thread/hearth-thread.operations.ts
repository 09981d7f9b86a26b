import { graphql, postFields, replyFields } from '@hearth/client';

/**
 * A post with its group, its first top-level replies and each one's first answers, in one request (the API
 * batches the nested pages). Threads are one level deep, so this is the whole shape of a conversation.
 */
export const threadQuery = /* @__PURE__ */ graphql(
  `
  query HearthThread($postId: ID!, $first: Int, $after: String, $answers: Int) {
    node(id: $postId) {
      __typename
      ... on Post {
        ...PostFields
        group { id viewerCanPost institution { slug } }
        replies(first: $first, after: $after) {
          edges {
            node {
              ...ReplyFields
              replies(first: $answers) {
                edges { node { ...ReplyFields } }
                pageInfo { hasNextPage endCursor }
              }
            }
          }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`,
  [postFields, replyFields],
);

/** One reply by id: a reply just written that the reloaded pages do not reach yet. */
export const threadReplyQuery = /* @__PURE__ */ graphql(
  `
  query HearthThreadReply($id: ID!) {
    node(id: $id) {
      __typename
      ... on Reply { ...ReplyFields }
    }
  }
`,
  [replyFields],
);
