/**
 * The site in its two languages. Each language version is a different (fictional) hospital, as in Hearth's demo
 * data: the English pages are Riverside Hospital, the Arabic pages مستشفى النور, each with its own people.
 */

/** Someone the demo sign-in lets you be: one of the hospital's own users, known to Hearth by `externalId`. */
export interface SiteUser {
  externalId: string;
  name: string;
  /** A line under the name on the sign-in page: who this person is in the groups. */
  about: string;
  /** Staff and facilitators are listed apart from patients and families. */
  staff?: boolean;
  /** Hospital staff who administer the support groups: the token says so with `roles: ['institution_admin']`. */
  admin?: boolean;
}

export interface SiteText {
  skipToContent: string;
  department: string;
  emergencyLine: string;
  /** The hospital's main phone line, where the page shows one. */
  switchboard?: string;
  navGroups: string;
  navFacilitators: string;
  languageSwitch: { label: string; lang: string };
  signIn: string;
  signedInAs: string;
  signOut: string;
  home: {
    title: string;
    eyebrow: string;
    heading: string;
    lead: string;
    points: string[];
    findIntro: string;
    howHeading: string;
    howSteps: Array<{ title: string; text: string }>;
  };
  group: { title: string; breadcrumb: string; current: string; asideHeading: string; asideText: string };
  facilitators: { title: string; heading: string; intro: string; signedOutHint: string; guidanceHeading: string; guidance: string[] };
  signInPage: { title: string; heading: string; intro: string; patients: string; staff: string; signedInNote: string };
  crisis: { heading: string; text: string };
  notFound: { title: string; heading: string; text: string; back: string };
  footer: { address: string[]; links: string; demoNotice: string; poweredBy: string };
  scriptFailed: string;
}

export interface Edition {
  lang: 'en' | 'ar';
  dir: 'ltr' | 'rtl';
  /** Hearth's institution slug, the `iss` of this edition's tokens. */
  institution: 'riverside' | 'nour';
  hospitalName: string;
  /** '' for English at the root, '/ar' for Arabic. */
  basePath: '' | '/ar';
  users: SiteUser[];
  text: SiteText;
}

/** What tells the editions apart: their hospital, people and words. Direction and path follow from the language. */
type EditionParts = Omit<Edition, 'lang' | 'dir' | 'basePath'>;

function edition(lang: Edition['lang'], parts: EditionParts): Edition {
  // English is the site's root; Arabic reads right to left and lives under /ar.
  return lang === 'ar' ? { lang, dir: 'rtl', basePath: '/ar', ...parts } : { lang, dir: 'ltr', basePath: '', ...parts };
}

