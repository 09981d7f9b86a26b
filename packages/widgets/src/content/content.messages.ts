import { plural, type Catalog } from '../localization/catalog.js';

/** What the feed and the thread both say about a post or a reply. */
const en = {
  contentWarning: 'Content warning:',
  showPost: 'Show post',
  hidePost: 'Hide post',
  showReply: 'Show reply',
  anonymousBadge: 'Name hidden',
  /** The server names an anonymous author "Anonymous 3" in every language; this says it in the reader's. */
  anonymousAlias: (alias: string) => (alias ? `Anonymous ${alias}` : 'Anonymous'),
  you: 'You',
  edited: 'edited',
  editedAt: (when: string) => `Edited ${when}`,
  pinned: 'Pinned',
  locked: 'Closed to replies',
  pendingOwn: "Waiting for a facilitator's review",
  pendingOther: 'Held for review',
  hidden: 'Hidden from members',
  removed: 'Removed by a facilitator',
  deletedPost: 'This post was deleted by its author.',
  removedPost: 'This post was removed by a facilitator.',
  deletedReply: 'This reply was deleted by its author.',
  removedReply: 'This reply was removed by a facilitator.',
  replyCount: (count: number) => (count === 0 ? 'No replies yet' : plural('en', count, { one: '{n} reply', other: '{n} replies' })),
  reactionTotals: 'Reactions',
};

const ar: typeof en = {
  contentWarning: 'تنبيه بشأن المحتوى:',
  showPost: 'اعرض المنشور',
  hidePost: 'أخفِ المنشور',
  showReply: 'اعرض الرد',
  anonymousBadge: 'الاسم مخفي',
  anonymousAlias: (alias: string) => (alias ? `مشارك مجهول ${new Intl.NumberFormat('ar').format(Number(alias))}` : 'مشارك مجهول'),
  you: 'أنت',
  edited: 'معدَّل',
  editedAt: (when: string) => `عُدِّل في ${when}`,
  pinned: 'مثبَّت',
  locked: 'مغلق أمام الردود',
  pendingOwn: 'بانتظار مراجعة أحد الميسّرين',
  pendingOther: 'محجوز للمراجعة',
  hidden: 'مخفي عن الأعضاء',
  removed: 'أزاله أحد الميسّرين',
  deletedPost: 'حذف صاحب المنشور هذا المنشور.',
  removedPost: 'أزال أحد الميسّرين هذا المنشور.',
  deletedReply: 'حذف صاحب الرد هذا الرد.',
  removedReply: 'أزال أحد الميسّرين هذا الرد.',
  replyCount: (count: number) =>
    plural('ar', count, { zero: 'لا ردود بعد', one: 'رد واحد', two: 'ردّان', few: '{n} ردود', many: '{n} ردًّا', other: '{n} رد' }),
  reactionTotals: 'التفاعلات',
};

export const contentMessages: Catalog<typeof en> = { en, ar };
