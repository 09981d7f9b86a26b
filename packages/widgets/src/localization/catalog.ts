/**
 * Messages are per component: each component folder has a `*.messages.ts` with an English catalog and an
 * Arabic one typed against it, so a string missing in Arabic fails to compile.
 */

export type Messages = object;

/** A component's messages in every language the widgets speak; English is the fallback. */
export interface Catalog<M extends Messages> {
  en: M;
  ar: M;
}

export const supportedLanguages = ['en', 'ar'] as const;
export type SupportedLanguage = (typeof supportedLanguages)[number];

/** The catalog language for a BCP 47 tag: `ar-EG` → `ar`; anything unsupported → `en`. */
export function catalogLanguage(locale: string): SupportedLanguage {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return (supportedLanguages as readonly string[]).includes(language ?? '') ? (language as SupportedLanguage) : 'en';
}

const rightToLeftLanguages = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'ckb', 'dv']);

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return rightToLeftLanguages.has(locale.toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';
}

/** Plural forms by CLDR category (Arabic uses all six). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Picks the plural form for `count` and puts the localized number in place of `{n}`. */
export function plural(locale: string, count: number, forms: PluralForms): string {
  const rule = new Intl.PluralRules(locale).select(count);
  return (forms[rule] ?? forms.other).replace('{n}', new Intl.NumberFormat(locale).format(count));
}
