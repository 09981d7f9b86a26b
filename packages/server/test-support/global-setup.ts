import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest, openDatabase, openPglite } from '../src/db/database.js';
import { isPostgresReachable, postgresAdminUrl, postgresRequired, postgresUrlFor } from './database-targets.js';

/**
 * Builds the migrated databases once per test run, so each test file starts from a copy in well under a second:
 * a PGlite data directory dumped to a tarball (each file loads it), and a PostgreSQL template database (each
 * file runs CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString('hex');
  const folder = await mkdtemp(join(tmpdir(), 'hearth-test-'));

  const pglite = await openPglite('memory://');
  const embedded = await openDatabase({ kind: 'pglite-instance', pglite });
  await migrateToLatest(embedded.db);
  await embedded.db.destroy();
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const dumpPath = join(folder, 'migrated.tar');
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));

  let templateDatabase: string | null = null;
  if (await isPostgresReachable()) {
    templateDatabase = `hearth_template_${runId}`;
    const admin = new pg.Client({ connectionString: postgresAdminUrl });
    await admin.connect();
    await admin.query(`create database ${templateDatabase}`);
    await admin.end();
    const server = await openDatabase({ kind: 'postgres', url: postgresUrlFor(templateDatabase), poolSize: 1 });
    await migrateToLatest(server.db);
    await server.close();
  } else if (postgresRequired) {
    throw new Error(`PostgreSQL is required for this run (CI) but ${postgresAdminUrl} does not answer.`);
  }

  project.provide('pgliteDumpPath', dumpPath);
  project.provide('postgresTemplate', templateDatabase);

  return async () => {
    await rm(folder, { recursive: true, force: true });
    if (templateDatabase) {
      const admin = new pg.Client({ connectionString: postgresAdminUrl });
      await admin.connect();
      // Test files drop their own copies; sweep any a crashed worker left behind.
      const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`hearth_t_${runId}_%`]);
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.query(`drop database if exists ${templateDatabase} with (force)`);
      await admin.end();
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    postgresTemplate: string | null;
  }
}
