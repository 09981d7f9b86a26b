/**
 * Regenerates the client's schema artifacts after an API change: `pnpm --filter @hearth/client generate`.
 * Then `pnpm -r run typecheck` shows every operation the change broke.
 */
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { introspectionFile, renderIntrospectionTypes, renderSchemaSdl, schemaFile } from './schema-artifacts.js';

await writeFile(schemaFile, await renderSchemaSdl());
await writeFile(introspectionFile, await renderIntrospectionTypes(schemaFile));
for (const file of [schemaFile, introspectionFile]) console.log(`wrote ${relative(process.cwd(), file)}`);
