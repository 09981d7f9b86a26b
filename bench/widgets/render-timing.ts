import type { Browser, BrowserContext } from 'playwright-core';
import { reportPrefix, type PageReport } from './benchmark-pages.js';

export type PageKind = 'widget' | 'baseline';
/** `cold`: a new browser context, so an empty HTTP cache; `warm`: the page's second load in its context. */
export type CacheState = 'cold' | 'warm';

/** Where a page is and what it loads. */
export interface PageTarget {
  url: string;
  /** The hearth.js the widget page loads (the baseline loads no script). */
  scriptUrl: string;
  graphqlUrl: string;
}

/** One measured page load; every time in ms since the page's clock started (see benchmark-pages.ts). */
export interface PageLoad {
  page: PageKind;
  cache: CacheState;
  /**
   * The first group card in the DOM: the figure compared. From the page's clock (an inline script before the
   * widget's script tag, or before the baseline's fetch), or from the start of the hearth.js request if earlier.
   */
  firstCardMs: number;
  /** hearth.js fully received (widget page only). */
  scriptLoadedMs: number | null;
  /** hearth.js has run: the element is defined (widget page only). */
  definedMs: number | null;
  /** The GraphQL fetch started (its CORS preflight, when one is needed, comes after). */
  querySentMs: number | null;
  /** The GraphQL answer fully received. */
  answerInMs: number | null;
  /** Cards on the page when the first appeared. */
  cards: number;
  /** Bodies of the GraphQL POSTs the page sent, to check both pages ask for the same thing. */
  graphqlBodies: string[];
  /** Bundle files (`/widgets/…`) that reached a server during the load: none when the cache served them. */
  bundleRequests: string[];
}

export interface RenderRunSettings {
  /** Measured loads of each page in each cache state. */
  runs: number;
  /** Bundle files that reached a server since the last call. */
  takeBundleRequests: () => string[];
  log?: (line: string) => void;
}

const viewport = { width: 1280, height: 900 };
const pageTimeoutMs = 30_000;

