import { sql } from 'kysely';
import type { HearthDb } from '../src/db/database.js';

/**
 * A digest of every row of every Hearth table. Equal fingerprints before and after a refused request prove the
 * request wrote nothing — not even half of a multi-row write.
 */
export async function databaseFingerprint(db: HearthDb): Promise<Record<string, string>> {
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  const fingerprint: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const { rows } = await sql<{ digest: string | null; count: number }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*)::int as count
      from ${sql.table(table)} as t`.execute(db);
    fingerprint[table] = `${rows[0]?.count}:${rows[0]?.digest}`;
  }
  return fingerprint;
}

/** Signs of an internal leak in a response: stack frames, source paths, SQL, database messages. */
export const internalDetailPattern =
  /(\bat\s+\S+\s+\(|\.ts:\d+|\.js:\d+|node_modules|\bselect\s.+\sfrom\b|\binsert\s+into\b|\bupdate\s+\S+\s+set\b|violates|\brelation\s+"|syntax error at|duplicate key|pg_|kysely)/i;

/**
 * The fingerprint of everything but service tokens, whose last use authentication records on any request,
 * refused or not: what a refused request by a service token (or next to one) must leave as it was.
 */
export async function contentFingerprint(db: HearthDb): Promise<Record<string, string>> {
  const { service_tokens: _lastUsed, ...rest } = await databaseFingerprint(db);
  return rest;
}
