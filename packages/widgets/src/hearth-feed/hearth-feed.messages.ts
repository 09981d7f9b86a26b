import { plural, type Catalog } from '../localization/catalog.js';

const en = {
  heading: 'Conversations',
  viewLabel: 'Show posts',
  newest: 'Newest',
  latestActivity: 'Recent activity',
  unanswered: 'Waiting for a reply',
  unansweredHint: 'Nobody has replied to these posts yet. A few kind words can mean a lot to someone.',
  emptyTitle: 'No posts yet — be the first to share',
  emptyBody: 'Share what you are going through, or ask a question. People here have been there too.',
  allAnsweredTitle: 'Everyone has had a reply',
  allAnsweredBody: 'Every post here has had at least one reply. Thank you for looking out for each other.',
  membersOnlyTitle: 'Posts are for members',
  membersOnlyBody: "To keep this a safe space, only the group's members read its conversations. Join the group to read and share.",
  membersOnlyGuest: 'Sign in on this site first, then ask to join.',
  openConversation: 'Open conversation',
  closeConversation: 'Close conversation',
  postCount: (count: number, more: boolean) =>
    more ? `Showing ${count} posts, more available` : plural('en', count, { one: 'Showing {n} post', other: 'Showing {n} posts' }),
  morePosts: (count: number) => plural('en', count, { one: '{n} more post', other: '{n} more posts' }),
  published: 'Your post was published',
  pending: 'Your post is waiting for review',
};

const ar: typeof en = {
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
  postCount: (count: number, more: boolean) =>
    more
      ? `يُعرض ${new Intl.NumberFormat('ar').format(count)} منشورًا، وهناك المزيد`
      : plural('ar', count, { zero: 'لا منشورات', one: 'يُعرض منشور واحد', two: 'يُعرض منشوران', few: 'تُعرض {n} منشورات', many: 'يُعرض {n} منشورًا', other: 'يُعرض {n} منشور' }),
  morePosts: (count: number) =>
    plural('ar', count, { zero: 'لا منشورات أخرى', one: 'منشور آخر', two: 'منشوران آخران', few: '{n} منشورات أخرى', many: '{n} منشورًا آخر', other: '{n} منشور آخر' }),
  published: 'نُشر منشورك',
  pending: 'منشورك بانتظار المراجعة',
};

export const feedMessages: Catalog<typeof en> = { en, ar };
