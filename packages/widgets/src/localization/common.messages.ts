import { plural, type Catalog } from './catalog.js';

/** Strings every widget shares: states, generic failures, common actions. */
const en = {
  loading: 'Loading…',
  retry: 'Try again',
  loadMore: 'Show more',
  cancel: 'Cancel',
  close: 'Close',
  failedTitle: 'Something went wrong',
  failedBody: 'This could not be loaded. Please try again in a moment.',
  unreachable: 'The support group service could not be reached.',
  offlineTitle: 'You are offline',
  offlineBody: 'Check your connection. This will load again when you are back online.',
  sessionExpired: 'Your session has ended. Please sign in again on this site.',
  forbidden: 'You do not have access to this.',
  notFound: 'This is no longer available.',
  notConfigured: 'This widget is not set up yet: it needs the address of the Hearth API (the api attribute or Hearth.configure).',
  signInTitle: 'Sign in to take part',
  signInBody: 'Sign in on this site to join groups, post and reply. Reading public groups needs no account.',
  signIn: 'Sign in',
  requestId: (id: string) => `Reference: ${id}`,
  rateLimited: (seconds: number) => `You are doing that a lot. Please wait ${plural('en', Math.max(1, seconds), { one: '{n} second', other: '{n} seconds' })} and try again.`,
  checkFields: 'Please check the highlighted fields.',
  tooLong: (max: number) => `Please keep this to ${plural('en', max, { one: '{n} character', other: '{n} characters' })} or fewer.`,
};

const ar: typeof en = {
  loading: 'جارٍ التحميل…',
  retry: 'حاول مرة أخرى',
  loadMore: 'عرض المزيد',
  cancel: 'إلغاء',
  close: 'إغلاق',
  failedTitle: 'حدث خطأ ما',
  failedBody: 'تعذّر التحميل. يُرجى المحاولة بعد قليل.',
  unreachable: 'تعذّر الوصول إلى خدمة مجموعات الدعم.',
  offlineTitle: 'أنت غير متصل بالإنترنت',
  offlineBody: 'تحقّق من اتصالك. سيُعاد التحميل تلقائيًا عند عودة الاتصال.',
  sessionExpired: 'انتهت جلستك. يُرجى تسجيل الدخول من جديد في هذا الموقع.',
  forbidden: 'ليست لديك صلاحية الوصول إلى هذا.',
  notFound: 'لم يعد هذا متاحًا.',
  notConfigured: 'لم يُضبط هذا المكوّن بعد: يحتاج إلى عنوان واجهة Hearth البرمجية (السمة api أو Hearth.configure).',
  signInTitle: 'سجّل الدخول للمشاركة',
  signInBody: 'سجّل الدخول في هذا الموقع للانضمام إلى المجموعات والنشر والرد. قراءة المجموعات العامة لا تحتاج إلى حساب.',
  signIn: 'تسجيل الدخول',
  requestId: (id: string) => `رقم المرجع: ${id}`,
  rateLimited: (seconds: number) =>
    `لقد كرّرت ذلك كثيرًا. يُرجى الانتظار ${plural('ar', Math.max(1, seconds), { zero: '{n} ثانية', one: 'ثانية واحدة', two: 'ثانيتين', few: '{n} ثوانٍ', many: '{n} ثانية', other: '{n} ثانية' })} ثم المحاولة مجددًا.`,
  checkFields: 'يُرجى مراجعة الحقول المميّزة.',
  tooLong: (max: number) =>
    `يُرجى ألّا يتجاوز النص ${plural('ar', max, { one: 'حرفًا واحدًا', two: 'حرفين', few: '{n} أحرف', many: '{n} حرفًا', other: '{n} حرف' })}.`,
};

export const commonMessages: Catalog<typeof en> = { en, ar };
