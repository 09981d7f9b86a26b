import type { DomainMessages } from './domain.messages.en.js';

const ar: DomainMessages = {
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

export default ar;
