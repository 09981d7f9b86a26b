/** Outreach: private conversations between a group's facilitators and the writer of a post. */
const en = {
  inboxHeading: 'Your messages with the facilitators',
  inboxLead: 'Only you and the facilitators of the group can read these.',
  withFacilitators: 'Conversation with the facilitators',
  withWriter: 'Private conversation with the writer',
  seenAs: (name: string) => `The facilitators see you as “${name}”.`,
  writerIs: (name: string) => `The writer appears to you as “${name}”.`,
  about: 'About:',
  messagesLabel: 'Messages',
  you: 'You',
  answerFacilitators: 'Your answer to the facilitators',
  answerWriter: 'Your message to the writer',
  send: 'Send',
  sent: 'Your message was sent.',
  notSent: 'Your message could not be sent.',
  emptyMessage: 'Please write a few words first.',
  reachOut: 'Message the writer',
  reachOutLead: 'The writer reads this in the group, privately. You will not learn who they are.',
  startOutreach: 'Send to the writer',
};

export type OutreachMessages = typeof en;
export default en;
