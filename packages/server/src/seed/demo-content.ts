import type { GroupRole, MembershipStatus, NewGroup } from '../db/tables.js';

/**
 * The demo's people and groups: two hospitals (one Arabic-first), groups covering every facilitation, visibility,
 * join policy and format, and members in every role, so that a newcomer sees the whole range of what Hearth does.
 * The same external ids exist in both institutions, so `hearth token --member demo-amal` works in either.
 */
export interface DemoMember {
  externalId: string;
  displayName: string;
  credential?: string;
  bio?: string;
  admin?: boolean;
}

export interface DemoMembership {
  member: string;
  /**
   * How they appear in the group: under this pseudonym, or under their name when none. New members default to a
   * pseudonym (group-appearance.ts); the demo gives one to the members of the guest-readable circle and a few
   * others, and leaves facilitators and some members under their names, so both appearances show.
   */
  role?: GroupRole;
  status?: MembershipStatus;
  answers?: string[];
  pseudonym?: string;
  feeReceipt?: string;
  /** How long ago the member joined (or applied), so the demo has some history. */
  daysAgo: number;
}

export interface DemoGroup extends Omit<NewGroup, 'institution_id'> {
  memberships: DemoMembership[];
}

export interface DemoInstitution {
  slug: string;
  name: string;
  defaultLocale: string;
  allowedOrigins: string[];
  members: DemoMember[];
  groups: DemoGroup[];
}

/** The key id of each demo institution's SSO key. */
export const demoKeyId = 'demo-1';

/** Where the example clinic site runs in development. */
const exampleSiteOrigins = ['http://localhost:4001', 'http://127.0.0.1:4001'];

