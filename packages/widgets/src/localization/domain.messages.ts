import type { Catalog } from './catalog.js';

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

const ar: typeof en = {
  facilitation: { PEER_LED: 'بقيادة الأقران', PROFESSIONAL: 'بإشراف مختص' },
  joinPolicy: { OPEN: 'انضمام مفتوح', APPROVAL: 'انضمام بطلب', INVITE_ONLY: 'بالدعوة فقط', FEE: 'باشتراك' },
  format: { FORUM: 'منتدى إلكتروني', IN_PERSON: 'حضوري', VIDEO: 'مكالمة فيديو', PHONE: 'هاتفي' },
  role: { MEMBER: 'عضو', PEER_FACILITATOR: 'ميسّر من الأقران', PROFESSIONAL_FACILITATOR: 'ميسّر مختص' },
  reaction: { SUPPORT: 'دعم', HUG: 'عناق', ME_TOO: 'وأنا كذلك', THANK_YOU: 'شكرًا', HELPFUL: 'مفيد' },
  reportReason: {
    CRISIS: 'قد يكون شخص في خطر',
    SELF_HARM: 'إيذاء النفس',
    HARASSMENT: 'تحرّش أو تنمّر',
    SPAM: 'رسائل مزعجة أو إعلانات',
    MISINFORMATION: 'معلومات مضلِّلة ضارّة',
    OTHER: 'سبب آخر',
  },
};

export const domainMessages: Catalog<typeof en> = { en, ar };
