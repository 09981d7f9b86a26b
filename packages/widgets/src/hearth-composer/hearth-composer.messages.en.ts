import { plural } from '../localization/catalog.js';

const en = {
  postHeading: 'Start a conversation',
  replyHeading: 'Write a reply',
  titleLabel: 'Title',
  titleHint: 'A short line that tells others what your post is about.',
  bodyLabel: 'What would you like to share?',
  replyBodyLabel: 'Your reply',
  bodyName: 'Post text',
  bodyHint: 'You can use **bold**, *italic*, lists (start a line with "- ") and links.',
  contentWarningToggle: 'Add a content warning',
  contentWarningLabel: 'Content warning',
  contentWarningHint: 'A few words, e.g. "self-harm" or "loss of a child". Others see only this until they choose to open your post.',
  anonymousPost: 'Post anonymously',
  anonymousReply: 'Reply anonymously',
  namedReplyInOwnThread: 'If you reply under your name, everyone here will know you wrote the post.',
  anonymousHidden: 'Other members and the facilitators see "Anonymous" and a number (for example "Anonymous 2") instead of your name, the same number throughout this conversation.',
  heldFirstPosts: (count: number) =>
    plural('en', count, {
      one: 'In this group, a new member\'s first post is read by a facilitator before others see it.',
      other: 'In this group, a new member\'s first {n} posts are read by a facilitator before others see them.',
    }),
  submitPost: 'Post',
  submitReply: 'Reply',
  sendingPost: 'Posting…',
  sendingReply: 'Sending…',
  postPublished: 'Your post has been shared with the group.',
  replyPublished: 'Your reply has been shared.',
  postPending: 'Your post will appear once a facilitator has reviewed it.',
  replyPending: 'Your reply will appear once a facilitator has reviewed it.',
  required: {
    title: 'Please give your post a title.',
    body: 'Please write something first.',
    contentWarning: 'Write a few words for the warning, or untick "Add a content warning".',
  } as Record<string, string>,
  notSent: 'This could not be sent.',
  keptDraft: 'What you wrote is still here.',
  notMember: 'Only members of this group can post here. Join the group first to take part.',
  pendingMember: 'Your request to join is waiting for a facilitator. You can post once it is approved.',
  suspended: (until: string) => `You cannot post in this group until ${until}.`,
  suspendedOpen: 'You cannot post in this group at the moment.',
  archived: 'This group is archived: it takes no new posts.',
  locked: 'This conversation is closed to new replies.',
};

export type ComposerMessages = typeof en;
export default en;
