import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { extractIntrospectionHeader, loadFromSDL, minifyIntrospection, outputIntrospectionFile } from 'gql.tada/internal';

/**
 * The two files the client's types come from, and how each is produced: `schema.graphql` is the server's SDL;
 * `src/graphql-env.d.ts` is gql.tada's introspection of that SDL (what `gql.tada generate output` writes, with the
 * schema named "hearth" as in tsconfig.json). scripts/generate.ts writes them; schema-drift.test.ts compares.
 */
export const regenerateCommand = 'pnpm --filter @hearth/client generate';
export const schemaFile = fileURLToPath(new URL('../schema.graphql', import.meta.url));
export const introspectionFile = fileURLToPath(new URL('../src/graphql-env.d.ts', import.meta.url));

/** The server's own script that prints its SDL (packages/server/scripts/print-schema.ts). */
const printSchemaScript = join(dirname(fileURLToPath(import.meta.resolve('@hearth/server'))), '..', 'scripts', 'print-schema.ts');

/**
 * The server's schema as this package commits it, printed by the server's script in a Node process of its own:
 * inside vitest, the server's source would get graphql's ES module build while Pothos builds the schema with its
 * CommonJS build, and graphql-js refuses to print types from "another realm".
 */
export async function renderSchemaSdl(): Promise<string> {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, printSchemaScript], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** gql.tada's introspection types for the SDL in `sdlFile`, keeping the header of the file they replace. */
export async function renderIntrospectionTypes(sdlFile: string = schemaFile): Promise<string> {
  const { introspection } = await loadFromSDL({ name: 'hearth', file: sdlFile }).load();
  const previous = await readFile(introspectionFile, 'utf8').catch(() => '');
  return outputIntrospectionFile(minifyIntrospection(introspection), {
    fileType: '.d.ts',
    shouldPreprocess: true,
    preamble: extractIntrospectionHeader(previous) ?? undefined,
  });
}
