import type { NewCrisisResource } from '../modules/crisis-resources/crisis-resource.queries.js';

/**
 * Each demo hospital's own crisis resources, in both its languages, for the country its site names: Riverside is in
 * London (020 switchboard, A&E, "call 999", £ fees, Europe/London), مستشفى النور in Saudi Arabia ("911", riyal fees,
 * Asia/Riyadh). Without them a reader fell back to Hearth's international list, which puts the US 988 line first
 * beside a site that says "call 999". The emergency number comes first in every list, as on the site.
 *
 * Only well-known public numbers, checked when written:
 * - UK: 999 emergency; Samaritans 116 123 (free, 24 hours, samaritans.org); Shout, text SHOUT to 85258 (free, 24
 *   hours, giveusashout.org); NHS 111 for urgent help in England, with a mental health option (111.nhs.uk).
 * - Saudi Arabia: 911, the unified emergency number (the same number the Arabic site shows); 997 Saudi Red Crescent
 *   ambulance; 937, the Ministry of Health's 24-hour call centre for medical advice and referral (moh.gov.sa); 920033360, the
 *   psychological support line of the National Center for Mental Health Promotion (ncmh.org.sa). 920 numbers are
 *   charged as ordinary calls, so no resource calls it free.
 * Shout takes texts only; its words say "text", so the widgets offer an sms: link beside the number.
 */
export const demoCrisisResources: Readonly<Record<string, Readonly<Record<string, readonly NewCrisisResource[]>>>> = {
  riverside: {
    en: [
      {
        name: 'Emergency services (999)',
        phone: '999',
        url: null,
        description: 'If you are in danger now or have seriously hurt yourself, call 999 or go to your nearest A&E.',
      },
      {
        name: 'Samaritans',
        phone: '116 123',
        url: 'https://www.samaritans.org',
        description: 'Call 116 123 free, day or night, to talk to someone who will listen.',
      },
      {
        name: 'Shout',
        phone: '85258',
        url: 'https://giveusashout.org',
        description: 'Text SHOUT to 85258, free and any time, to reach a trained volunteer.',
      },
      {
        name: 'NHS 111',
        phone: '111',
        url: 'https://111.nhs.uk',
        description: 'Urgent help that is not an emergency: call 111 and choose the mental health option.',
      },
    ],
    ar: [
      {
        name: 'خدمات الطوارئ (999)',
        phone: '999',
        url: null,
        description: 'إذا كنت في خطر الآن أو آذيت نفسك إيذاءً شديدًا، فاتصل بالرقم 999 أو توجّه إلى أقرب قسم طوارئ.',
      },
      {
        name: 'جمعية السامريين (Samaritans)',
        phone: '116 123',
        url: 'https://www.samaritans.org',
        description: 'اتصل مجانًا بالرقم 116 123 في أي وقت ليلًا أو نهارًا لتتحدث مع من يصغي إليك. الخدمة باللغة الإنجليزية.',
      },
      {
        name: 'خدمة Shout',
        phone: '85258',
        url: 'https://giveusashout.org',
        description: 'أرسل رسالة نصية بكلمة SHOUT إلى الرقم 85258 مجانًا وفي أي وقت لتصل إلى متطوع مدرَّب. الخدمة باللغة الإنجليزية.',
      },
      {
        name: 'خدمة NHS 111',
        phone: '111',
        url: 'https://111.nhs.uk',
        description: 'للمساعدة العاجلة في غير حالات الطوارئ: اتصل بالرقم 111 واختر خيار الصحة النفسية.',
      },
    ],
  },
  nour: {
    ar: [
      {
        name: 'الطوارئ (911)',
        phone: '911',
        url: null,
        description: 'إذا كنت في خطر الآن أو آذيت نفسك، فاتصل بالرقم الموحّد للطوارئ 911 أو توجّه إلى أقرب قسم طوارئ.',
      },
      {
        name: 'الهلال الأحمر السعودي (الإسعاف)',
        phone: '997',
        url: null,
        description: 'لطلب سيارة إسعاف.',
      },
      {
        name: 'مركز 937 لوزارة الصحة',
        phone: '937',
        url: 'https://www.moh.gov.sa',
        description: 'استشارات طبية من وزارة الصحة على مدار الساعة، وتوجيه إلى الخدمة المناسبة.',
      },
      {
        name: 'المركز الوطني لتعزيز الصحة النفسية',
        phone: '920033360',
        url: 'https://ncmh.org.sa',
        description: 'خط للدعم والاستشارات النفسية.',
      },
    ],
    en: [
      {
        name: 'Emergency (911)',
        phone: '911',
        url: null,
        description: 'If you are in danger now or have hurt yourself, call 911, the unified emergency number, or go to your nearest emergency department.',
      },
      {
        name: 'Saudi Red Crescent (ambulance)',
        phone: '997',
        url: null,
        description: 'To call an ambulance.',
      },
      {
        name: 'Ministry of Health 937',
        phone: '937',
        url: 'https://www.moh.gov.sa',
        description: 'Medical advice from the Ministry of Health at any hour, and referral to the right service.',
      },
      {
        name: 'National Center for Mental Health Promotion',
        phone: '920033360',
        url: 'https://ncmh.org.sa',
        description: 'A line for psychological support and counselling.',
      },
    ],
  },
};