const riverside: DemoInstitution = {
  slug: 'riverside',
  name: 'Riverside Hospital',
  defaultLocale: 'en',
  allowedOrigins: exampleSiteOrigins,
  members: [
    { externalId: 'demo-amal', displayName: 'Amal Haddad' },
    { externalId: 'demo-omar', displayName: 'Omar Farouk' },
    { externalId: 'demo-sara', displayName: 'Sara Whitfield', bio: 'Living with type 2 diabetes since 2015; volunteer peer facilitator.' },
    {
      externalId: 'demo-lina',
      displayName: 'Lina Mansour',
      credential: 'LCSW',
      bio: 'Clinical social worker in oncology and bereavement care at Riverside Hospital.',
    },
    { externalId: 'demo-admin', displayName: 'Jordan Blake', admin: true, bio: 'Patient support services coordinator.' },
    { externalId: 'demo-james', displayName: 'James Okafor' },
    { externalId: 'demo-priya', displayName: 'Priya Shah' },
    { externalId: 'demo-tom', displayName: 'Tom Hughes' },
    { externalId: 'demo-grace', displayName: 'Grace Miller' },
    { externalId: 'demo-ahmed', displayName: 'Ahmed Karim' },
    { externalId: 'demo-ellen', displayName: 'Ellen Price' },
    { externalId: 'demo-noah', displayName: 'Noah Bennett', bio: 'Eight years in recovery; here to pass on what was passed to me.' },
    { externalId: 'demo-ruth', displayName: 'Ruth Evans' },
  ],
  groups: [
    {
      slug: 'type-2-diabetes-circle',
      name: 'Type 2 Diabetes Support Circle',
      description:
        'A friendly circle for adults living with type 2 diabetes. We share what helps with food, medication, blood sugar ' +
        'checks and the everyday worries, and we celebrate the small wins together. Newly diagnosed or years in, you are welcome.',
      topics: ['diabetes', 'type 2 diabetes', 'nutrition', 'chronic illness'],
      languages: ['en'],
      facilitation: 'PEER_LED',
      visibility: 'PUBLIC',
      // Its threads are open to guests: the clinic's site shows them to people deciding whether to join.
      public_reading: true,
      join_policy: 'APPROVAL',
      entry_questions: [
        'What would you most like help with at the moment?',
        'Is there anything the facilitators should know to help the group feel safe for you?',
      ],
      capacity: 40,
      formats: ['FORUM', 'VIDEO'],
      time_zone: 'Europe/London',
      guidelines:
        'Be kind and patient: everyone is at a different point.\n' +
        'Share your own experience rather than medical advice, and check any change to your medication with your care team.\n' +
        'What is shared here stays here.',
      held_first_posts: 1,
      memberships: [
        { member: 'demo-sara', role: 'PEER_FACILITATOR', daysAgo: 400 },
        { member: 'demo-amal', pseudonym: 'Quiet Harbor 12', daysAgo: 120 },
        { member: 'demo-james', pseudonym: 'Steady Willow 7', daysAgo: 95 },
        { member: 'demo-priya', pseudonym: 'Morning Sparrow 31', daysAgo: 60 },
        { member: 'demo-tom', pseudonym: 'Gentle Cedar 5', daysAgo: 12 },
        {
          member: 'demo-omar',
          status: 'PENDING',
          answers: [
            "I was diagnosed last month and I'm still getting my head around the diet changes.",
            "I'd rather not use video for now, if that's all right.",
          ],
          daysAgo: 1,
        },
      ],
    },
    {
      slug: 'grief-and-loss',
      name: 'Grief and Loss Circle',
      description:
        "A gentle space for anyone grieving the death of someone close, however long ago. Led by the hospital's bereavement " +
        'counsellor, we meet in person on Thursday evenings and keep in touch online in between. You can listen without ' +
        'speaking for as long as you need.',
      topics: ['grief', 'bereavement', 'loss'],
      languages: ['en'],
      facilitation: 'PROFESSIONAL',
      visibility: 'PUBLIC',
      join_policy: 'OPEN',
      capacity: 8,
      formats: ['IN_PERSON', 'FORUM'],
      location: 'Riverside Hospital, Quiet Room, Level 2 (Thursdays 6–7.30 pm)',
      time_zone: 'Europe/London',
      guidelines: 'There is no right way to grieve. Listen without fixing, and speak from your own experience.',
      // Seven of eight seats taken: the demo shows a group that is nearly full.
      memberships: [
        { member: 'demo-lina', role: 'PROFESSIONAL_FACILITATOR', daysAgo: 300 },
        { member: 'demo-amal', daysAgo: 40 },
        { member: 'demo-grace', daysAgo: 200 },
        { member: 'demo-ahmed', pseudonym: 'Evening Heron 44', daysAgo: 150 },
        { member: 'demo-ellen', daysAgo: 90 },
        { member: 'demo-noah', daysAgo: 30 },
        { member: 'demo-ruth', pseudonym: 'Little Lantern 9', daysAgo: 7 },
      ],
    },
    {
      slug: 'dementia-carers',
      name: 'Caring for Someone with Dementia',
      description:
        'For partners, children and friends caring for someone living with dementia. Swap practical tips, find out what ' +
        'help is available locally, and talk with people who understand the tiredness, the guilt and the love.',
      topics: ['dementia', 'caregivers', "alzheimer's", 'carers'],
      languages: ['en'],
      facilitation: 'PEER_LED',
      visibility: 'PUBLIC',
      join_policy: 'OPEN',
      formats: ['FORUM', 'PHONE'],
      time_zone: 'Europe/London',
      guidelines: 'Every caring situation is different. Offer ideas, not judgements, and look after yourself too.',
      memberships: [
        { member: 'demo-sara', role: 'PEER_FACILITATOR', daysAgo: 250 },
        { member: 'demo-priya', daysAgo: 80 },
        { member: 'demo-tom', daysAgo: 45 },
        { member: 'demo-ellen', daysAgo: 20 },
      ],
    },
    {
      slug: 'recovery-together',
      name: 'Recovery Together',
      description:
        'A peer group for people in recovery from alcohol or drug use, whatever your path. Post anonymously if you prefer. ' +
        'We meet in person on Saturday mornings; the forum is open every day.',
      topics: ['addiction', 'recovery', 'sobriety'],
      languages: ['en'],
      facilitation: 'PEER_LED',
      visibility: 'UNLISTED',
      join_policy: 'APPROVAL',
      entry_questions: ['How can the group best support your recovery right now?'],
      formats: ['FORUM', 'IN_PERSON'],
      location: 'Riverside Community Centre, Room 3 (Saturdays 10 am)',
      time_zone: 'Europe/London',
      guidelines: 'Who you see here and what you hear here stays here. No judgement about relapse: just come back.',
      anonymity_policy: 'ANONYMOUS',
      held_first_posts: 2,
      memberships: [
        { member: 'demo-noah', role: 'PEER_FACILITATOR', pseudonym: 'Harbour', daysAgo: 500 },
        { member: 'demo-amal', pseudonym: 'Sunflower', daysAgo: 70 },
        { member: 'demo-james', pseudonym: 'Lighthouse', daysAgo: 25 },
      ],
    },
    {
      slug: 'life-after-cancer',
      name: 'Life After Cancer',
      description:
        'An eight-week course and ongoing group for cancer survivors, led by an oncology social worker. Together we look at ' +
        'fatigue, fear of recurrence, going back to work and finding a new normal.',
      topics: ['cancer', 'survivorship', 'fatigue'],
      languages: ['en'],
      facilitation: 'PROFESSIONAL',
      visibility: 'PUBLIC',
      join_policy: 'FEE',
      fee_description: '£10 for the eight-week course; bursaries are available, just ask.',
      capacity: 15,
      formats: ['VIDEO'],
      time_zone: 'Europe/London',
      memberships: [
        { member: 'demo-lina', role: 'PROFESSIONAL_FACILITATOR', daysAgo: 180 },
        { member: 'demo-grace', feeReceipt: 'RH-2026-0142', daysAgo: 50 },
        { member: 'demo-ruth', feeReceipt: 'bursary', daysAgo: 48 },
      ],
    },
    {
      slug: 'new-parents',
      name: 'New Parents & Postpartum Wellbeing',
      description:
        'A private group for parents in the first year after birth, run with the perinatal mental health team. Low mood, ' +
        'anxiety, sleepless nights and feeding worries are all welcome here.',
      topics: ['postpartum', 'new parents', 'perinatal mental health'],
      languages: ['en'],
      facilitation: 'PROFESSIONAL',
      visibility: 'PRIVATE',
      join_policy: 'INVITE_ONLY',
      capacity: 20,
      formats: ['FORUM', 'VIDEO'],
      time_zone: 'Europe/London',
      guidelines: 'If you are worried about your safety or your baby’s, tell the facilitator or call your midwife or GP straight away.',
      anonymity_policy: 'ANONYMOUS_REVEALABLE_IN_CRISIS',
      memberships: [
        { member: 'demo-lina', role: 'PROFESSIONAL_FACILITATOR', daysAgo: 210 },
        { member: 'demo-amal', daysAgo: 35 },
        { member: 'demo-priya', daysAgo: 14 },
      ],
    },
    {
      slug: 'chronic-pain',
      name: 'Living with Chronic Pain',
      description:
        'Peer support for people living with long-term pain: fibromyalgia, back pain, arthritis and more. Pacing, flare-up ' +
        'plans, sleep, and being believed.',
      topics: ['chronic pain', 'fibromyalgia', 'arthritis'],
      languages: ['en'],
      facilitation: 'PEER_LED',
      visibility: 'PUBLIC',
      join_policy: 'OPEN',
      formats: ['PHONE', 'FORUM'],
      time_zone: 'Europe/London',
      anonymity_policy: 'ANONYMOUS',
      memberships: [
        { member: 'demo-sara', role: 'PEER_FACILITATOR', daysAgo: 160 },
        { member: 'demo-omar', daysAgo: 20 },
        { member: 'demo-ahmed', daysAgo: 65 },
        { member: 'demo-tom', daysAgo: 9 },
      ],
    },
  ],
};

