/**
 * Builds `dist/hearth.js`, the one script a host page loads, with esbuild: an ES module, minified, whose lazily
 * loaded parts go to `dist/chunks/<name>-<hash>.js` (content-hashed, so the server may cache them for a year while
 * `hearth.js` itself is cached briefly). Then writes the custom-elements manifest and the reference docs built
 * from it.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeManifestAndDocs } from './custom-elements.js';

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
  target: ['es2022', 'chrome111', 'firefox111', 'safari16.4'],
  minify: true,
  legalComments: 'eof',
  // Arabic strings as UTF-8 (2 bytes a letter) instead of \u escapes (6); the server sends charset=utf-8.
  charset: 'utf8',
  define: { HEARTH_VERSION: JSON.stringify(version) },
  metafile: true,
  logLevel: 'warning',
});

const outputs = Object.entries(result.metafile.outputs).map(([file, output]) => `${file} ${(output.bytes / 1024).toFixed(1)} KiB`);
console.log(`widgets: built ${outputs.join(', ')}`);
await writeManifestAndDocs(packageFolder);
