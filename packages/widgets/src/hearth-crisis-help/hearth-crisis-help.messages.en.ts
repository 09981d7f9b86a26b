/** What the crisis help panel says to the writer (its own pack: only pages where someone writes load it). */
const en = {
  emergency: 'If someone may be in danger right now, call your local emergency number or go to the nearest emergency department.',
  reachNow: 'Help you can reach now:',
  call: 'Call',
  text: 'Text',
  online: 'Chat or find help online',
  heading: 'Support is here for you',
  care: "It sounds like you're going through something very hard. You don't have to face it alone.",
  lead: 'You can reach these services now. They are free and confidential:',
  facilitatorHeading: 'Talk to a facilitator now',
  facilitatorLead: 'Write to the facilitators of this group. Only they will read it, and they will answer you here.',
  facilitatorLabel: 'Your message to the facilitators',
  facilitatorSend: 'Send to the facilitators',
  facilitatorSent: 'Your message is with the facilitators. Their answer will appear in your messages in this group.',
  facilitatorMissing: 'Please write a few words first.',
  visibilityHeading: 'Who sees what you wrote',
  visibilityLead: 'You can choose who can read it now:',
  keepVisible: 'Keep it visible to the group',
  facilitatorsOnly: 'Only the facilitators',
  addWarning: 'Keep it visible behind a content warning',
  warningText: 'This post mentions suicide or self-harm',
  visibilityDone: {
    EVERYONE: 'It stays visible to the group.',
    FACILITATORS_ONLY: 'Now only the facilitators can read it.',
    WARNING: 'Others now see a content warning first.',
  } as Record<string, string>,
  close: 'Close',
  notDone: 'That did not work. You can try again, or use the contacts above.',
};

export type CrisisHelpMessages = typeof en;
export default en;
