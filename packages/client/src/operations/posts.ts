import { graphql } from '../graphql.js';
import { crisisResourceFields, errorFields, postFields, replyFields } from './fragments.js';

/** Conversations: feeds, threads, writing, editing, deleting and reacting. */

/** A group's feed, pinned posts first, by `NEWEST` (default) or `LATEST_ACTIVITY`. */
export const groupFeedQuery = /* @__PURE__ */ graphql(
  `
  query GroupFeed($groupId: ID!, $order: PostOrder, $first: Int, $after: String) {
    group(id: $groupId) {
      id
      viewerCanPost
      posts(order: $order, first: $first, after: $after) {
        edges { node { ...PostFields } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [postFields],
);

/** Posts still waiting for a first reply (reciprocity nudges). */
export const unansweredPostsQuery = /* @__PURE__ */ graphql(
  `
  query UnansweredPosts($groupId: ID!, $first: Int, $after: String) {
    group(id: $groupId) {
      id
      unansweredPosts(first: $first, after: $after) {
        edges { node { ...PostFields } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [postFields],
);

/** A post with its first replies (answers to a reply come with `replyRepliesQuery`). */
export const postThreadQuery = /* @__PURE__ */ graphql(
  `
  query PostThread($postId: ID!, $first: Int, $after: String) {
    node(id: $postId) {
      __typename
      ... on Post {
        ...PostFields
        group { id slug name allowsAnonymousPosts viewerCanPost }
        replies(first: $first, after: $after) {
          edges { node { ...ReplyFields } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`,
  [postFields, replyFields],
);

/** The answers to one reply. */
export const replyRepliesQuery = /* @__PURE__ */ graphql(
  `
  query ReplyReplies($replyId: ID!, $first: Int, $after: String) {
    node(id: $replyId) {
      __typename
      ... on Reply {
        id
        replies(first: $first, after: $after) {
          edges { node { ...ReplyFields } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`,
  [replyFields],
);

/** The signed-in member's own posts, anonymous and pending ones included. */
export const myPostsQuery = /* @__PURE__ */ graphql(
  `
  query MyPosts($first: Int, $after: String) {
    me {
      id
      posts(first: $first, after: $after) {
        edges { node { ...PostFields group { id slug name } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [postFields],
);

/** Replies by others to the signed-in member's posts, newest first. */
export const repliesToMyPostsQuery = /* @__PURE__ */ graphql(
  `
  query RepliesToMyPosts($first: Int, $after: String) {
    repliesToMyPosts(first: $first, after: $after) {
      edges { node { ...ReplyFields post { id title } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [replyFields],
);

/**
 * Starts a thread. `crisisResources` is non-empty when the content pipeline saw signs of crisis in it: show them.
 * The post may come back PENDING_REVIEW (held for the facilitators).
 */
export const createPostMutation = /* @__PURE__ */ graphql(
  `
  mutation CreatePost($input: CreatePostInput!) {
    createPost(input: $input) {
      __typename
      ... on CreatePostPayload { post { ...PostFields } crisisResources { ...CrisisResourceFields } }
      ...HearthErrorFields
    }
  }
`,
  [postFields, crisisResourceFields, errorFields],
);

export const createReplyMutation = /* @__PURE__ */ graphql(
  `
  mutation CreateReply($input: CreateReplyInput!) {
    createReply(input: $input) {
      __typename
      ... on CreateReplyPayload { reply { ...ReplyFields } crisisResources { ...CrisisResourceFields } }
      ...HearthErrorFields
    }
  }
`,
  [replyFields, crisisResourceFields, errorFields],
);

export const editPostMutation = /* @__PURE__ */ graphql(
  `
  mutation EditPost($input: EditPostInput!) {
    editPost(input: $input) {
      __typename
      ... on EditPostPayload { post { ...PostFields } crisisResources { ...CrisisResourceFields } }
      ...HearthErrorFields
    }
  }
`,
  [postFields, crisisResourceFields, errorFields],
);

export const editReplyMutation = /* @__PURE__ */ graphql(
  `
  mutation EditReply($input: EditReplyInput!) {
    editReply(input: $input) {
      __typename
      ... on EditReplyPayload { reply { ...ReplyFields } crisisResources { ...CrisisResourceFields } }
      ...HearthErrorFields
    }
  }
`,
  [replyFields, crisisResourceFields, errorFields],
);

export const deletePostMutation = /* @__PURE__ */ graphql(
  `
  mutation DeletePost($input: DeletePostInput!) {
    deletePost(input: $input) {
      __typename
      ... on Post { ...PostFields }
      ...HearthErrorFields
    }
  }
`,
  [postFields, errorFields],
);

export const deleteReplyMutation = /* @__PURE__ */ graphql(
  `
  mutation DeleteReply($input: DeleteReplyInput!) {
    deleteReply(input: $input) {
      __typename
      ... on Reply { ...ReplyFields }
      ...HearthErrorFields
    }
  }
`,
  [replyFields, errorFields],
);

/** Gives (`on: true`) or takes back a reaction; returns the post or reply with its new counts. */
export const reactMutation = /* @__PURE__ */ graphql(
  `
  mutation React($input: ReactInput!) {
    react(input: $input) {
      __typename
      ... on Post { id reactionCounts { kind count } viewerReactions }
      ... on Reply { id reactionCounts { kind count } viewerReactions }
      ...HearthErrorFields
    }
  }
`,
  [errorFields],
);

/**
 * The writer of a post or reply in crisis chooses who sees it: behind the automatic warning (WITH_WARNING, the
 * default), without it (VISIBLE), or the group's facilitators only (FACILITATORS_ONLY).
 */
export const setCrisisItemVisibilityMutation = /* @__PURE__ */ graphql(
  `
  mutation SetCrisisItemVisibility($input: SetCrisisItemVisibilityInput!) {
    setCrisisItemVisibility(input: $input) {
      __typename
      ... on Post { ...PostFields }
      ... on Reply { ...ReplyFields }
      ...HearthErrorFields
    }
  }
`,
  [postFields, replyFields, errorFields],
);
