import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { closestAcrossShadows } from '../configuration/closest-across-shadows.js';
import { sharedFormatter } from './intl-formats.js';
import { catalogLanguage, directionOf, formatNumber, type Catalog, type Messages, type PackName, type SupportedLanguage } from './catalog.js';

type Pack = Record<string, Messages>;

/**
 * Strings travel in packs, one chunk per pack and language (localization/packs/): a page in one language never
 * loads the other, and only pages with a finder or the facilitators' queue load those widgets' strings.
 */
const packLoaders: Record<`${SupportedLanguage}/${PackName}`, () => Promise<{ default: Pack }>> = {
  'en/members': () => import('./packs/en.js'),
  'ar/members': () => import('./packs/ar.js'),
  'en/finder': () => import('./packs/finder.en.js'),
  'ar/finder': () => import('./packs/finder.ar.js'),
  'en/facilitators': () => import('./packs/facilitators.en.js'),
  'ar/facilitators': () => import('./packs/facilitators.ar.js'),
  'en/writers': () => import('./packs/writers.en.js'),
  'ar/writers': () => import('./packs/writers.ar.js'),
  'en/joining': () => import('./packs/joining.en.js'),
  'ar/joining': () => import('./packs/joining.ar.js'),
};
const packs = new Map<string, Pack>();
const loadingPacks = new Map<string, Promise<void>>();

/**
 * Loads a pack of strings in a language (once). The script-tag entry asks for the members' pack in the page's
 * language as soon as it runs, so the strings arrive alongside the elements' code instead of after it.
 */
export function loadLanguage(locale: string, pack: PackName = 'members'): Promise<void> {
  const key = `${catalogLanguage(locale)}/${pack}` as const;
  if (packs.has(key)) return Promise.resolve();
  let loading = loadingPacks.get(key);
  if (!loading) {
    loading = packLoaders[key]().then(
      (module) => {
        packs.set(key, module.default);
      },
      (error: unknown) => {
        // Tried again by the next element that needs it (after a network failure, say).
        loadingPacks.delete(key);
        throw error;
      },
    );
    loadingPacks.set(key, loading);
  }
  return loading;
}

interface Resolved {
  locale: string;
  dir: 'ltr' | 'rtl';
}

/** Every connected controller, re-resolved when any `lang` or `dir` on the page changes. */
const controllers = new Set<LocaleController>();
let pageObserver: MutationObserver | undefined;

function observePage(): void {
  if (pageObserver || typeof MutationObserver === 'undefined') return;
  pageObserver = new MutationObserver(() => {
    for (const controller of controllers) controller.resolve();
  });
  pageObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
}

/**
 * The locale and direction of one element, never of the page: two widgets on one page may speak different
 * languages. In order: the element's `locale` attribute, the nearest `lang` on it or an ancestor (across shadow
 * roots), the configured locale, the browser's language. The direction follows an explicit `locale`; otherwise
 * the nearest `dir` on the page, otherwise the language's own.
 */
export class LocaleController implements ReactiveController {
  locale = 'en';
  dir: 'ltr' | 'rtl' = 'ltr';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly preferences: () => { locale?: string | undefined; configuredLocale?: string | undefined },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    observePage();
    this.resolve();
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  hostUpdate(): void {
    // An attribute of the element itself (its `locale`) may have changed in this update.
    this.resolve(false);
  }

  /** Recomputes locale and direction; asks for a render when either changed. */
  resolve(requestUpdate = true): void {
    const next = this.#compute();
    if (next.locale === this.locale && next.dir === this.dir) return;
    this.locale = next.locale;
    this.dir = next.dir;
    if (requestUpdate) this.host.requestUpdate();
  }

  /** Whether these packs are loaded in the element's language (HearthElement renders its content only then). */
  isReady(packNames: readonly PackName[]): boolean {
    const language = catalogLanguage(this.locale);
    return packNames.every((pack) => packs.has(`${language}/${pack}`));
  }

  /** Resolves when these packs are loaded in the element's language. */
  async whenReady(packNames: readonly PackName[]): Promise<void> {
    await Promise.all(packNames.map((pack) => loadLanguage(this.locale, pack)));
  }

