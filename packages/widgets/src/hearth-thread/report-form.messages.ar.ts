import type { ReportFormMessages } from './report-form.messages.en.js';

const ar: ReportFormMessages = {
  reportHeading: 'أبلغ الميسّرين',
  reasonLabel: 'ما المشكلة؟',
  chooseReason: 'اختر سببًا',
  reasonMissing: 'يُرجى اختيار سبب.',
  noteLabel: 'ما الذي ينبغي أن يعرفه الميسّرون؟ (اختياري)',
  noteHint: 'لا يقرأ هذا إلا الميسّرون.',
  sendReport: 'أرسل البلاغ',
  sending: 'جارٍ الإرسال…',
  reportFailed: 'تعذّر إرسال البلاغ. يُرجى المحاولة مرة أخرى.',
  reportForbidden: 'الإبلاغ متاح لأعضاء هذه المجموعة فقط.',
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
