import { sql, type Kysely } from 'kysely';

/**
 * An institution's own crisis classifier, called over HTTP after Hearth's built-in detector (content pipeline,
 * crisis-classifier-stage.ts). Null means none: the built-in detector alone decides.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table institutions add column crisis_classifier_url text null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table institutions drop column if exists crisis_classifier_url`.execute(db);
}