  /** This component's messages in the element's language; only once `whenReady()` has resolved. */
  messages<M extends Messages>(catalog: Catalog<M>): M {
    // Should an event arrive before this element's language did, another language's strings beat no words at all.
    const messages =
      packs.get(`${catalogLanguage(this.locale)}/${catalog.pack}`)?.[catalog.id] ??
      [...packs.entries()].find(([key]) => key.endsWith(`/${catalog.pack}`))?.[1][catalog.id];
    if (!messages) throw new Error(`Hearth: the "${catalog.id}" strings were read before any language was loaded.`);
    return messages as M;
  }

  /** A date and time, e.g. "12 March 2026, 18:30", in the element's locale. */
  dateTime(value: string | Date): string {
    return this.#dates('medium', 'short').format(new Date(value));
  }

  /**
   * A day, e.g. "2 Dec 2026": for the times the API gives at day precision (another member's joinedAt or
   * requestedAt is the UTC day at 00:00, so nothing can be lined up with an anonymous post). Read in UTC, so the
   * day shown is the day the API meant whatever the reader's time zone; never "3 hours ago".
   */
  day(value: string | Date): string {
    return sharedFormatter(`day ${this.locale}`, () => new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(new Date(value));
  }

  /** "3 hours ago", "أمس"; the date itself past a week. */
  relativeTime(value: string | Date, now = Date.now()): string {
    const seconds = (new Date(value).getTime() - now) / 1000;
    const format = sharedFormatter(`relative ${this.locale}`, () => new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' }));
    const size = Math.abs(seconds);
    if (size < 60) return format.format(0, 'second');
    if (size < 3600) return format.format(Math.round(seconds / 60), 'minute');
    if (size < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
    if (size < 7 * 86_400) return format.format(Math.round(seconds / 86_400), 'day');
    return this.#dates('medium').format(new Date(value));
  }

  /** "Arabic" / "العربية" for `ar`, in the element's language (one formatter per locale, shared). */
  languageName(code: string): string {
    return sharedFormatter(`language ${this.locale}`, () => new Intl.DisplayNames([this.locale], { type: 'language' })).of(code) ?? code;
  }

  number(value: number): string {
    return formatNumber(this.locale, value);
  }

  /** "diabetes, nutrition and chronic illness" in the element's language. */
  list(values: readonly string[]): string {
    return sharedFormatter(`list ${this.locale}`, () => new Intl.ListFormat(this.locale, { type: 'conjunction' })).format(values);
  }

  /** A date formatter in the element's locale, with or without the time. */
  #dates(dateStyle: 'medium' | 'long', timeStyle?: 'short'): Intl.DateTimeFormat {
    return sharedFormatter(`date ${this.locale} ${dateStyle} ${timeStyle}`, () => new Intl.DateTimeFormat(this.locale, { dateStyle, timeStyle }));
  }

  #compute(): Resolved {
    const { locale: own, configuredLocale } = this.preferences();
    if (own) return { locale: own, dir: directionOf(own) };
    const langHolder = closestAcrossShadows(this.host, '[lang]:not([lang=""])');
    const locale = langHolder?.getAttribute('lang') ?? configuredLocale ?? (typeof navigator === 'undefined' ? 'en' : navigator.language) ?? 'en';
    const dirHolder = closestAcrossShadows(this.host, '[dir="ltr"], [dir="rtl"]');
    const pageDir = dirHolder?.getAttribute('dir');
    // A `dir` set further out than the nearest `lang` belongs to another language (an Arabic widget on an
    // English page): then the language's own direction applies.
    const dirApplies = dirHolder && pageDir && (!langHolder || isInside(dirHolder, langHolder));
    return { locale, dir: dirApplies ? (pageDir as 'ltr' | 'rtl') : directionOf(locale) };
  }
}

/** Whether `inner` sits inside `outer`, crossing shadow roots. */
function isInside(inner: Element, outer: Element): boolean {
  let node: Node | null = inner;
  while (node) {
    if (node === outer) return true;
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return false;
}