const english = edition('en', {
  institution: 'riverside',
  hospitalName: 'Riverside Hospital',
  users: [
    { externalId: 'demo-amal', name: 'Amal Haddad', about: 'Member of the Type 2 Diabetes Support Circle, the Grief and Loss Circle and others' },
    { externalId: 'demo-omar', name: 'Omar Farouk', about: 'Has applied to the Type 2 Diabetes Support Circle and is waiting for approval' },
    { externalId: 'demo-james', name: 'James Okafor', about: 'Member of the Type 2 Diabetes Support Circle and Recovery Together' },
    { externalId: 'demo-grace', name: 'Grace Miller', about: 'Member of the Grief and Loss Circle and Life After Cancer' },
    { externalId: 'demo-ahmed', name: 'Ahmed Karim', about: 'Member of the Grief and Loss Circle and Living with Chronic Pain' },
    { externalId: 'demo-sara', name: 'Sara Whitfield', about: 'Peer facilitator (volunteer): diabetes, dementia carers, chronic pain', staff: true },
    { externalId: 'demo-lina', name: 'Lina Mansour', about: 'Professional facilitator, LCSW: grief, life after cancer, new parents', staff: true },
    { externalId: 'demo-admin', name: 'Jordan Blake', about: 'Patient support services coordinator (institution admin)', staff: true, admin: true },
  ],
  text: {
    skipToContent: 'Skip to main content',
    department: 'Patient Support Services',
    emergencyLine: 'In an emergency call 999',
    switchboard: 'Switchboard 020 7946 0000',
    navGroups: 'Support groups',
    navFacilitators: 'For facilitators',
    languageSwitch: { label: 'العربية', lang: 'ar' },
    signIn: 'Sign in',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    home: {
      title: 'Support groups',
      eyebrow: 'Patient Support Services',
      heading: 'You don’t have to face it alone',
      lead:
        'Our support groups bring together people living with the same illness, loss or challenge, and the people who care ' +
        'for them. Some are led by trained volunteers who have been there themselves; others by our social workers, ' +
        'psychologists and chaplains.',
      points: ['Online, and in person at the hospital', 'Led by peers or by our professional staff', 'Post under a pseudonym, or anonymously where the group allows it'],
      findIntro:
        'Search by topic, language or how a group meets. You can read open groups without signing in; to join a group or ' +
        'post, sign in with your Riverside patient account.',
      howHeading: 'How joining works',
      howSteps: [
        { title: 'Find a group', text: 'Read its description and guidelines, and see who leads it.' },
        { title: 'Ask to join', text: 'Some groups ask a few questions first; a facilitator reads your answers and replies, usually within two days.' },
        { title: 'Take part', text: 'Read, post, reply and thank others at your own pace. Listening is taking part too.' },
      ],
    },
    group: {
      title: 'Support group',
      breadcrumb: 'Support groups',
      current: 'Group',
      asideHeading: 'About our groups',
      asideText:
        'Groups are a place to share experience, not medical advice. Talk to your care team before changing any treatment. ' +
        'Facilitators read reports every day.',
    },
    facilitators: {
      title: 'For facilitators',
      heading: 'For group facilitators',
      intro:
        'Reports from members and first posts held for review appear here, crisis reports first. Every action you take is ' +
        'recorded in the group’s audit log, with the reason you give.',
      signedOutHint: 'Sign in as a facilitator (in this demo: Sara Whitfield or Lina Mansour) to see your queue.',
      guidanceHeading: 'Good practice',
      guidance: [
        'If a member may be at risk, contact them and follow the safeguarding procedure before anything else.',
        'Hide first, decide later: a hidden post can be restored.',
        'Questions? The patient support team is on extension 4410.',
      ],
    },
    signInPage: {
      title: 'Sign in',
      heading: 'Demo sign-in: pick who you are',
      intro:
        'On a real hospital site this would be your patient portal login. In this demo, pick a person: the site signs you in ' +
        'with a cookie, and its own server vouches for you to the support groups with a short-lived token.',
      patients: 'Patients and families',
      staff: 'Facilitators and staff',
      signedInNote: 'You are signed in as',
    },
    crisis: {
      heading: 'Need help now?',
      text: 'If you are in danger or thinking about harming yourself, call 999 or go to your nearest A&E. Samaritans are there day or night, free, on 116 123.',
    },
    notFound: {
      title: 'Page not found',
      heading: 'We couldn’t find that page',
      text: 'The link may be out of date, or the page may have moved.',
      back: 'Back to support groups',
    },
    footer: {
      address: ['Riverside Hospital', 'Patient Support Services, Level 2, Main Building'],
      links: 'Support groups',
      demoNotice: 'A demonstration site for Hearth. Riverside Hospital and everyone in it are fictional.',
      poweredBy: 'Support groups powered by Hearth, open-source software.',
    },
    scriptFailed: 'The support group tools could not be loaded. Please try again later.',
  },
});

