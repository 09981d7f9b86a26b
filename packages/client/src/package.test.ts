import { execFile } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as source from './index.js';

/**
 * tsup's build (declarations left out here, for speed), imported from its file as `import … from '@hearth/client'`
 * resolves outside the workspace. test/package/client-tarball.test.ts installs the packed package itself.
 */
const packageRoot = fileURLToPath(new URL('..', import.meta.url));
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'hearth-client-build-'));
  const tsup = join(fileURLToPath(import.meta.resolve('tsup')), '..', 'cli-default.js');
  await promisify(execFile)(process.execPath, [tsup, '--out-dir', outDir, '--no-dts', '--silent'], { cwd: packageRoot });
}, 60_000);
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the built package', () => {
  it('exports what the source exports, and works', async () => {
    const built = (await import(pathToFileURL(join(outDir, 'index.js')).href)) as typeof source;
    expect(Object.keys(built).sort()).toEqual(Object.keys(source).sort());
    const result = await built.createHearthClient({ url: 'http://127.0.0.1:9/graphql', fetch: async () => Response.json({ data: { me: null } }) }).request(built.meQuery);
    expect(result).toEqual({ kind: 'ok', data: { me: null } });
  });

  it('imports nothing from Node, so browsers can load it', async () => {
    const code = await readFile(join(outDir, 'index.js'), 'utf8');
    const imported = [...code.matchAll(/^(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/gm)].map((match) => match[1]);
    expect(imported.length).toBeGreaterThan(0);
    for (const specifier of imported) {
      expect(specifier, `the build imports ${specifier}`).not.toMatch(/^node:/);
      expect(builtinModules).not.toContain(specifier);
    }
    expect(new Set(imported)).toEqual(new Set(['@0no-co/graphql.web', 'gql.tada']));
  });
});
