import { formatNumber, plural } from '../localization/catalog.js';
import type { FeedMessages } from './hearth-feed.messages.en.js';

const ar: FeedMessages = {
  heading: 'المحادثات',
  viewLabel: 'عرض المنشورات',
  newest: 'الأحدث',
  latestActivity: 'آخر نشاط',
  unanswered: 'بانتظار رد',
  unansweredHint: 'لم يردّ أحد على هذه المنشورات بعد. بضع كلمات لطيفة قد تعني الكثير لصاحبها.',
  emptyTitle: 'لا منشورات بعد — كن أول من يشارك',
  emptyBody: 'شارك ما تمرّ به أو اطرح سؤالًا. هنا أشخاص مرّوا بتجارب مشابهة.',
  allAnsweredTitle: 'تلقّى الجميع ردًّا',
  allAnsweredBody: 'تلقّى كل منشور هنا ردًّا واحدًا على الأقل. شكرًا لاهتمامكم ببعضكم.',
  membersOnlyTitle: 'المنشورات متاحة للأعضاء',
  membersOnlyBody: 'حفاظًا على أمان هذه المساحة، لا يقرأ محادثات المجموعة إلا أعضاؤها. انضم إلى المجموعة لتقرأ وتشارك.',
  membersOnlyGuest: 'سجّل الدخول في هذا الموقع أولًا، ثم اطلب الانضمام.',
  openConversation: 'افتح المحادثة',
  closeConversation: 'أغلق المحادثة',
  linkUnavailable: 'المحادثة التي يقود إليها هذا الرابط غير متاحة هنا. ربما حُذفت، أو ربما هي للأعضاء فقط.',
  postCount: (count: number, more: boolean) =>
    more
      ? `يُعرض ${formatNumber('ar', count)} منشورًا، وهناك المزيد`
      : plural('ar', count, { zero: 'لا منشورات', one: 'يُعرض منشور واحد', two: 'يُعرض منشوران', few: 'تُعرض {n} منشورات', many: 'يُعرض {n} منشورًا', other: 'يُعرض {n} منشور' }),
  morePosts: (count: number) =>
    plural('ar', count, { zero: 'لا منشورات أخرى', one: 'منشور آخر', two: 'منشوران آخران', few: '{n} منشورات أخرى', many: '{n} منشورًا آخر', other: '{n} منشور آخر' }),
  published: 'نُشر منشورك',
  pending: 'منشورك بانتظار المراجعة',
};

export default ar;
