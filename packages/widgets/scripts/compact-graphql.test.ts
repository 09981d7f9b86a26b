import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceCondition } from '../../../workspace-sources.js';
import { compactGraphqlPlugin } from './compact-graphql-plugin.js';

const packageFolder = join(dirname(fileURLToPath(import.meta.url)), '..');
const workFolder = mkdtempSync(join(tmpdir(), 'hearth-compact-graphql-'));
afterAll(() => rmSync(workFolder, { recursive: true, force: true }));

/** Every operation the client exports and every one the widgets write, with the GraphQL functions in play. */
function entrySource(): string {
  const widgetOperations = readdirSync(join(packageFolder, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.operations.ts'));
  return [
    `export * as client from '@hearth/client';`,
    ...widgetOperations.map((file, index) => `export * as widgets${index} from ${JSON.stringify(join(packageFolder, 'src', file))};`),
    `export { print, parse } from '@0no-co/graphql.web';`,
  ].join('\n');
}

async function bundle(name: string, compact: boolean): Promise<Record<string, Record<string, unknown>> & { print(document: unknown): string; parse?(text: string): unknown }> {
  const entry = join(packageFolder, `compact-graphql-test-entry-${name}.ts`);
  writeFileSync(entry, entrySource());
  try {
    const outfile = join(workFolder, `${name}.mjs`);
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      conditions: [sourceCondition],
      logLevel: 'silent',
      plugins: compact ? [compactGraphqlPlugin] : [],
    });
    return (await import(pathToFileURL(outfile).href)) as never;
  } finally {
    rmSync(entry, { force: true });
  }
}

describe('compact GraphQL documents in the widget bundle', () => {
  it('send exactly the documents the parsed ones do, for every operation of the client and the widgets', async () => {
    const [real, compact] = await Promise.all([bundle('real', false), bundle('compact', true)]);
    const normalize = (text: string) => real.print(real.parse!(text));
    let compared = 0;
    for (const [namespace, exports] of Object.entries(real)) {
      if (typeof exports !== 'object' || exports === null) continue;
      for (const [name, document] of Object.entries(exports)) {
        if (!document || typeof document !== 'object' || (document as { kind?: string }).kind !== 'Document') continue;
        const compactDocument = (compact[namespace] as Record<string, unknown>)[name];
        const sent = compact.print(compactDocument);
        expect(sent, `${namespace}.${name}`).not.toMatch(/\s{2,}/);
        expect(normalize(sent), `${namespace}.${name}`).toBe(normalize(real.print(document)));
        compared += 1;
      }
    }
    // The client's whole API plus the widgets' own operations.
    expect(compared).toBeGreaterThan(60);
  });
});
