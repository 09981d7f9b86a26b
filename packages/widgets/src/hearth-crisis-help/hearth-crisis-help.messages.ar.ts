import type { CrisisHelpMessages } from './hearth-crisis-help.messages.en.js';

const ar: CrisisHelpMessages = {
  emergency: 'إذا كان أحد في خطر الآن، فاتصل برقم الطوارئ في بلدك أو توجّه إلى أقرب قسم طوارئ.',
  reachNow: 'جهات يمكنك التواصل معها الآن:',
  call: 'اتصل بالرقم',
  text: 'أرسل رسالة نصية',
  online: 'تحدّث أو اطلب المساعدة عبر الإنترنت',
  heading: 'الدعم متاح لك',
  care: 'يبدو أنك تمرّ بوقت عصيب جدًا. ليس عليك أن تواجه هذا وحدك.',
  lead: 'يمكنك التواصل مع هذه الجهات الآن، وخدماتها مجانية وسرّية:',
  facilitatorHeading: 'تحدّث إلى أحد الميسّرين الآن',
  facilitatorLead: 'اكتب إلى ميسّري هذه المجموعة. لن يقرأ رسالتك غيرهم، وسيردّون عليك هنا.',
  facilitatorLabel: 'رسالتك إلى الميسّرين',
  facilitatorSend: 'أرسل إلى الميسّرين',
  facilitatorSent: 'وصلت رسالتك إلى الميسّرين. سيظهر ردّهم في رسائلك داخل هذه المجموعة.',
  facilitatorMissing: 'يُرجى كتابة بضع كلمات أولًا.',
  visibilityHeading: 'من يرى ما كتبت',
  visibilityLead: 'يمكنك أن تختار من يقرؤه الآن:',
  keepVisible: 'يبقى ظاهرًا للمجموعة',
  facilitatorsOnly: 'للميسّرين فقط',
  addWarning: 'يبقى ظاهرًا خلف تنبيه بشأن المحتوى',
  warningText: 'هذا المنشور يتحدث عن الانتحار أو إيذاء النفس',
  visibilityDone: {
    EVERYONE: 'سيبقى ظاهرًا للمجموعة.',
    FACILITATORS_ONLY: 'لم يعد يقرؤه الآن إلا الميسّرون.',
    WARNING: 'سيرى الآخرون تنبيهًا بشأن المحتوى أولًا.',
  },
  close: 'إغلاق',
  notDone: 'لم ينجح ذلك. يمكنك المحاولة مرة أخرى، أو التواصل مع الجهات أعلاه.',
};

export default ar;