/** Loads `target` in a new tab of `context` and waits for the page's report of its first card. */
async function loadPage(context: BrowserContext, target: PageTarget, kind: PageKind, cache: CacheState, settings: RenderRunSettings): Promise<PageLoad> {
  const page = await context.newPage();
  try {
    const graphqlBodies: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url() === target.graphqlUrl) graphqlBodies.push(request.postData() ?? '');
    });
    // The page reports through the console once its first card is in, so nothing polls it while it loads.
    const reported = new Promise<PageReport>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${target.url} showed no group card within ${pageTimeoutMs / 1000} s`)), pageTimeoutMs);
      page.on('console', (message) => {
        const text = message.text();
        if (!text.startsWith(reportPrefix)) return;
        clearTimeout(timer);
        resolve(JSON.parse(text.slice(reportPrefix.length)) as PageReport);
      });
    });
    settings.takeBundleRequests();
    await page.goto(target.url, { waitUntil: 'commit' });
    const report = await reported;
    if (report.error) throw new Error(`${target.url} failed: ${report.error}`);
    const script = kind === 'widget' ? report.resources.find((entry) => entry.name === target.scriptUrl) : undefined;
    const query = report.resources.find((entry) => entry.name === target.graphqlUrl && entry.initiatorType === 'fetch');
    // Chromium's preload scanner may request hearth.js before the parser runs the clock's inline script (from the
    // cache, it may even have it already): the widget's time starts at whichever came first.
    const start = Math.min(report.start, script?.startTime ?? Number.POSITIVE_INFINITY);
    const since = (time: number | undefined) => (time === undefined ? null : time - start);
    return {
      page: kind,
      cache,
      firstCardMs: report.card - start,
      scriptLoadedMs: script ? since(script.responseEnd) : null,
      definedMs: since(report.defined),
      querySentMs: since(query?.startTime),
      answerInMs: since(query?.responseEnd),
      cards: report.cards,
      graphqlBodies,
      bundleRequests: settings.takeBundleRequests(),
    };
  } finally {
    await page.close();
  }
}

/** A load in a context of its own: nothing cached, no connection open, no CORS preflight remembered. */
async function coldLoad(browser: Browser, target: PageTarget, kind: PageKind, settings: RenderRunSettings): Promise<PageLoad> {
  const context = await browser.newContext({ viewport });
  try {
    return await loadPage(context, target, kind, 'cold', settings);
  } finally {
    await context.close();
  }
}

/**
 * The page loaded once (not measured), then again in the same context: a returning visitor. hearth.js (cached for
 * 5 minutes) comes from the HTTP cache, the CORS preflight from the preflight cache (10 minutes), and the
 * connections may still be open. The baseline gets the same second chance.
 */
async function warmLoad(browser: Browser, target: PageTarget, kind: PageKind, settings: RenderRunSettings): Promise<PageLoad> {
  const context = await browser.newContext({ viewport });
  try {
    await loadPage(context, target, kind, 'warm', settings);
    return await loadPage(context, target, kind, 'warm', settings);
  } finally {
    await context.close();
  }
}

/**
 * Each page `runs` times cold, then `runs` times warm, the two pages alternating which goes first, after one
 * unmeasured load of each (Chromium's first pages and the server's first requests are slower).
 */
export async function measureRenderTimes(browser: Browser, targets: Record<PageKind, PageTarget>, settings: RenderRunSettings): Promise<PageLoad[]> {
  const log = settings.log ?? (() => {});
  const kinds: PageKind[] = ['widget', 'baseline'];
  log('warming up: one load of each page, not counted…');
  for (const kind of kinds) await coldLoad(browser, targets[kind], kind, settings);
  const loads: PageLoad[] = [];
  for (const [cache, load] of [
    ['cold', coldLoad],
    ['warm', warmLoad],
  ] as const) {
    log(`${settings.runs} ${cache}-cache load${settings.runs === 1 ? '' : 's'} of each page…`);
    for (let run = 0; run < settings.runs; run += 1) {
      for (const kind of run % 2 === 0 ? kinds : [...kinds].reverse()) loads.push(await load(browser, targets[kind], kind, settings));
    }
  }
  return loads;
}

/** The median (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The nearest-rank percentile: the smallest value at least `share` of the values are at or below. */
export function percentile(values: number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)]!;
}

export interface RenderSummary {
  page: PageKind;
  cache: CacheState;
  loads: number;
  medianMs: number;
  p90Ms: number;
  minMs: number;
  /** Medians of when each step ended (null when the page has no such step). */
  scriptLoadedMs: number | null;
  definedMs: number | null;
  querySentMs: number | null;
  answerInMs: number | null;
}

export function summarizeLoads(loads: PageLoad[]): RenderSummary[] {
  const summaries: RenderSummary[] = [];
  for (const cache of ['cold', 'warm'] as const) {
    for (const page of ['widget', 'baseline'] as const) {
      const these = loads.filter((load) => load.page === page && load.cache === cache);
      if (these.length === 0) continue;
      const times = these.map((load) => load.firstCardMs);
      const step = (pick: (load: PageLoad) => number | null) => {
        const values = these.map(pick).filter((value): value is number => value !== null);
        return values.length === 0 ? null : median(values);
      };
      summaries.push({
        page,
        cache,
        loads: these.length,
        medianMs: median(times),
        p90Ms: percentile(times, 0.9),
        minMs: Math.min(...times),
        scriptLoadedMs: step((load) => load.scriptLoadedMs),
        definedMs: step((load) => load.definedMs),
        querySentMs: step((load) => load.querySentMs),
        answerInMs: step((load) => load.answerInMs),
      });
    }
  }
  return summaries;
}

/** Widget over baseline, median against median, per cache state (the headline figure). */
export function widgetToBaseline(summaries: RenderSummary[], cache: CacheState): { ratio: number; extraMs: number } | null {
  const widget = summaries.find((summary) => summary.page === 'widget' && summary.cache === cache);
  const baseline = summaries.find((summary) => summary.page === 'baseline' && summary.cache === cache);
  if (!widget || !baseline) return null;
  return { ratio: widget.medianMs / baseline.medianMs, extraMs: widget.medianMs - baseline.medianMs };
}

export function formatRenderTable(summaries: RenderSummary[]): string {
  const header = ['page', 'cache', 'loads', 'median ms', 'p90 ms', 'min ms', 'script in', 'defined', 'query sent', 'answer in'];
  const ms = (value: number | null) => (value === null ? '-' : value.toFixed(1));
  const lines = summaries.map((summary) => [
    summary.page,
    summary.cache,
    String(summary.loads),
    ms(summary.medianMs),
    ms(summary.p90Ms),
    ms(summary.minMs),
    ms(summary.scriptLoadedMs),
    ms(summary.definedMs),
    ms(summary.querySentMs),
    ms(summary.answerInMs),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}
