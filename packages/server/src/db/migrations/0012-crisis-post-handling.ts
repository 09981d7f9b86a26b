import { sql, type Kysely } from 'kysely';

/**
 * What happens to a post or reply in crisis. The institution chooses (institutions.crisis_post_handling):
 * PUBLISH_WITH_WARNING, the default, publishes it behind an automatic content warning so peers choose to open it;
 * HOLD_FOR_FACILITATOR holds it for a facilitator (the pre-moderation path: PENDING_REVIEW). The writer chooses
 * for their own item (crisis_visibility): WITH_WARNING (the default), VISIBLE (no automatic warning), or
 * FACILITATORS_ONLY (peers don't see it; the writer and the group's facilitators do).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table institutions add column crisis_post_handling text not null default 'PUBLISH_WITH_WARNING'
    check (crisis_post_handling in ('PUBLISH_WITH_WARNING', 'HOLD_FOR_FACILITATOR'))`.execute(db);
  for (const table of ['posts', 'replies']) {
    await sql`alter table ${sql.table(table)} add column crisis_visibility text not null default 'WITH_WARNING'
      check (crisis_visibility in ('WITH_WARNING', 'VISIBLE', 'FACILITATORS_ONLY'))`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['posts', 'replies']) await sql`alter table ${sql.table(table)} drop column if exists crisis_visibility`.execute(db);
  await sql`alter table institutions drop column if exists crisis_post_handling`.execute(db);
}
