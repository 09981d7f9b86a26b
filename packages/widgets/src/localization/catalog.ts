import { sharedFormatter } from './intl-formats.js';

/**
 * Messages are per component: each component folder declares its catalog in `*.messages.ts` and keeps the text
 * in `*.messages.en.ts` and `*.messages.ar.ts` (the Arabic typed against the English, so a string missing in
 * Arabic fails to compile). The texts of one language travel together in a pack (localization/packs/), loaded
 * when the first widget in that language needs it.
 */
export type Messages = object;

/**
 * The packs of strings: what the group page's widgets use, the finder's and the facilitators' queue's own, and
 * the writers' (the crisis help panel, fetched when a member starts writing rather than with every page), and the
 * joining strings (fetched by a group page whose reader is not a member).
 */
export type PackName = 'members' | 'finder' | 'facilitators' | 'writers' | 'joining';

/** A component's messages, looked up by `id` in its pack in the element's language. */
export interface Catalog<M extends Messages> {
  readonly id: string;
  readonly pack: PackName;
  /** Carries the messages' type only. */
  readonly messages?: M;
}

export function catalog<M extends Messages>(id: string, pack: PackName = 'members'): Catalog<M> {
  return { id, pack };
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
  const rule = sharedFormatter(`plural ${locale}`, () => new Intl.PluralRules(locale)).select(count);
  return (forms[rule] ?? forms.other).replace('{n}', formatNumber(locale, count));
}

/** A number in the locale's digits and grouping. */
export function formatNumber(locale: string, value: number): string {
  return sharedFormatter(`number ${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}
