import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

/** The repository's root and the folder the widgets build writes (`hearth.js`, `chunks/*.js`). */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
export const widgetsDist = join(repositoryRoot, 'packages', 'widgets', 'dist');

/**
 * The issue's budget: the whole widget bundle (entry and every chunk) at most 45 KB gzip'd. Read as KiB
 * (1 KiB = 1024 bytes, 46,080 bytes), the unit esbuild and the build's own summary print; the table also says
 * whether the bundle fits the stricter reading of 45,000 bytes.
 */
export const widgetBudgetBytes = 45 * 1024;
export const widgetBudgetDecimalBytes = 45 * 1000;

/** Runs the widgets package's own build (`pnpm --filter @hearth/widgets build`), so the figures are for the current source. */
export function buildWidgets(log: (line: string) => void = console.log): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['--filter', '@hearth/widgets', 'build'], { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new Error(`could not run pnpm to build the widgets (${error.message}); is pnpm on PATH?`)));
    child.on('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`the widgets build failed (exit code ${code}):\n${output.trim()}`));
        return;
      }
      const summary = output.split('\n').find((line) => line.startsWith('widgets: built'));
      if (summary) log(summary);
      resolve();
    });
  });
}

/** One file of the bundle, in bytes as served (already minified by the build) and compressed on its own. */
export interface BundleFileSize {
  /** Path inside dist/: `hearth.js` or `chunks/<name>-<hash>.js`. */
  file: string;
  minified: number;
  gzip: number;
  brotli: number;
}

export interface BundleSizes {
  files: BundleFileSize[];
  /** The sum over the files: each is a separate response, compressed separately. */
  total: BundleFileSize;
}

/** Sizes of `hearth.js` and every chunk: gzip at level 9 and brotli at quality 11, the best each offers. */
export function measureBundleSizes(dist: string = widgetsDist): BundleSizes {
  if (!existsSync(join(dist, 'hearth.js'))) throw new Error(`${dist} has no hearth.js; build the widgets first (pnpm --filter @hearth/widgets build)`);
  const chunksFolder = join(dist, 'chunks');
  const chunks = existsSync(chunksFolder) ? readdirSync(chunksFolder).filter((name) => name.endsWith('.js')).sort() : [];
  const files = ['hearth.js', ...chunks.map((name) => `chunks/${name}`)].map((file): BundleFileSize => {
    const bytes = readFileSync(join(dist, file));
    return {
      file,
      minified: bytes.byteLength,
      gzip: gzipSync(bytes, { level: 9 }).byteLength,
      brotli: brotliCompressSync(bytes, {
        params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength },
      }).byteLength,
    };
  });
  const total = files.reduce(
    (sum, size) => ({ file: 'total', minified: sum.minified + size.minified, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli }),
    { file: 'total', minified: 0, gzip: 0, brotli: 0 },
  );
  return { files, total };
}

const bytes = (value: number) => value.toLocaleString('en-US');
const kib = (value: number) => `${(value / 1024).toFixed(1)} KiB`;

/** Whether the whole bundle (every file, both languages), gzip'd, fits the budget. */
export function withinBudget(sizes: BundleSizes): boolean {
  return sizes.total.gzip <= widgetBudgetBytes;
}

/**
 * A page of a host site: the widgets it shows and the packs of strings they read. The script-tag bundle loads
 * each element's code the first time the page shows it, and the strings of one language only, so what a reader
 * downloads depends on the page.
 */
export interface PageKind {
  name: string;
  /** Elements the page shows, or opens (a feed opens a thread when the reader opens a conversation). */
  elements: string[];
  /** Language packs: `en`, `ar`, `facilitators.en` … */
  packs: string[];
  /**
   * Entry points the page's elements fetch on their own once they show (`src/hearth-group/join-form.ts`, the
   * join form a reader who may join is offered), each counted with what it imports: a page is not smaller for
   * fetching part of its code later.
   */
  lazy?: string[];
}

export const pageKinds: PageKind[] = [
  ...(['en', 'ar'] as const).flatMap((language) => [
    // The finder shows the crisis help's resource list, whose strings are in the writers pack.
    { name: `home page with the group finder (${language})`, elements: ['hearth-group-finder'], packs: [language, `finder.${language}`, `writers.${language}`] },
    // A reader who may join (signed out, or signed in and not a member) is shown the join form, fetched with its
    // strings; a member's page never fetches either.
    {
      name: `group page of a reader who may join: header, join form, feed (${language})`,
      elements: ['hearth-group'],
      packs: [language, `joining.${language}`],
      lazy: ['src/hearth-group/join-form.ts'],
    },
    { name: `a member's group page with a conversation opened (${language})`, elements: ['hearth-group', 'hearth-thread'], packs: [language] },
    { name: `facilitators' page with the queue (${language})`, elements: ['hearth-moderation-queue'], packs: [language, `facilitators.${language}`] },
    {
      name: `every widget on one page (${language})`,
      elements: ['hearth-group-finder', 'hearth-group', 'hearth-thread', 'hearth-moderation-queue'],
      packs: [language, `finder.${language}`, `writers.${language}`, `facilitators.${language}`, `joining.${language}`],
      lazy: ['src/hearth-group/join-form.ts'],
    },
  ]),
];

