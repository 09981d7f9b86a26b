import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { closestAcrossShadows } from '../configuration/closest-across-shadows.js';
import { catalogLanguage, directionOf, type Catalog, type Messages } from './catalog.js';

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

  /** This component's messages in the element's language. */
  messages<M extends Messages>(catalog: Catalog<M>): M {
    return catalog[catalogLanguage(this.locale)];
  }

  /** A date and time, e.g. "12 March 2026, 18:30", in the element's locale. */
  dateTime(value: string | Date): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
  }

  /** "3 hours ago", "أمس"; the date itself past a week. */
  relativeTime(value: string | Date, now = Date.now()): string {
    const seconds = (new Date(value).getTime() - now) / 1000;
    const format = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' });
    const size = Math.abs(seconds);
    if (size < 60) return format.format(0, 'second');
    if (size < 3600) return format.format(Math.round(seconds / 60), 'minute');
    if (size < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
    if (size < 7 * 86_400) return format.format(Math.round(seconds / 86_400), 'day');
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' }).format(new Date(value));
  }

  number(value: number): string {
    return new Intl.NumberFormat(this.locale).format(value);
  }

  /** "diabetes, nutrition and chronic illness" in the element's language. */
  list(values: readonly string[]): string {
    return new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(values);
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
