import pg from 'pg';

/** The databases every database test runs on: PGlite always, PostgreSQL when reachable (and always in CI). */
export type DatabaseKind = 'pglite' | 'postgres';

export const postgresAdminUrl = process.env.HEARTH_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** In CI (or when asked) a missing PostgreSQL fails the run instead of skipping its half of the tests. */
export const postgresRequired = process.env.CI === 'true' || process.env.HEARTH_REQUIRE_POSTGRES === '1';
export const templateDatabaseName = `hearth_template_${process.env.HEARTH_TEST_RUN_ID ?? 'local'}`;

export function postgresUrlFor(database: string): string {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function isPostgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
