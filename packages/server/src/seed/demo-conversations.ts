import type { ReactionKind } from '../db/tables.js';

/**
 * Conversations for the demo, so a newcomer finds threads to read, answer and react to. Written as people in
 * support groups write: personal experience, not medical advice. `hoursAgo` dates each item; an anonymous author
 * gets a thread alias like any anonymous participant.
 */
export interface DemoReply {
  author: string;
  body: string;
  hoursAgo: number;
  anonymous?: boolean;
  /** Index of the top-level reply this one answers. */
  answers?: number;
}

export interface DemoPost {
  author: string;
  title: string;
  body: string;
  hoursAgo: number;
  anonymous?: boolean;
  contentWarning?: string;
  replies?: DemoReply[];
  reactions?: Array<{ member: string; kind: ReactionKind }>;
}

/** Posts per institution slug and group slug. */
export const demoConversations: Record<string, Record<string, DemoPost[]>> = {
  riverside: {
    'type-2-diabetes-circle': [
      {
        author: 'demo-james',
        title: 'Finally got my HbA1c down',
        body: 'Three months of walking after dinner and swapping my evening snack. My number went from 8.1 to 7.2. Small steps *do* add up — thank you all for the nudges.',
        hoursAgo: 50,
        replies: [
          { author: 'demo-priya', body: 'That is brilliant news, well done! The walking after dinner tip helped me too.', hoursAgo: 48 },
          { author: 'demo-sara', body: 'Lovely to hear. Would you share what you swapped the snack for at Thursday\'s meeting?', hoursAgo: 47 },
          { author: 'demo-james', body: 'Happy to — mostly nuts and a bit of cheese instead of biscuits.', hoursAgo: 46, answers: 1 },
        ],
        reactions: [
          { member: 'demo-priya', kind: 'SUPPORT' },
          { member: 'demo-amal', kind: 'HELPFUL' },
          { member: 'demo-tom', kind: 'ME_TOO' },
        ],
      },
      {
        author: 'demo-tom',
        title: 'Newly diagnosed and a bit overwhelmed',
        body: 'Got my diagnosis last week. So many leaflets. Where did you all start?',
        hoursAgo: 20,
      },
    ],
  },
  nour: {
    'diabetes-support': [
      {
        author: 'demo-fatima',
        title: 'كيف تتعاملون مع الصيام وقياس السكر؟',
        body: 'أحاول تنظيم مواعيد القياس مع الوجبات، لكن أجد صعوبة في الالتزام. ما الذي نجح معكم؟',
        hoursAgo: 70,
        replies: [
          { author: 'demo-khalid', body: 'أضع منبّهًا على الهاتف بعد كل وجبة بساعتين، وساعدني ذلك كثيرًا.', hoursAgo: 66 },
          { author: 'demo-sara', body: 'تجربة جميلة يا خالد. وتذكّروا استشارة الفريق الطبي قبل أي تغيير في الجرعات.', hoursAgo: 65 },
        ],
        reactions: [
          { member: 'demo-amal', kind: 'ME_TOO' },
          { member: 'demo-yousef', kind: 'HELPFUL' },
        ],
      },
      {
        author: 'demo-amal',
        anonymous: true,
        title: 'أشعر بالتعب من المرض أحيانًا',
        body: 'لا أحب الحديث عن هذا مع عائلتي. أحيانًا أشعر أنني وحدي في هذا، وأن القياسات والحِمية لا تنتهي.',
        contentWarning: 'إرهاق نفسي',
        hoursAgo: 30,
        replies: [
          { author: 'demo-fatima', body: 'لستِ وحدك أبدًا. أمرّ بالشعور نفسه، والكلام هنا يخفّف عني.', hoursAgo: 28 },
          { author: 'demo-amal', anonymous: true, body: 'شكرًا لكِ، كلامك يعني لي الكثير.', hoursAgo: 27, answers: 0 },
        ],
        reactions: [
          { member: 'demo-fatima', kind: 'HUG' },
          { member: 'demo-khalid', kind: 'SUPPORT' },
        ],
      },
    ],
  },
};
