import { plural } from './catalog.js';
import type { CommonMessages } from './common.messages.en.js';

const ar: CommonMessages = {
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
  offline: 'يبدو أنك غير متصل بالإنترنت. تحقّق من اتصالك ثم حاول مرة أخرى.',
  notDone: 'تعذّر إتمام ذلك.',
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

export default ar;