const nour: DemoInstitution = {
  slug: 'nour',
  name: 'مستشفى النور',
  defaultLocale: 'ar',
  allowedOrigins: exampleSiteOrigins,
  members: [
    { externalId: 'demo-amal', displayName: 'أمل الحربي' },
    { externalId: 'demo-omar', displayName: 'عمر السالم' },
    { externalId: 'demo-sara', displayName: 'سارة القحطاني', bio: 'أعيش مع السكري منذ عشر سنوات، ومتطوعة في دعم الأقران.' },
    {
      externalId: 'demo-lina',
      displayName: 'لينا منصور',
      credential: 'أخصائية اجتماعية سريرية مرخّصة',
      bio: 'أخصائية اجتماعية في قسمي الأورام والسكري بمستشفى النور.',
    },
    { externalId: 'demo-admin', displayName: 'إدارة خدمات المرضى', admin: true },
    { externalId: 'demo-fatima', displayName: 'فاطمة الزهراني' },
    { externalId: 'demo-khalid', displayName: 'خالد العتيبي' },
    { externalId: 'demo-huda', displayName: 'هدى الشمري' },
    { externalId: 'demo-yousef', displayName: 'يوسف الدوسري' },
    { externalId: 'demo-mariam', displayName: 'مريم العمري' },
    { externalId: 'demo-reem', displayName: 'ريم الغامدي' },
    { externalId: 'demo-salem', displayName: 'سالم المطيري' },
  ],
  groups: [
    {
      slug: 'diabetes-support',
      name: 'مجموعة دعم مرضى السكري',
      description:
        'مساحة آمنة ودافئة لمرضى السكري من النوعين الأول والثاني وعائلاتهم. نتبادل التجارب حول التغذية والعلاج وقياس السكر، ' +
        'بإشراف أخصائية التثقيف الصحي في المستشفى.',
      topics: ['السكري', 'التغذية', 'الأمراض المزمنة'],
      languages: ['ar'],
      facilitation: 'PROFESSIONAL',
      visibility: 'PUBLIC',
      join_policy: 'APPROVAL',
      entry_questions: ['ما الذي تأمل أن تجده في المجموعة؟', 'هل تفضّل اللقاءات الحضورية أم النقاش عبر المنتدى؟'],
      capacity: 30,
      // Members may post anonymously; a professional facilitator handling a crisis report may reveal the author.
      anonymity_policy: 'ANONYMOUS_REVEALABLE_IN_CRISIS',
      formats: ['IN_PERSON', 'FORUM'],
      location: 'مستشفى النور، قاعة التثقيف الصحي، الطابق الثاني (الأحد، السابعة مساءً)',
      time_zone: 'Asia/Riyadh',
      guidelines: 'نحترم خصوصية بعضنا، ونشارك تجاربنا الشخصية لا النصائح الطبية، ونستشير الفريق الطبي قبل أي تغيير في العلاج.',
      memberships: [
        { member: 'demo-lina', role: 'PROFESSIONAL_FACILITATOR', daysAgo: 365 },
        { member: 'demo-sara', role: 'PEER_FACILITATOR', daysAgo: 300 },
        { member: 'demo-amal', daysAgo: 100 },
        { member: 'demo-fatima', pseudonym: 'نسمة هادئة ١٢', daysAgo: 80 },
        { member: 'demo-khalid', daysAgo: 55 },
        { member: 'demo-yousef', pseudonym: 'قمر صبور ٢٧', daysAgo: 10 },
        {
          member: 'demo-omar',
          status: 'PENDING',
          answers: ['شُخّصت حديثًا وأبحث عمّن مرّ بالتجربة نفسها.', 'أفضّل المنتدى في البداية.'],
          daysAgo: 2,
        },
      ],
    },
    {
      slug: 'grief-support',
      name: 'مجموعة الفقد والحزن',
      description:
        'لكل من فقد شخصًا عزيزًا. نستمع لبعضنا دون أحكام، ونتذكر أحبّتنا معًا، ونتعلم كيف نعيش مع الفقد خطوة بخطوة.',
      topics: ['الفقد', 'الحزن', 'الحداد'],
      languages: ['ar', 'en'],
      facilitation: 'PEER_LED',
      visibility: 'PUBLIC',
      join_policy: 'OPEN',
      formats: ['PHONE', 'FORUM'],
      time_zone: 'Asia/Riyadh',
      memberships: [
        { member: 'demo-sara', role: 'PEER_FACILITATOR', daysAgo: 220 },
        { member: 'demo-omar', daysAgo: 40 },
        { member: 'demo-huda', daysAgo: 75 },
        { member: 'demo-mariam', daysAgo: 18 },
      ],
    },
    {
      slug: 'recovery-journey',
      name: 'رحلة التعافي من الإدمان',
      description: 'مجموعة خاصة للمتعافين من الإدمان بإشراف معالج مختص. الخصوصية أولويتنا: يمكنك المشاركة باسم مستعار أو دون اسم.',
      topics: ['الإدمان', 'التعافي'],
      languages: ['ar'],
      facilitation: 'PROFESSIONAL',
      visibility: 'PRIVATE',
      join_policy: 'INVITE_ONLY',
      capacity: 12,
      formats: ['VIDEO'],
      time_zone: 'Asia/Riyadh',
      anonymity_policy: 'ANONYMOUS_REVEALABLE_IN_CRISIS',
      held_first_posts: 1,
      memberships: [
        { member: 'demo-lina', role: 'PROFESSIONAL_FACILITATOR', daysAgo: 150 },
        { member: 'demo-khalid', pseudonym: 'فجر', daysAgo: 90 },
        { member: 'demo-salem', pseudonym: 'مسافر', daysAgo: 33 },
      ],
    },
    {
      slug: 'new-mothers',
      name: 'أمهات بعد الولادة',
      description:
        'مجموعة للأمهات في السنة الأولى بعد الولادة: الرضاعة، وقلة النوم، والمشاعر المتقلبة، وكل ما يخطر ببالك. لا يوجد سؤال سخيف هنا.',
      topics: ['ما بعد الولادة', 'الأمومة', 'الرضاعة'],
      languages: ['ar'],
      facilitation: 'PEER_LED',
      visibility: 'UNLISTED',
      join_policy: 'OPEN',
      formats: ['FORUM'],
      time_zone: 'Asia/Riyadh',
      anonymity_policy: 'ANONYMOUS',
      memberships: [
        { member: 'demo-sara', role: 'PEER_FACILITATOR', daysAgo: 130 },
        { member: 'demo-amal', daysAgo: 60 },
        { member: 'demo-reem', daysAgo: 22 },
        { member: 'demo-mariam', daysAgo: 5 },
      ],
    },
    {
      slug: 'breast-cancer-survivors',
      name: 'ناجيات من سرطان الثدي',
      description:
        'لقاءات أسبوعية عبر الفيديو للناجيات من سرطان الثدي، تقودها أخصائية اجتماعية في قسم الأورام. نتحدث عن التعب، والخوف من ' +
        'عودة المرض، وصورة الجسد، والعودة إلى الحياة اليومية.',
      topics: ['السرطان', 'سرطان الثدي', 'الناجيات'],
      languages: ['ar'],
      facilitation: 'PROFESSIONAL',
      visibility: 'PUBLIC',
      join_policy: 'FEE',
      fee_description: 'رسوم رمزية قدرها ٥٠ ريالًا للدورة (ثمانية لقاءات)، ويمكن الإعفاء منها عند الحاجة.',
      capacity: 10,
      formats: ['VIDEO'],
      time_zone: 'Asia/Riyadh',
      memberships: [
        { member: 'demo-lina', role: 'PROFESSIONAL_FACILITATOR', daysAgo: 120 },
        { member: 'demo-huda', feeReceipt: 'NH-1447-0311', daysAgo: 45 },
        { member: 'demo-reem', feeReceipt: 'إعفاء', daysAgo: 30 },
        { member: 'demo-fatima', feeReceipt: 'NH-1447-0352', daysAgo: 12 },
      ],
    },
  ],
};

export const demoInstitutions: readonly DemoInstitution[] = [riverside, nour];
