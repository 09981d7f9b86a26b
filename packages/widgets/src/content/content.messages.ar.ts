import { formatNumber, plural } from '../localization/catalog.js';
import type { ContentMessages } from './content.messages.en.js';

const ar: ContentMessages = {
  contentWarning: 'تنبيه بشأن المحتوى:',
  showPost: 'اعرض المنشور',
  hidePost: 'أخفِ المنشور',
  showReply: 'اعرض الرد',
  anonymousBadge: 'الاسم مخفي',
  anonymousAlias: (alias: string) => (alias ? `مشارك مجهول ${formatNumber('ar', Number(alias))}` : 'مشارك مجهول'),
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

export default ar;
