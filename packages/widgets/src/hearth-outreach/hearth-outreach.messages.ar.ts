import type { OutreachMessages } from './hearth-outreach.messages.en.js';

const ar: OutreachMessages = {
  inboxHeading: 'رسائلك مع الميسّرين',
  inboxLead: 'لا يقرأ هذه الرسائل إلا أنت وميسّرو المجموعة.',
  withFacilitators: 'محادثة مع الميسّرين',
  withWriter: 'محادثة خاصة مع الكاتب',
  seenAs: (name: string) => `يراك الميسّرون باسم «${name}».`,
  writerIs: (name: string) => `يظهر لك الكاتب باسم «${name}».`,
  about: 'بخصوص:',
  messagesLabel: 'الرسائل',
  you: 'أنت',
  answerFacilitators: 'ردّك على الميسّرين',
  answerWriter: 'رسالتك إلى الكاتب',
  send: 'أرسل',
  sent: 'أُرسلت رسالتك.',
  notSent: 'تعذّر إرسال رسالتك.',
  emptyMessage: 'يُرجى كتابة بضع كلمات أولًا.',
  reachOut: 'راسل الكاتب',
  reachOutLead: 'يقرأ الكاتب رسالتك داخل المجموعة وبشكل خاص، ولن تعرف هويته.',
  startOutreach: 'أرسل إلى الكاتب',
};

export default ar;
