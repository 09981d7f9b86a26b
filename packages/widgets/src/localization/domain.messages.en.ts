/** Names of the domain's enums, shared by the finder, the group page and the moderation queue. */
const en = {
  facilitation: { PEER_LED: 'Peer-led', PROFESSIONAL: 'Professionally facilitated' } as Record<string, string>,
  joinPolicy: { OPEN: 'Open to join', APPROVAL: 'Join by request', INVITE_ONLY: 'Invitation only', FEE: 'Membership fee' } as Record<string, string>,
  format: { FORUM: 'Online forum', IN_PERSON: 'In person', VIDEO: 'Video', PHONE: 'Phone' } as Record<string, string>,
  role: { MEMBER: 'Member', PEER_FACILITATOR: 'Peer facilitator', PROFESSIONAL_FACILITATOR: 'Professional facilitator' } as Record<string, string>,
  reaction: { SUPPORT: 'Support', HUG: 'Hug', ME_TOO: 'Me too', THANK_YOU: 'Thank you', HELPFUL: 'Helpful' } as Record<string, string>,
  reportReason: {
    CRISIS: 'Someone may be in danger',
    SELF_HARM: 'Self-harm',
    HARASSMENT: 'Harassment or bullying',
    SPAM: 'Spam or advertising',
    MISINFORMATION: 'Harmful misinformation',
    OTHER: 'Something else',
  } as Record<string, string>,
};

export type DomainMessages = typeof en;
export default en;
