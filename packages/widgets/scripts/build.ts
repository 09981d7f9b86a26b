/**
 * Builds `dist/hearth.js`, the one script a host page loads, with esbuild: an ES module, minified, whose lazily
 * loaded parts go to `dist/chunks/<name>-<hash>.js` (content-hashed, so the server may cache them for a year while
 * `hearth.js` itself is cached briefly). Then writes the custom-elements manifest and the reference docs built
 * from it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sourceCondition } from '../../../workspace-sources.js';
import { compactGraphqlPlugin } from './compact-graphql-plugin.js';
import { cssTargets, minifyTemplatesPlugin } from './minify-templates-plugin.js';
import { writeManifestAndDocs } from './custom-elements.js';
import { dropEmptyChunks } from './empty-chunks.js';

const packageFolder = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = (JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8')) as { version: string }).version;

await rm(join(packageFolder, 'dist'), { recursive: true, force: true });
const result = await build({
  absWorkingDir: packageFolder,
  entryPoints: { hearth: 'src/hearth.ts' },
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  // @hearth/client from its sources, as everywhere in the workspace (it is bundled in, not installed).
  conditions: [sourceCondition],
  target: ['es2022', ...cssTargets],
  minify: true,
  // Lit's licence comments would repeat in every chunk: they go to one licenses.txt, served beside the bundle.
  legalComments: 'external',
  // Arabic strings as UTF-8 (2 bytes a letter) instead of \u escapes (6); the server sends charset=utf-8.
  charset: 'utf8',
  define: { HEARTH_VERSION: JSON.stringify(version) },
  metafile: true,
  plugins: [compactGraphqlPlugin, minifyTemplatesPlugin],
  logLevel: 'warning',
});

const legalFiles = readdirSync(join(packageFolder, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.LEGAL.txt'));
const notices = new Set<string>();
for (const file of legalFiles) {
  for (const notice of (await readFile(join(packageFolder, 'dist', file), 'utf8')).split(/\n(?=\S)/)) if (notice.trim()) notices.add(notice.trim());
  await rm(join(packageFolder, 'dist', file));
}
const entryFile = join(packageFolder, 'dist', 'hearth.js');
await writeFile(entryFile, `/*! Hearth widgets, Apache-2.0; bundled third-party licences: licenses.txt */\n${await readFile(entryFile, 'utf8')}`);
await writeFile(join(packageFolder, 'dist', 'licenses.txt'), `Third-party code bundled in Hearth's widgets, with its licence notices:\n\n${[...notices].join('\n\n')}\n`);

await dropEmptyChunks(packageFolder, result.metafile);

// Which file imports which (statically or on demand): bench/widgets reads it for what each page downloads.
await writeFile(join(packageFolder, 'dist', 'metafile.json'), JSON.stringify(result.metafile));

const outputs = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .map(([file, output]) => `${file} ${(output.bytes / 1024).toFixed(1)} KiB`);
console.log(`widgets: built ${outputs.join(', ')}`);
await writeManifestAndDocs(packageFolder);
