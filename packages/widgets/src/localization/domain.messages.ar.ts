import type { DomainMessages } from './domain.messages.en.js';

const ar: DomainMessages = {
  facilitation: { PEER_LED: 'بقيادة الأقران', PROFESSIONAL: 'بإشراف مختص' },
  joinPolicy: { OPEN: 'انضمام مفتوح', APPROVAL: 'انضمام بطلب', INVITE_ONLY: 'بالدعوة فقط', FEE: 'باشتراك' },
  format: { FORUM: 'منتدى إلكتروني', IN_PERSON: 'حضوري', VIDEO: 'مكالمة فيديو', PHONE: 'هاتفي' },
  role: { MEMBER: 'عضو', PEER_FACILITATOR: 'ميسّر من الأقران', PROFESSIONAL_FACILITATOR: 'ميسّر مختص' },
  reaction: { SUPPORT: 'دعم', HUG: 'عناق', ME_TOO: 'وأنا كذلك', THANK_YOU: 'شكرًا', HELPFUL: 'مفيد' },
  anonymousRevealableBy: {
    NOBODY: 'لا يستطيع أحد معرفة كاتب المنشور المجهول، ولا حتى الميسّرون أو مسؤولو الموقع.',
    ADMINS: 'إذا بدا أن الكاتب في خطر، يستطيع مسؤولو الموقع وحدهم معرفته، ويُسجَّل ذلك كل مرة.',
    FACILITATORS_AND_ADMINS: 'إذا بدا أن الكاتب في خطر، يستطيع ميسّرو المجموعة المختصون أو مسؤولو الموقع معرفته لمساعدته، ويُسجَّل ذلك كل مرة.',
  },
  postsReadableBy: {
    GUESTS: 'يستطيع أي شخص قراءة هذا، حتى من لم يسجّل الدخول.',
    MEMBERS: 'لا يقرأ هذا إلا أعضاء هذه المجموعة.',
  },
};

export default ar;
