import { plural } from '../localization/catalog.js';

const en = {
  notAvailableTitle: 'This group is not available',
  notAvailableBody: 'It may have closed, or it may be open to its members only. If someone shared this page with you, they can tell you more.',
  facilitators: 'Facilitators',
  topics: 'Topics',
  languages: 'Languages',
  formats: 'Meets',
  location: 'Where',
  timeZone: 'Time zone',
  membersLabel: 'Members',
  members: (count: number) => plural('en', count, { one: '{n} member', other: '{n} members' }),
  places: (left: number) => plural('en', left, { one: '{n} place left', other: '{n} places left' }),
  full: 'Full',
  guidelines: 'Group guidelines',
  privacy: 'Privacy and posting',
  namedPosts: 'Posts here show your name, or the pseudonym you choose for this group.',
  appearanceLegend: 'How you appear in this group',
  anonymousAllowed: 'You may post anonymously here.',
  heldPosts: (count: number) =>
    count === 0
      ? 'Posts appear in the group as soon as they are sent.'
      : plural('en', count, {
          one: 'A facilitator reads a new member’s first post before the group sees it.',
          other: 'A facilitator reads a new member’s first {n} posts before the group sees them.',
        }),
  membershipHeading: 'Your membership',
  sending: 'Sending…',
  member: 'You’re a member of this group.',
  memberAs: (role: string) => `You’re a member of this group, as ${role}.`,
  pseudonym: (name: string) => `Here you go by “${name}”.`,
  leave: 'Leave group',
  leaveConfirm: (name: string) => `Leave ${name}? You will stop taking part in its conversations.`,
  leaveConfirmApproval: 'To come back later you would send a new request.',
  leaveYes: 'Yes, leave',
  reason: (reason: string) => `The facilitators said: “${reason}”`,
  suspended: (date: string) => `You cannot post or reply in this group until ${date}.`,
  kept: 'Nothing you wrote has been lost.',
};

export type GroupMessages = typeof en;
export default en;
