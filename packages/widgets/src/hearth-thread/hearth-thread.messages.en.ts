import { plural } from '../localization/catalog.js';

const en = {
  notAvailableTitle: 'This conversation is not available',
  notAvailableBody: 'It may have been removed, or be for members of its group only.',
  repliesHeading: (count: number) => (count === 0 ? 'Replies' : plural('en', count, { one: '{n} reply', other: '{n} replies' })),
  noReplies: 'No replies yet.',
  noRepliesInvite: 'No replies yet. A few words from you could help.',
  answersTo: (name: string) => `Answers to ${name}`,
  moreReplies: 'Show more replies',
  moreAnswers: 'Show more answers',
  locked: 'This conversation is closed to new replies.',
  signInToReply: 'Sign in on this site to reply and react.',
  membersReply: 'Only members of this group can reply.',
  newReply: 'New reply',
  repliesAdded: (count: number) => plural('en', count, { one: '{n} more reply', other: '{n} more replies' }),
  reactionsLabel: 'React',
  reactFailed: 'Your reaction could not be saved. Please try again.',
  reactForbidden: 'Only members of this group can react.',
  answer: (name: string) => `Answer ${name}`,
  report: 'Report',
  reportSent: 'Thank you. The facilitators will look at this.',
  alreadyReported: 'You have already reported this. Thank you — the facilitators will look at it.',
};

export type ThreadMessages = typeof en;
export default en;
