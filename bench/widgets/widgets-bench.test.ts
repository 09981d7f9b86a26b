import { beforeAll, describe, expect, inject, it } from 'vitest';
import { groupsDocument, groupsVariables } from './benchmark-pages.js';
import { formatBundleSizes, formatPageDownloads, measureBundleSizes, measurePageDownloads, pageKinds, widgetBudgetBytes, type BundleSizes } from './bundle-sizes.js';
import { chromiumAvailable, chromiumPath } from './chromium.js';
import { median, percentile, type PageLoad } from './render-timing.js';
import { checkLoads, defaultRuns, readRuns, runWidgetsBenchmark } from './run.js';

/**
 * The widgets benchmark's machinery, checked on a one-load run: the sizes table, the budget, both pages rendering
 * cards against a real API, and the checks that keep the comparison honest. It never asserts a time: times are
 * the benchmark's to print (pnpm bench:widgets), and on a shared machine any threshold would be noise.
 */

// The same convention as test/: skipped without Chromium on a developer's machine, a failure in CI.
if (!chromiumAvailable && process.env.CI) throw new Error(`Chromium is missing at ${chromiumPath}: CI must install it (apt-get install -y chromium).`);
if (!chromiumAvailable) console.warn(`widgets benchmark browser check skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

beforeAll(() => {
  const buildError = inject('widgetsBuildError');
  if (buildError) throw new Error(`the widgets did not build, so there is nothing to measure:\n${buildError}`);
});

describe('run settings', () => {
  it('reads BENCH_RUNS and refuses values a typo would give', () => {
    expect(readRuns(undefined)).toBe(defaultRuns);
    expect(readRuns('3')).toBe(3);
    expect(() => readRuns('0')).toThrow(/between 1 and/);
    expect(() => readRuns('5000')).toThrow(/between 1 and/);
    expect(() => readRuns('1e2')).toThrow(/whole number/);
  });

  it('takes the median and the nearest-rank p90', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([7], 0.9)).toBe(7);
  });
});

describe('the bundle sizes', () => {
  let sizes: BundleSizes;
  beforeAll(() => {
    sizes = measureBundleSizes();
  });

  it('lists hearth.js and every chunk with positive sizes, compression making each smaller', () => {
    expect(sizes.files[0]?.file).toBe('hearth.js');
    for (const file of [...sizes.files, sizes.total]) {
      expect(file.minified).toBeGreaterThan(0);
      expect(file.gzip).toBeGreaterThan(0);
      expect(file.brotli).toBeGreaterThan(0);
      // gzip's header and trailer (about 20 B) outweigh what it saves on esbuild's tiny shared chunks (a re-export
      // of 77 B), so only files past a few hundred bytes must shrink; the total must.
      if (file.minified >= 300) expect(file.gzip).toBeLessThan(file.minified);
    }
    expect(sizes.total.gzip).toBeLessThan(sizes.total.minified / 2);
    const sum = (pick: (file: BundleSizes['files'][number]) => number) => sizes.files.reduce((total, file) => total + pick(file), 0);
    expect(sizes.total).toEqual({ file: 'total', minified: sum((f) => f.minified), gzip: sum((f) => f.gzip), brotli: sum((f) => f.brotli) });
  });

  it('prints a row per file, the total, and the budget verdict', () => {
    const table = formatBundleSizes(sizes).split('\n');
    expect(table[0]).toMatch(/^file\s+minified B\s+gzip -9 B\s+brotli -q11 B\s+gzip KiB$/);
    expect(table.filter((line) => /^(hearth\.js|chunks\/)/.test(line))).toHaveLength(sizes.files.length);
    expect(table.find((line) => line.startsWith('total'))).toBeDefined();
    expect(table.at(-2)).toMatch(/^Budget: the whole bundle gzip'd at most 45 KiB = 46,080 B \(1 KiB = 1024 B\): [\d,]+ B = [\d.]+ KiB, (PASS|OVER) /);
  });

  it('counts what each kind of page downloads: the entry, its elements and one language, each file once', () => {
    const downloads = measurePageDownloads(sizes);
    expect(downloads.map((download) => download.page)).toEqual(pageKinds);
    const byName = new Map(downloads.map((download) => [download.page.name, download]));
    const finder = byName.get('home page with the group finder (en)')!;
    const everything = byName.get('every widget on one page (en)')!;
    expect(finder.files).toContain('hearth.js');
    expect(finder.files.some((file) => /^chunks\/en-/.test(file))).toBe(true);
    expect(finder.files.some((file) => /^chunks\/ar-/.test(file))).toBe(false);
    expect(new Set(finder.files).size).toBe(finder.files.length);
    // A page with more widgets downloads more, and never more than the whole bundle.
    expect(everything.gzip).toBeGreaterThan(finder.gzip);
    expect(everything.gzip).toBeLessThan(sizes.total.gzip);
  });

  it("keeps what every kind of page downloads within the issue's budget: 45 KiB gzip'd", () => {
    const downloads = measurePageDownloads(sizes).filter((download) => !download.page.name.startsWith('every widget'));
    for (const download of downloads) {
      expect(download.gzip, `over the budget:\n${formatPageDownloads(downloads)}\n`).toBeLessThanOrEqual(widgetBudgetBytes);
    }
  });
});

describe('the checks on page loads', () => {
  const body = JSON.stringify({ query: groupsDocument, variables: groupsVariables });
  const load = (page: 'widget' | 'baseline', cache: 'cold' | 'warm', overrides: Partial<PageLoad> = {}): PageLoad => ({
    page,
    cache,
    firstCardMs: 1,
    scriptLoadedMs: null,
    definedMs: null,
    querySentMs: null,
    answerInMs: null,
    cards: 6,
    graphqlBodies: [body],
    bundleRequests: page === 'widget' && cache === 'cold' ? ['/widgets/hearth.js'] : [],
    ...overrides,
  });

  it('pass loads that showed the same cards for the same request, the script cached only when warm', () => {
    const loads = [load('widget', 'cold'), load('baseline', 'cold'), load('widget', 'warm'), load('baseline', 'warm')];
    expect(checkLoads(loads, '/widgets/hearth.js')).toEqual([]);
  });

  it('name each way a comparison could be unfair', () => {
    const reprinted = JSON.stringify({ query: groupsDocument.replace(/\n\s*/g, ' '), variables: groupsVariables });
    expect(checkLoads([load('widget', 'cold', { graphqlBodies: [reprinted] }), load('baseline', 'cold')], '/widgets/hearth.js')).toEqual([]);

    const otherQuery = JSON.stringify({ query: groupsDocument.replace('memberCount', ''), variables: groupsVariables });
    expect(checkLoads([load('widget', 'cold', { graphqlBodies: [otherQuery] })], '/widgets/hearth.js')).toEqual([
      expect.stringMatching(/^the widget sends a different query than the baseline/),
    ]);
    const otherVariables = JSON.stringify({ query: groupsDocument, variables: { ...groupsVariables, first: 20 } });
    expect(checkLoads([load('widget', 'cold', { graphqlBodies: [otherVariables] })], '/widgets/hearth.js')).toEqual([
      expect.stringMatching(/^the widget sends different variables/),
    ]);
    expect(checkLoads([load('widget', 'cold'), load('baseline', 'cold', { cards: 2 })], '/widgets/hearth.js')).toEqual([
      'the pages showed different numbers of cards: 6, 2',
    ]);
    expect(checkLoads([load('widget', 'cold', { bundleRequests: [] })], '/widgets/hearth.js')).toEqual([
      'a cold-cache widget load did not fetch hearth.js from the server',
    ]);
    expect(checkLoads([load('widget', 'warm', { bundleRequests: ['/widgets/hearth.js'] })], '/widgets/hearth.js')).toEqual([
      'a warm-cache widget load fetched bundle files from the server instead of its cache',
    ]);
  });
});

describe.runIf(chromiumAvailable)('a one-load run in Chromium', () => {
  it('renders cards on both pages against the demo API, checks them, and prints every figure', { timeout: 120_000 }, async () => {
    const lines: string[] = [];
    const result = await runWidgetsBenchmark({ runs: 1, build: false }, (line) => lines.push(line));

    expect(result.loads.map((load) => `${load.page} ${load.cache}`).sort()).toEqual(['baseline cold', 'baseline warm', 'widget cold', 'widget warm']);
    for (const load of result.loads) {
      expect(load.cards).toBeGreaterThan(0);
      expect(load.graphqlBodies).toHaveLength(1);
    }
    const widgetCold = result.loads.find((load) => load.page === 'widget' && load.cache === 'cold')!;
    expect(widgetCold.bundleRequests).toContain('/widgets/hearth.js');
    expect(result.summaries).toHaveLength(4);

    const output = lines.join('\n');
    expect(output).toMatch(/^check: every load of both pages showed the same \d+ group cards/m);
    expect(output).toMatch(/^page\s+cache\s+loads\s+median ms\s+p90 ms\s+min ms\s+script in\s+defined\s+query sent\s+answer in$/m);
    expect(output).toMatch(/^widget\s+cold\s+1\s/m);
    expect(output).toMatch(/^baseline\s+warm\s+1\s/m);
    expect(output).toMatch(/^widget \/ baseline, cold cache: \d+\.\d\d× /m);
    expect(output).toMatch(/^widget \/ baseline, warm cache: \d+\.\d\d× /m);
    expect(output).toMatch(/^Machine: .*load average [\d.]+ \/ [\d.]+ \/ [\d.]+/m);
  });
});
