import { formatNumber, plural } from '../localization/catalog.js';
import type { GroupFinderMessages } from './hearth-group-finder.messages.en.js';

const ar: GroupFinderMessages = {
  heading: 'ابحث عن مجموعة دعم',
  searchLabel: 'ابحث في المجموعات',
  searchHint: 'حالة صحية أو موضوع أو اسم، مثل السكري أو الفقد',
  search: 'بحث',
  filters: 'عوامل التصفية',
  topics: 'المواضيع',
  anyOption: 'الكل',
  facilitationLabel: 'يقودها',
  joinPolicyLabel: 'طريقة الانضمام',
  formatsLabel: 'طريقة اللقاء',
  languageLabel: 'اللغة',
  acceptingLabel: 'المجموعات التي تقبل أعضاء جددًا فقط',
  resultCount: (count: number, more: boolean) =>
    more
      ? `عُثر على أكثر من ${formatNumber('ar', count)} مجموعة`
      : plural('ar', count, { zero: 'لم يُعثر على أي مجموعة', one: 'عُثر على مجموعة واحدة', two: 'عُثر على مجموعتين', few: 'عُثر على {n} مجموعات', many: 'عُثر على {n} مجموعة', other: 'عُثر على {n} مجموعة' }),
  noResultsTitle: 'لا توجد مجموعات مطابقة',
  noResultsBody: 'جرّب كلمات أخرى أو عوامل تصفية أقل. بعض المجموعات غير مُدرجة للعامة: اسأل فريق الرعاية.',
  members: (count: number) => plural('ar', count, { zero: 'لا أعضاء', one: 'عضو واحد', two: 'عضوان', few: '{n} أعضاء', many: '{n} عضوًا', other: '{n} عضو' }),
  places: (left: number) => plural('ar', left, { zero: 'لا أماكن متبقية', one: 'مكان واحد متبقٍّ', two: 'مكانان متبقيان', few: '{n} أماكن متبقية', many: '{n} مكانًا متبقيًا', other: '{n} مكان متبقٍّ' }),
  full: 'مكتملة',
  ledBy: (names: string) => `مع ${names}`,
  viewGroup: (name: string) => `عرض ${name}`,
  languages: (names: string) => `باللغة: ${names}`,
  crisisHeading: 'لست وحدك في هذا',
  crisisLead: 'إذا كنت تفكر في إنهاء حياتك أو إيذاء نفسك، يمكنك التحدث إلى أحد الآن:',
  myGroups: 'مجموعاتي',
  /** The viewer's own status on a card (a waitlisted member's is `waitlisted`). */
  membership: { ACTIVE: 'أنت عضو', PENDING: 'طلبك قيد المراجعة', SUSPENDED: 'عضويتك معلّقة مؤقتًا' } as Record<string, string>,
  waitlisted: (position: number | null) => (position ? `على قائمة الانتظار (رقم ${position})` : 'على قائمة الانتظار'),
};

export default ar;
