import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, pgliteExtensions, type Database } from '../src/db/database.js';
import { isPostgresReachable, postgresAdminUrl, postgresRequired, postgresUrlFor, type DatabaseKind } from './database-targets.js';

/** The kinds of database this run can test on (PostgreSQL only when global setup found it). */
export function availableDatabaseKinds(): DatabaseKind[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

let dumpBytes: Buffer | undefined;

/** A private, migrated, empty database for one test file; `close()` removes it. */
export async function openTestDatabase(kind: DatabaseKind, options: { poolSize?: number } = {}): Promise<Database> {
  if (kind === 'pglite') {
    dumpBytes ??= await readFile(inject('pgliteDumpPath'));
    const pglite = new PGlite({ loadDataDir: new Blob([new Uint8Array(dumpBytes)]), extensions: pgliteExtensions });
    await pglite.waitReady;
    const database = await openDatabase({ kind: 'pglite-instance', pglite });
    return { ...database, close: async () => { await database.close(); await pglite.close(); } };
  }
  const template = inject('postgresTemplate');
  if (!template) throw new Error('PostgreSQL is not available in this run.');
  const name = `hearth_t_${template.replace('hearth_template_', '')}_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) => admin.query(`create database ${name} template ${template}`));
  const database = await openDatabase({ kind: 'postgres', url: postgresUrlFor(name), poolSize: options.poolSize ?? 10 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/**
 * A new, empty PostgreSQL database (not migrated: what an operator hands a fresh server), for tests that run a
 * whole Hearth process against it; `drop()` removes it, closing any sessions left. Null when PostgreSQL does not
 * answer and the run does not require it.
 */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  if (!(await isPostgresReachable())) {
    if (postgresRequired) throw new Error(`PostgreSQL is required for this run (CI) but ${postgresAdminUrl} does not answer.`);
    return null;
  }
  const name = `hearth_e_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`create database ${name}`));
  return { url: postgresUrlFor(name), drop: () => withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`)).then(() => {}) };
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  // CREATE DATABASE … TEMPLATE fails while another session copies the same template; retry briefly.
  for (let attempt = 0; ; attempt += 1) {
    const admin = new pg.Client({ connectionString: postgresAdminUrl });
    await admin.connect();
    try {
      return await work(admin);
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String((error as Error).message))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    } finally {
      await admin.end();
    }
  }
}
