/**
 * The custom-elements manifest (`dist/custom-elements.json`, the standard editors and docs tools read) comes from
 * the components' own JSDoc through @custom-elements-manifest/analyzer; `docs/widgets-reference.md` is rendered
 * from that manifest, so the docs say what the code declares.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderReference, type Manifest } from './widget-reference.js';

const require = createRequire(import.meta.url);

export const referencePath = (packageFolder: string) => join(packageFolder, '..', '..', 'docs', 'widgets-reference.md');

export function analyze(packageFolder: string, outdir = 'dist'): Manifest {
  const analyzerPackage = require.resolve('@custom-elements-manifest/analyzer/package.json');
  const cli = join(dirname(analyzerPackage), 'cem.js');
  execFileSync(process.execPath, [cli, 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--outdir', outdir, '--quiet'], {
    cwd: packageFolder,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return JSON.parse(readFileSync(join(packageFolder, outdir, 'custom-elements.json'), 'utf8')) as Manifest;
}

export async function writeManifestAndDocs(packageFolder: string): Promise<void> {
  const manifest = analyze(packageFolder);
  writeFileSync(referencePath(packageFolder), renderReference(manifest));
}
