/** The report form's strings, in the `writers` pack: loaded when a reader first opens "Report". */
const en = {
  reportHeading: 'Tell the facilitators',
  reasonLabel: 'What is the problem?',
  chooseReason: 'Choose a reason',
  reasonMissing: 'Please choose a reason.',
  noteLabel: 'Anything the facilitators should know (optional)',
  noteHint: 'Only the facilitators read this.',
  sendReport: 'Send report',
  sending: 'Sending…',
  reportFailed: 'The report could not be sent. Please try again.',
  reportForbidden: 'Only members of this group can report posts.',
  /** The reasons a reader can give (ReportReason); the facilitators' queue names them the same way. */
  reportReason: {
    CRISIS: 'Someone may be in danger',
    SELF_HARM: 'Self-harm',
    HARASSMENT: 'Harassment or bullying',
    SPAM: 'Spam or advertising',
    MISINFORMATION: 'Harmful misinformation',
    OTHER: 'Something else',
  } as Record<string, string>,
};

export type ReportFormMessages = typeof en;
export default en;
