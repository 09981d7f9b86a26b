import { plural } from '../localization/catalog.js';

const en = {
  heading: 'Conversations',
  viewLabel: 'Show posts',
  newest: 'Newest',
  latestActivity: 'Recent activity',
  unanswered: 'Waiting for a reply',
  unansweredHint: 'Nobody has replied to these posts yet. A few kind words can mean a lot to someone.',
  emptyTitle: 'No posts yet — be the first to share',
  emptyBody: 'Share what you are going through, or ask a question. People here have been there too.',
  allAnsweredTitle: 'Everyone has had a reply',
  allAnsweredBody: 'Every post here has had at least one reply. Thank you for looking out for each other.',
  membersOnlyTitle: 'Posts are for members',
  membersOnlyBody: "To keep this a safe space, only the group's members read its conversations. Join the group to read and share.",
  membersOnlyGuest: 'Sign in on this site first, then ask to join.',
  openConversation: 'Open conversation',
  closeConversation: 'Close conversation',
  linkUnavailable: 'The conversation this link leads to is not available here. It may have been removed, or it may be for members only.',
  postCount: (count: number, more: boolean) =>
    more ? `Showing ${count} posts, more available` : plural('en', count, { one: 'Showing {n} post', other: 'Showing {n} posts' }),
  morePosts: (count: number) => plural('en', count, { one: '{n} more post', other: '{n} more posts' }),
  published: 'Your post was published',
  pending: 'Your post is waiting for review',
};

export type FeedMessages = typeof en;
export default en;
