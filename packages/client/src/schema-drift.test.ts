import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { buildSchema, Kind, type DocumentNode } from 'graphql';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as exported from '../src/index.js';
import { introspectionFile, regenerateCommand, renderIntrospectionTypes, renderSchemaSdl, schemaFile } from '../scripts/schema-artifacts.js';

/**
 * The drift guard: the client's typed operations are compiled against schema.graphql and src/graphql-env.d.ts,
 * so both must be what the server's schema says today. When the API changes, these fail until the files are
 * regenerated; typecheck then names every operation the change broke.
 */
describe(`schema artifacts (out of date? run \`${regenerateCommand}\`)`, () => {
  it("schema.graphql is the server's current schema", async () => {
    const committed = await readFile(schemaFile, 'utf8');
    expect(committed, `packages/client/schema.graphql differs from the server's schema: run \`${regenerateCommand}\``).toBe(await renderSchemaSdl());
  });

  it('src/graphql-env.d.ts is the introspection of schema.graphql', async () => {
    const committed = await readFile(introspectionFile, 'utf8');
    expect(committed, `packages/client/src/graphql-env.d.ts is stale: run \`${regenerateCommand}\``).toBe(await renderIntrospectionTypes());
  });
});

describe('typed documents', () => {
  it("every document in src is valid against schema.graphql (gql.tada check: fields, arguments, variables)", async () => {
    const cli = fileURLToPath(import.meta.resolve('gql.tada/cli'));
    const checked = await promisify(execFile)(process.execPath, [cli, 'check', '--fail-on-warn'], { cwd: fileURLToPath(new URL('..', import.meta.url)) }).then(
      () => ({ passed: true, output: '' }),
      (error: { stdout?: string; stderr?: string }) => ({ passed: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
    );
    expect(checked.passed, `documents that no longer match schema.graphql:\n${checked.output}`).toBe(true);
  });
});

describe('coverage', () => {
  it('every query and mutation of the API has an exported operation', async () => {
    const schema = buildSchema(await readFile(schemaFile, 'utf8'));
    const offered = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((field) => `query ${field}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((field) => `mutation ${field}`),
    ];
    const covered = new Set<string>();
    for (const value of Object.values(exported)) {
      const document = value as Partial<DocumentNode>;
      if (document.kind !== Kind.DOCUMENT) continue;
      for (const definition of document.definitions ?? []) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        for (const selection of definition.selectionSet.selections) {
          if (selection.kind === Kind.FIELD) covered.add(`${definition.operation} ${selection.name.value}`);
        }
      }
    }
    const missing = offered.filter((field) => !covered.has(field));
    expect(missing, `the API offers these without an operation in packages/client/src/operations: ${missing.join(', ')}`).toEqual([]);
  });
});
