import { sql, type Kysely } from 'kysely';

/**
 * What the conversations need beyond 0003:
 * - `groups.public_reading`: a PUBLIC group may let anyone, guests included, read its posts (off by default: a
 *   support group's conversations are for its members unless it decides otherwise);
 * - content timestamps default to the whole second. A sub-second instant is a fingerprint: shared with another
 *   record written in the same transaction, it could link an anonymous post to its author. The posts module
 *   writes whole seconds itself; these defaults keep every other writer (seeds, benchmarks) to the same rule.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table groups add column public_reading boolean not null default false`.execute(db);
  await sql`alter table posts alter column created_at set default date_trunc('second', now())`.execute(db);
  await sql`alter table posts alter column last_activity_at set default date_trunc('second', now())`.execute(db);
  await sql`alter table replies alter column created_at set default date_trunc('second', now())`.execute(db);
  await sql`alter table reactions alter column created_at set default date_trunc('second', now())`.execute(db);
  await sql`alter table content_edits alter column edited_at set default date_trunc('second', now())`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table content_edits alter column edited_at set default now()`.execute(db);
  await sql`alter table reactions alter column created_at set default now()`.execute(db);
  await sql`alter table replies alter column created_at set default now()`.execute(db);
  await sql`alter table posts alter column last_activity_at set default now()`.execute(db);
  await sql`alter table posts alter column created_at set default now()`.execute(db);
  await sql`alter table groups drop column if exists public_reading`.execute(db);
}
