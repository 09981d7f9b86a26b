import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import type { Logger } from 'pino';
import { watchPoolConnections } from './availability.js';
import { hearthMigrations } from './migrations/index.js';
import { recordStatement } from './statement-counter.js';
import type { HearthDatabase } from './tables.js';

export type HearthDb = Kysely<HearthDatabase>;

/** Where the data lives: a PostgreSQL server, a PGlite folder, or an already open PGlite (tests). */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-instance'; pglite: PGlite };

export interface Database {
  db: HearthDb;
  kind: 'postgres' | 'pglite';
  /** Closes the pool and, for an embedded database this module opened, PGlite itself. */
  close(): Promise<void>;
}

/** Extensions the migrations need, loaded into PGlite (a PostgreSQL server ships them as contrib). */
export const pgliteExtensions = { pg_trgm };

export async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  if (dataDir && !dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir, { extensions: pgliteExtensions });
  await pglite.waitReady;
  return pglite;
}

/**
 * One Kysely `PostgresDialect` for both databases: a real `pg.Pool` on PostgreSQL, or a one-connection pool
 * speaking to PGlite in-process. Everything above this function runs the same queries on both.
 */
export async function openDatabase(target: DatabaseTarget, options: { logger?: Logger | undefined } = {}): Promise<Database> {
  let ownedPglite: PGlite | undefined;
  let pool: pg.Pool;
  if (target.kind === 'postgres') {
    // A bounded connect: an unreachable host (not just a refused port) fails a request in seconds with a 503
    // instead of holding it until the HTTP timeout.
    pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, connectionTimeoutMillis: 5000 });
  } else {
    const pglite = target.kind === 'pglite' ? await openPglite(target.dataDir) : target.pglite;
    if (target.kind === 'pglite') ownedPglite = pglite;
    pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  }
  // A server restart must not crash the process; the next query reconnects (see watchPoolConnections).
  const connections = watchPoolConnections(pool, options.logger);
  const db = new Kysely<HearthDatabase>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      recordStatement();
      if (event.level === 'error') connections.failed(event.error);
      else connections.answered(Date.now() - event.queryDurationMillis);
    },
  });
  return {
    db,
    kind: target.kind === 'postgres' ? 'postgres' : 'pglite',
    async close() {
      await db.destroy();
      await ownedPglite?.close();
    },
  };
}

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: HearthDb): Promise<string[]> {
  // Unordered: migrations landed out of number order (0009 and 0011 before 0007 and 0008), and a database that
  // already ran the later ones must still take the earlier ones rather than be refused.
  const migrator = new Migrator({ db, provider: hearthMigrations, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String((error as Error).message ?? error)}`);
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** True when the database answers a trivial query (used by `/readyz`). */
export async function isDatabaseReachable(db: HearthDb): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
