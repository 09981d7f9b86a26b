import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
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