export interface PageDownload {
  page: PageKind;
  files: string[];
  gzip: number;
  brotli: number;
}

interface Metafile {
  outputs: Record<string, { entryPoint?: string; imports: Array<{ path: string; kind: string }> }>;
}

/**
 * What each kind of page downloads: hearth.js with its static imports, each element's chunk with its static
 * imports, what its elements fetch on their own (PageKind.lazy) with theirs, and the language packs, each file
 * counted once, from the build's metafile (dist/metafile.json).
 */
export function measurePageDownloads(sizes: BundleSizes, dist: string = widgetsDist, pages: PageKind[] = pageKinds): PageDownload[] {
  const metafile = JSON.parse(readFileSync(join(dist, 'metafile.json'), 'utf8')) as Metafile;
  const distFolder = `${dist.slice(repositoryRoot.length).replace(/\\/g, '/').replace(/^packages\/widgets\//, '')}/`;
  const relative = (output: string) => output.slice(output.indexOf(distFolder) + distFolder.length);
  const outputOf = (entryPoint: string) => {
    const found = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === entryPoint);
    if (!found) throw new Error(`the build has no output for ${entryPoint}`);
    return found[0];
  };
  const closure = (output: string, into: Set<string>) => {
    if (into.has(output)) return;
    into.add(output);
    for (const imported of metafile.outputs[output]?.imports ?? []) if (imported.kind === 'import-statement') closure(imported.path, into);
  };
  const sizeOf = new Map(sizes.files.map((file) => [file.file, file]));
  return pages.map((page) => {
    const outputs = new Set<string>();
    closure(outputOf('src/hearth.ts'), outputs);
    for (const element of page.elements) closure(outputOf(`src/${element}/define.ts`), outputs);
    for (const entryPoint of page.lazy ?? []) closure(outputOf(entryPoint), outputs);
    for (const pack of page.packs) closure(outputOf(`src/localization/packs/${pack}.ts`), outputs);
    const files = [...outputs].map(relative);
    const measured = files.map((file) => {
      const size = sizeOf.get(file);
      if (!size) throw new Error(`${file} is in the metafile but not in ${dist}`);
      return size;
    });
    return { page, files, gzip: measured.reduce((sum, file) => sum + file.gzip, 0), brotli: measured.reduce((sum, file) => sum + file.brotli, 0) };
  });
}

/** The downloads table: each page kind against the budget. */
export function formatPageDownloads(downloads: PageDownload[]): string {
  const width = Math.max(...downloads.map((download) => download.page.name.length));
  return [
    `What a page downloads (its elements' code and one language's strings; every file gzip'd on its own) against the 45 KiB budget:`,
    ...downloads.map(
      (download) =>
        `  ${download.page.name.padEnd(width)}  ${String(download.files.length).padStart(2)} files  ${bytes(download.gzip).padStart(7)} B gzip  ${bytes(download.brotli).padStart(7)} B brotli  ${download.gzip <= widgetBudgetBytes ? 'PASS' : 'OVER'}`,
    ),
  ].join('\n');
}

/** The sizes table, then the budget line with PASS or OVER. */
export function formatBundleSizes(sizes: BundleSizes): string {
  const header = ['file', 'minified B', 'gzip -9 B', 'brotli -q11 B', 'gzip KiB'];
  const row = (size: BundleFileSize) => [size.file, bytes(size.minified), bytes(size.gzip), bytes(size.brotli), kib(size.gzip)];
  const lines = [...sizes.files.map(row), row(sizes.total)];
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const { gzip } = sizes.total;
  const share = Math.round((gzip / widgetBudgetBytes) * 100);
  const verdict = withinBudget(sizes)
    ? `PASS (${share}% of the budget, ${bytes(widgetBudgetBytes - gzip)} B to spare${gzip <= widgetBudgetDecimalBytes ? '; also within 45 kB = 45,000 B' : '; but over 45 kB = 45,000 B'})`
    : `OVER by ${bytes(gzip - widgetBudgetBytes)} B (${share}% of the budget)`;
  return [
    format(header),
    rule,
    ...lines.slice(0, -1).map(format),
    rule,
    format(lines[lines.length - 1]!),
    '',
    `Budget: the whole bundle gzip'd at most 45 KiB = ${bytes(widgetBudgetBytes)} B (1 KiB = 1024 B): ${bytes(gzip)} B = ${kib(gzip)}, ${verdict}`,
    `(The whole bundle is every element in both languages, each file compressed on its own; no page loads all of it.)`,
  ].join('\n');
}
