/** Names of the domain's enums, shared by the finder, the group page and the moderation queue. */
const en = {
  facilitation: { PEER_LED: 'Peer-led', PROFESSIONAL: 'Professionally facilitated' } as Record<string, string>,
  joinPolicy: { OPEN: 'Open to join', APPROVAL: 'Join by request', INVITE_ONLY: 'Invitation only', FEE: 'Membership fee' } as Record<string, string>,
  format: { FORUM: 'Online forum', IN_PERSON: 'In person', VIDEO: 'Video', PHONE: 'Phone' } as Record<string, string>,
  role: { MEMBER: 'Member', PEER_FACILITATOR: 'Peer facilitator', PROFESSIONAL_FACILITATOR: 'Professional facilitator' } as Record<string, string>,
  reaction: { SUPPORT: 'Support', HUG: 'Hug', ME_TOO: 'Me too', THANK_YOU: 'Thank you', HELPFUL: 'Helpful' } as Record<string, string>,
  /** Who can find out who wrote an anonymous post: the group header and the composer both say this sentence. */
  anonymousRevealableBy: {
    NOBODY: 'Nobody can find out who wrote an anonymous post, not even the facilitators or the site\'s administrators.',
    ADMINS: 'If the writer may be in danger, only the site\'s administrators can find out who they are. Each time is recorded.',
    FACILITATORS_AND_ADMINS:
      'If the writer may be in danger, the group\'s professional facilitators or the site\'s administrators can find out who they are, to help. Each time is recorded.',
  } as Record<string, string>,
  /** Who can read what is posted in the group, said in the composer before anything is sent. */
  postsReadableBy: {
    GUESTS: 'Anyone, including people who aren\'t signed in, can read this.',
    MEMBERS: 'Only members of this group can read this.',
  } as Record<string, string>,
};

export type DomainMessages = typeof en;
export default en;