const arabic = edition('ar', {
  institution: 'nour',
  hospitalName: 'مستشفى النور',
  users: [
    { externalId: 'demo-amal', name: 'أمل الحربي', about: 'عضوة في مجموعة دعم مرضى السكري ومجموعة أمهات بعد الولادة' },
    { externalId: 'demo-omar', name: 'عمر السالم', about: 'قدّم طلب انضمام إلى مجموعة دعم مرضى السكري وينتظر الموافقة' },
    { externalId: 'demo-fatima', name: 'فاطمة الزهراني', about: 'عضوة في مجموعة دعم مرضى السكري ومجموعة ناجيات من سرطان الثدي' },
    { externalId: 'demo-khalid', name: 'خالد العتيبي', about: 'عضو في مجموعة دعم مرضى السكري' },
    { externalId: 'demo-yousef', name: 'يوسف الدوسري', about: 'عضو جديد في مجموعة دعم مرضى السكري' },
    { externalId: 'demo-huda', name: 'هدى الشمري', about: 'عضوة في مجموعة الفقد والحزن، وليست في مجموعة السكري' },
    { externalId: 'demo-mariam', name: 'مريم العمري', about: 'عضوة في مجموعة الفقد والحزن ومجموعة أمهات بعد الولادة' },
    { externalId: 'demo-reem', name: 'ريم الغامدي', about: 'عضوة في مجموعة أمهات بعد الولادة' },
    { externalId: 'demo-salem', name: 'سالم المطيري', about: 'عضو في مجموعة رحلة التعافي' },
    { externalId: 'demo-sara', name: 'سارة القحطاني', about: 'ميسّرة أقران متطوعة: السكري، الفقد والحزن، أمهات بعد الولادة', staff: true },
    { externalId: 'demo-lina', name: 'لينا منصور', about: 'ميسّرة مختصة، أخصائية اجتماعية سريرية: السكري، التعافي، سرطان الثدي', staff: true },
    { externalId: 'demo-admin', name: 'إدارة خدمات المرضى', about: 'مسؤول مجموعات الدعم في المستشفى', staff: true, admin: true },
  ],
  text: {
    skipToContent: 'انتقل إلى المحتوى الرئيسي',
    department: 'خدمات دعم المرضى',
    emergencyLine: 'للطوارئ اتصل بالرقم 911',
    navGroups: 'مجموعات الدعم',
    navFacilitators: 'للميسّرين',
    languageSwitch: { label: 'English', lang: 'en' },
    signIn: 'تسجيل الدخول',
    signedInAs: 'مسجَّل الدخول باسم',
    signOut: 'تسجيل الخروج',
    home: {
      title: 'مجموعات الدعم',
      eyebrow: 'خدمات دعم المرضى',
      heading: 'لست وحدك في هذه الرحلة',
      lead:
        'تجمع مجموعات الدعم في مستشفى النور أشخاصًا يعيشون المرض نفسه أو الفقد نفسه أو التحدي نفسه، ومن يرعونهم. بعضها ' +
        'يقودها متطوعون مدرَّبون مرّوا بالتجربة ذاتها، وبعضها يشرف عليها أخصائيونا الاجتماعيون والنفسيون.',
      points: ['لقاءات حضورية في المستشفى ونقاشات عبر الإنترنت', 'بقيادة الأقران أو بإشراف مختصين من المستشفى', 'شارك باسم مستعار، أو دون ذكر اسمك حيث تسمح المجموعة'],
      findIntro:
        'ابحث حسب الموضوع أو اللغة أو طريقة اللقاء. يمكنك قراءة المجموعات المفتوحة دون تسجيل الدخول، وللانضمام إلى مجموعة ' +
        'أو المشاركة فيها سجّل الدخول بحسابك في بوابة المرضى.',
      howHeading: 'كيف تنضم إلى مجموعة',
      howSteps: [
        { title: 'اختر مجموعة', text: 'اقرأ وصفها وإرشاداتها، وتعرّف على من يقودها.' },
        { title: 'اطلب الانضمام', text: 'بعض المجموعات تطرح أسئلة قصيرة أولًا، يقرأ الميسّر إجاباتك ويردّ عليك عادةً خلال يومين.' },
        { title: 'شارك', text: 'اقرأ واكتب وردّ واشكر الآخرين على راحتك. الإصغاء مشاركة أيضًا.' },
      ],
    },
    group: {
      title: 'مجموعة دعم',
      breadcrumb: 'مجموعات الدعم',
      current: 'المجموعة',
      asideHeading: 'عن مجموعاتنا',
      asideText:
        'المجموعات مساحة لتبادل التجارب لا للنصائح الطبية. استشر فريقك الطبي قبل أي تغيير في العلاج. يطّلع الميسّرون على البلاغات يوميًا.',
    },
    facilitators: {
      title: 'للميسّرين',
      heading: 'صفحة ميسّري المجموعات',
      intro:
        'تظهر هنا بلاغات الأعضاء والمشاركات الأولى المعلّقة للمراجعة، وبلاغات الأزمات أولًا. كل إجراء تتخذه يُسجَّل في سجلّ ' +
        'المجموعة مع السبب الذي تذكره.',
      signedOutHint: 'سجّل الدخول بصفة ميسّر (في هذا العرض: سارة القحطاني أو لينا منصور) لترى قائمة المراجعة.',
      guidanceHeading: 'ممارسات جيدة',
      guidance: [
        'إذا كان أحد الأعضاء في خطر، فتواصل معه واتبع إجراءات الحماية قبل أي شيء آخر.',
        'أخفِ أولًا ثم قرّر: يمكن استعادة المشاركة المخفية.',
        'لأي استفسار تواصل مع فريق دعم المرضى على التحويلة 4410.',
      ],
    },
    signInPage: {
      title: 'تسجيل الدخول',
      heading: 'تسجيل دخول تجريبي: اختر من أنت',
      intro:
        'في موقع مستشفى حقيقي تكون هذه صفحة الدخول إلى بوابة المرضى. في هذا العرض التجريبي اختر شخصًا: يسجّل الموقع دخولك ' +
        'بملف تعريف ارتباط، ثم يشهد خادم الموقع بهويتك لمجموعات الدعم برمز قصير الأجل.',
      patients: 'المرضى وذووهم',
      staff: 'الميسّرون والموظفون',
      signedInNote: 'أنت مسجَّل الدخول باسم',
    },
    crisis: {
      heading: 'هل تحتاج إلى مساعدة الآن؟',
      text: 'إذا كنت في خطر أو تفكّر في إيذاء نفسك، فاتصل بالطوارئ على الرقم 911 أو توجّه إلى أقرب قسم طوارئ فورًا.',
    },
    notFound: {
      title: 'الصفحة غير موجودة',
      heading: 'لم نجد هذه الصفحة',
      text: 'ربما تغيّر الرابط أو نُقلت الصفحة.',
      back: 'العودة إلى مجموعات الدعم',
    },
    footer: {
      address: ['مستشفى النور', 'خدمات دعم المرضى، الطابق الثاني، المبنى الرئيسي'],
      links: 'مجموعات الدعم',
      demoNotice: 'موقع تجريبي لمنصة Hearth. مستشفى النور وكل من فيه من نسج الخيال.',
      poweredBy: 'مجموعات الدعم مقدَّمة عبر Hearth، برنامج مفتوح المصدر.',
    },
    scriptFailed: 'تعذّر تحميل أدوات مجموعات الدعم. يُرجى المحاولة لاحقًا.',
  },
});

export const editions = { en: english, ar: arabic } as const;

/** The edition a path belongs to, and the path within it (`/ar/groups/x` → Arabic, `/groups/x`). */
export function editionOfPath(pathname: string): { edition: Edition; path: string } {
  const base = arabic.basePath;
  if (pathname === base || pathname.startsWith(`${base}/`)) return { edition: arabic, path: pathname.slice(base.length) || '/' };
  return { edition: english, path: pathname };
}

/** A path of this edition's pages (`/groups/x` → `/ar/groups/x` in Arabic). */
export function pathIn(edition: Edition, path: string): string {
  return `${edition.basePath}${path}`;
}

export function editionOfInstitution(slug: string): Edition | undefined {
  return Object.values(editions).find((edition) => edition.institution === slug);
}
