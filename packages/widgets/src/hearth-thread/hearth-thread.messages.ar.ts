import { plural } from '../localization/catalog.js';
import type { ThreadMessages } from './hearth-thread.messages.en.js';

const ar: ThreadMessages = {
  notAvailableTitle: 'هذه المحادثة غير متاحة',
  notAvailableBody: 'ربما أُزيلت، أو أنها متاحة لأعضاء مجموعتها فقط.',
  repliesHeading: (count: number) =>
    count === 0 ? 'الردود' : plural('ar', count, { one: 'رد واحد', two: 'ردّان', few: '{n} ردود', many: '{n} ردًّا', other: '{n} رد' }),
  noReplies: 'لا ردود بعد.',
  noRepliesInvite: 'لا ردود بعد. كلمات قليلة منك قد تساعد.',
  answersTo: (name: string) => `الردود على ${name}`,
  moreReplies: 'اعرض مزيدًا من الردود',
  moreAnswers: 'اعرض مزيدًا من الإجابات',
  locked: 'هذه المحادثة مغلقة أمام الردود الجديدة.',
  signInToReply: 'سجّل الدخول في هذا الموقع لتردّ وتتفاعل.',
  membersReply: 'الرد متاح لأعضاء هذه المجموعة فقط.',
  newReply: 'رد جديد',
  repliesAdded: (count: number) =>
    plural('ar', count, { zero: 'لا ردود أخرى', one: 'رد آخر', two: 'ردّان آخران', few: '{n} ردود أخرى', many: '{n} ردًّا آخر', other: '{n} رد آخر' }),
  reactionsLabel: 'تفاعل',
  reactFailed: 'تعذّر حفظ تفاعلك. يُرجى المحاولة مرة أخرى.',
  reactForbidden: 'التفاعل متاح لأعضاء هذه المجموعة فقط.',
  answer: (name: string) => `أجب ${name}`,
  report: 'إبلاغ',
  reportSent: 'شكرًا لك. سيطّلع الميسّرون على هذا.',
  alreadyReported: 'سبق أن أبلغت عن هذا. شكرًا لك — سيطّلع عليه الميسّرون.',
};

export default ar;
