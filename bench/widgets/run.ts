import { cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import type { Browser } from 'playwright-core';
import { busyShareOfMachine } from '../machine.js';
import { groupsDocument, groupsVariables, startPageServer } from './benchmark-pages.js';
import { buildWidgets, formatBundleSizes, formatPageDownloads, measureBundleSizes, measurePageDownloads, widgetsDist, type BundleSizes } from './bundle-sizes.js';
import { launchChromium } from './chromium.js';
import { startDemoApi, type DemoApi } from './demo-api.js';
import { formatRenderTable, measureRenderTimes, summarizeLoads, widgetToBaseline, type PageLoad, type PageTarget, type RenderSummary } from './render-timing.js';

export interface WidgetsBenchmarkOptions {
  /** Measured loads of each page in each cache state. @default 15 */
  runs: number;
  /** Build the widgets first (the test's global setup has built them already). @default true */
  build: boolean;
}

export interface WidgetsBenchmarkResult {
  sizes: BundleSizes;
  loads: PageLoad[];
  summaries: RenderSummary[];
  /** Where the widget page got hearth.js: the API's `/widgets/` route, or the pages' own server. */
  scriptSource: 'api' | 'page server';
}

export const defaultRuns = 15;
export const maxRuns = 200;

/** `BENCH_RUNS`, checked: a typo must not start an hour-long run. */
export function readRuns(raw: string | undefined = process.env.BENCH_RUNS): number {
  if (raw === undefined || raw === '') return defaultRuns;
  if (!/^\d+$/.test(raw)) throw new Error(`BENCH_RUNS must be a whole number, got "${raw}"`);
  const runs = Number(raw);
  if (runs < 1 || runs > maxRuns) throw new Error(`BENCH_RUNS must be between 1 and ${maxRuns}, got ${runs}`);
  return runs;
}

/** Whitespace and commas are not significant in GraphQL; the client prints the document its own way. */
function normalizeDocument(document: string): string {
  return document
    .replace(/[\s,]+/g, ' ')
    .replace(/ ?([{}():!$=@[\]]) ?/g, '$1')
    .trim();
}

/**
 * The checks before any figure is printed: every load showed cards, both pages showed the same number, the
 * baseline asked the server exactly what the widget asked, and the cache states are what they claim to be.
 */
export function checkLoads(loads: PageLoad[], scriptPath: string): string[] {
  const problems: string[] = [];
  const widget = loads.filter((load) => load.page === 'widget');
  const baseline = loads.filter((load) => load.page === 'baseline');
  const cardCounts = new Set(loads.map((load) => load.cards));
  if (loads.some((load) => load.cards < 1)) problems.push('a page load reported no cards');
  if (cardCounts.size > 1) problems.push(`the pages showed different numbers of cards: ${[...cardCounts].join(', ')}`);

  const bodies = (of: PageLoad[]) => new Set(of.flatMap((load) => load.graphqlBodies));
  const [widgetBody, ...otherWidgetBodies] = bodies(widget);
  if (!widgetBody || otherWidgetBodies.length > 0 || widget.some((load) => load.graphqlBodies.length !== 1)) {
    problems.push(`the widget page should send one GraphQL request per load, the same each time; it sent ${widget.map((load) => load.graphqlBodies.length).join(', ')}`);
  } else {
    const sent = JSON.parse(widgetBody) as { query: string; variables: unknown };
    if (normalizeDocument(sent.query) !== normalizeDocument(groupsDocument)) {
      problems.push(`the widget sends a different query than the baseline (update groupsDocument in bench/widgets/benchmark-pages.ts):\n${sent.query}`);
    }
    if (!isDeepStrictEqual(sent.variables, groupsVariables)) {
      problems.push(`the widget sends different variables than the baseline: ${JSON.stringify(sent.variables)}`);
    }
  }
  if (baseline.some((load) => load.graphqlBodies.length !== 1)) problems.push('the baseline page should send exactly one GraphQL request per load');

  const fetchedScript = (load: PageLoad) => load.bundleRequests.includes(scriptPath);
  if (widget.some((load) => load.cache === 'cold' && !fetchedScript(load))) problems.push('a cold-cache widget load did not fetch hearth.js from the server');
  if (widget.some((load) => load.cache === 'warm' && load.bundleRequests.length > 0)) {
    problems.push('a warm-cache widget load fetched bundle files from the server instead of its cache');
  }
  return problems;
}

const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');

/**
 * `pnpm bench:widgets`: builds the widgets, prints the bundle's sizes against the budget, then measures the time
 * to the first group card of the widget page and of the baseline page in Chromium, against a real API on a fresh
 * demo database, and prints the figures. Every step is bounded.
 */
export async function runWidgetsBenchmark(options: WidgetsBenchmarkOptions, log: (line: string) => void = console.log): Promise<WidgetsBenchmarkResult> {
  if (options.build) await buildWidgets(log);
  const sizes = measureBundleSizes(widgetsDist);
  log('');
  log('Widget bundle (packages/widgets/dist): each file as built (minified), and compressed on its own as a server would send it');
  log('');
  log(formatBundleSizes(sizes));
  log('');
  log(formatPageDownloads(measurePageDownloads(sizes, widgetsDist)));
  log('');

  const pages = await startPageServer(widgetsDist);
  let api: DemoApi | undefined;
  let browser: Browser | undefined;
  try {
    log('starting the API on a fresh PGlite database with the demo seed…');
    api = await startDemoApi({ corsOrigins: [pages.origin], widgetsDir: widgetsDist });
    const apiScript = `${api.url}/widgets/hearth.js`;
    const probe = await fetch(apiScript);
    await probe.arrayBuffer();
    const scriptSource = probe.status === 200 ? 'api' : 'page server';
    const scriptUrl = scriptSource === 'api' ? apiScript : `${pages.origin}/widgets/hearth.js`;
    pages.setApi({ api: api.url, scriptUrl });
    const demoApi = api;
    const takeBundleRequests = () => [
      ...demoApi
        .takeRequests()
        .filter((request) => request.path.startsWith('/widgets/'))
        .map((request) => request.path),
      ...pages.takeBundleRequests(),
    ];
    takeBundleRequests();

    browser = await launchChromium();
    const graphqlUrl = `${api.url}/graphql`;
    const targets: Record<'widget' | 'baseline', PageTarget> = {
      widget: { url: pages.widgetUrl, scriptUrl, graphqlUrl },
      baseline: { url: pages.baselineUrl, scriptUrl, graphqlUrl },
    };
    const loadBefore = loadAverage();
    const busy = await busyShareOfMachine();
    const loads = await measureRenderTimes(browser, targets, { runs: options.runs, takeBundleRequests, log });
    const loadAfter = loadAverage();

    const problems = checkLoads(loads, '/widgets/hearth.js');
    if (problems.length > 0) throw new Error(`the page loads failed their checks, so their times would not compare:\n  ${problems.join('\n  ')}`);
    const cards = loads[0]!.cards;
    const coldBundle = [...new Set(loads.filter((load) => load.page === 'widget' && load.cache === 'cold').flatMap((load) => load.bundleRequests))];
    log(
      `check: every load of both pages showed the same ${cards} group cards; the baseline sent the widget's query and variables; ` +
        `cold widget loads fetched ${coldBundle.map((path) => path.replace('/widgets/', '')).join(' and ')} from the server, warm ones took them from the HTTP cache ✓`,
    );

    const summaries = summarizeLoads(loads);
    const cpu = cpus();
    log('');
    log(`Time to the first group card: riverside's public groups (${cards} cards), as a guest`);
    log(
      `  widget: <script type="module" src="…/widgets/hearth.js"> (from ${scriptSource === 'api' ? "the API's /widgets/ route" : 'the pages’ own server'}), ` +
        `Hearth.configure(), <hearth-group-finder>; card = [part~=card] in its shadow root`,
    );
    log('  baseline: an inline module script, one fetch of the same query with the same headers, a div per group filled with textContent');
    log(
      `Pages on ${pages.origin}, API (production mode, PGlite, demo seed) on ${api.url}: cross-origin, with a CORS preflight; ` +
        `all on loopback, so the figures are script, server and rendering time, not transfer time`,
    );
    log(
      `Loads: ${options.runs} per page and cache state, pages alternating; cold = new browser context (empty cache), ` +
        `warm = second load in the same context; times in ms from the start of the hearth.js request (widget) or just before the fetch (baseline)`,
    );
    log(
      `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, Chromium ${browser.version()}; ` +
        `load average ${loadBefore} (1/5/15 min) before, ${loadAfter} after; ${Math.round(busy * 100)}% busy in the second before measuring` +
        `${busy > 0.2 ? ' (other work was running: expect noise)' : ''}`,
    );
    log('');
    log(formatRenderTable(summaries));
    log('');
    log(
      'script in / defined / query sent / answer in: medians (ms, same clock) of when hearth.js was fully received, had run (the element ' +
        'defined), the GraphQL fetch started (before its preflight), and the answer was in; median ms: time to the first card.',
    );
    for (const cache of ['cold', 'warm'] as const) {
      const comparison = widgetToBaseline(summaries, cache);
      if (comparison) {
        log(
          `widget / baseline, ${cache} cache: ${comparison.ratio.toFixed(2)}× the baseline's median time to the first card ` +
            `(${comparison.extraMs >= 0 ? '+' : ''}${comparison.extraMs.toFixed(1)} ms)`,
        );
      }
    }
    return { sizes, loads, summaries, scriptSource };
  } finally {
    await browser?.close();
    await api?.close();
    await pages.close();
  }
}
