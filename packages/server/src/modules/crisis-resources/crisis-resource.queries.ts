import type { HearthDb } from '../../db/database.js';
import type { CrisisResourceRow } from '../../db/tables.js';

/** Every crisis resource of these institutions, in each locale's configured order. */
export async function findCrisisResourcesOfInstitutions(db: HearthDb, institutionIds: readonly string[]): Promise<CrisisResourceRow[]> {
  if (institutionIds.length === 0) return [];
  return db
    .selectFrom('crisis_resources')
    .selectAll()
    .where('institution_id', 'in', institutionIds)
    .orderBy('institution_id')
    .orderBy('locale')
    .orderBy('position')
    .execute();
}

/**
 * The institution's default locale and every crisis resource it configured, in one statement: the pipeline needs
 * both to choose the list for an author's locale.
 */
export async function findInstitutionCrisisSettings(
  db: HearthDb,
  institutionId: string,
): Promise<{ defaultLocale: string; resources: CrisisResourceRow[] } | undefined> {
  const rows = await db
    .selectFrom('institutions')
    .leftJoin('crisis_resources', 'crisis_resources.institution_id', 'institutions.id')
    .select([
      'institutions.default_locale',
      'crisis_resources.id',
      'crisis_resources.institution_id',
      'crisis_resources.locale',
      'crisis_resources.position',
      'crisis_resources.name',
      'crisis_resources.phone',
      'crisis_resources.url',
      'crisis_resources.description',
    ])
    .where('institutions.id', '=', institutionId)
    .orderBy('crisis_resources.locale')
    .orderBy('crisis_resources.position')
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  const resources = rows.flatMap((row) =>
    row.id === null
      ? []
      : [{ id: row.id, institution_id: row.institution_id!, locale: row.locale!, position: row.position!, name: row.name!, phone: row.phone, url: row.url, description: row.description }],
  );
  return { defaultLocale: first.default_locale, resources };
}

export interface NewCrisisResource {
  name: string;
  phone: string | null;
  url: string | null;
  description: string | null;
}

/** Replaces the institution's list for one locale (in a transaction: readers see the old list or the new one). */
export async function replaceCrisisResources(trx: HearthDb, institutionId: string, locale: string, resources: NewCrisisResource[]): Promise<CrisisResourceRow[]> {
  await trx.deleteFrom('crisis_resources').where('institution_id', '=', institutionId).where('locale', '=', locale).execute();
  if (resources.length === 0) return [];
  return trx
    .insertInto('crisis_resources')
    .values(resources.map((resource, position) => ({ institution_id: institutionId, locale, position, ...resource })))
    .returningAll()
    .execute()
    .then((rows) => rows.sort((a, b) => a.position - b.position));
}
