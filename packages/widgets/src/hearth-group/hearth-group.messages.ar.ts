import { plural } from '../localization/catalog.js';
import type { GroupMessages } from './hearth-group.messages.en.js';

const ar: GroupMessages = {
  notAvailableTitle: 'هذه المجموعة غير متاحة',
  notAvailableBody: 'ربما أُغلقت، أو ربما تقتصر على أعضائها. إن شارك أحدٌ هذه الصفحة معك، فبإمكانه أن يخبرك بالمزيد.',
  facilitators: 'الميسّرون',
  topics: 'المواضيع',
  languages: 'اللغات',
  formats: 'طريقة اللقاء',
  location: 'المكان',
  timeZone: 'المنطقة الزمنية',
  membersLabel: 'الأعضاء',
  members: (count: number) => plural('ar', count, { zero: 'لا أعضاء بعد', one: 'عضو واحد', two: 'عضوان', few: '{n} أعضاء', many: '{n} عضوًا', other: '{n} عضو' }),
  places: (left: number) =>
    plural('ar', left, { zero: 'لا أماكن متبقية', one: 'بقي مكان واحد', two: 'بقي مكانان', few: 'بقيت {n} أماكن', many: 'بقي {n} مكانًا', other: 'بقي {n} مكان' }),
  full: 'مكتملة',
  guidelines: 'إرشادات المجموعة',
  privacy: 'الخصوصية والنشر',
  namedPosts: 'تظهر منشوراتك هنا باسمك، أو بالاسم المستعار الذي تختاره لهذه المجموعة.',
  appearanceLegend: 'كيف تظهر في هذه المجموعة',
  anonymousAllowed: 'يمكنك النشر هنا دون ذكر اسمك.',
  heldPosts: (count: number) =>
    count === 0
      ? 'تظهر المنشورات في المجموعة فور إرسالها.'
      : plural('ar', count, {
          one: 'يقرأ أحد الميسّرين أول منشور للعضو الجديد قبل أن تراه المجموعة.',
          two: 'يقرأ أحد الميسّرين أول منشورَين للعضو الجديد قبل أن تراهما المجموعة.',
          few: 'يقرأ أحد الميسّرين أول {n} منشورات للعضو الجديد قبل أن تراها المجموعة.',
          many: 'يقرأ أحد الميسّرين أول {n} منشورًا للعضو الجديد قبل أن تراها المجموعة.',
          other: 'يقرأ أحد الميسّرين أول {n} منشور للعضو الجديد قبل أن تراها المجموعة.',
        }),
  membershipHeading: 'عضويتك',
  sending: 'جارٍ الإرسال…',
  member: 'أنت عضو في هذه المجموعة.',
  memberAs: (role: string) => `أنت عضو في هذه المجموعة بصفة ${role}.`,
  pseudonym: (name: string) => `اسمك المستعار هنا: «${name}».`,
  leave: 'غادر المجموعة',
  leaveConfirm: (name: string) => `هل تريد مغادرة «${name}»؟ لن تتمكن بعد ذلك من المشاركة في محادثاتها.`,
  leaveConfirmApproval: 'وللعودة لاحقًا ستحتاج إلى تقديم طلب جديد.',
  leaveYes: 'نعم، غادر',
  reason: (reason: string) => `قال الميسّرون: «${reason}»`,
  suspended: (date: string) => `لا يمكنك النشر أو الرد في هذه المجموعة حتى ${date}.`,
  kept: 'لم يضِع شيء ممّا كتبته.',
};

export default ar;
