import type { AppearanceMessages } from './group-appearance.messages.en.js';

const ar: AppearanceMessages = {
  appearanceLegend: 'كيف تظهر في هذه المجموعة',
  appearancePseudonym: 'باسم مستعار (موصى به)',
  appearanceName: 'باسمي',
  pseudonymLabel: 'اسمك المستعار في هذه المجموعة',
  pseudonymHint: 'نقترح اسمًا لا يستخدمه أحد هنا ولا تستخدمه في أي مجموعة أخرى. يمكنك تغييره.',
  pseudonymTaken: 'يستخدم أحد أعضاء هذه المجموعة هذا الاسم. يُرجى اختيار اسم آخر.',
  appearanceSave: 'احفظ طريقة ظهوري',
  appearanceSaved: 'حُفظ. ستظهر منشوراتك هنا بهذه الطريقة.',
};

export default ar;
