import type { HearthDb } from '../../db/database.js';
import type { CrisisResourceRow, InstitutionRow } from '../../db/tables.js';
import { findInstitutionsByIds } from '../institutions/institution.queries.js';
import { findInstitutionCrisisSettings, replaceCrisisResources, type NewCrisisResource } from './crisis-resource.queries.js';
import builtInData from './crisis-resources.default.json' with { type: 'json' };

/**
 * Which crisis resources a reader sees: the institution's own list for the reader's locale ("ar-EG", then "ar"),
 * else its list for its default locale, else Hearth's built-in list for the reader's language, the institution's
 * default language, or English. An institution's own list comes first because it names the services that answer
 * where its members live; the built-in lists are international and the last resort.
 */

/** A service to contact in a crisis, as a reader sees it (shown to an author whose text the pipeline flags). */
export interface CrisisResource {
  name: string;
  phone: string | null;
  url: string | null;
  description: string | null;
  locale: string;
}

type BuiltInResource = Omit<CrisisResource, 'locale'>;

/** Hearth's built-in lists by language (see the data file for what each number is and where it applies). */
export const builtInCrisisResources: Readonly<Record<string, readonly CrisisResource[]>> = Object.fromEntries(
  Object.entries(builtInData as unknown as Record<string, BuiltInResource[] | string[]>)
    .filter((entry): entry is [string, BuiltInResource[]] => !entry[0].startsWith('$'))
    .map(([language, resources]) => [language, resources.map((resource) => ({ ...resource, locale: language }))]),
);

/** BCP 47 tags compare case-insensitively; Hearth keeps them lower-case. */
export function canonicalLocale(locale: string): string {
  return locale.trim().toLowerCase();
}

/** "ar-eg" → ["ar-eg", "ar"]; "en" → ["en"]. */
function localeAndLanguage(locale: string): string[] {
  const canonical = canonicalLocale(locale);
  const language = canonical.split('-')[0]!;
  return language === canonical ? [canonical] : [canonical, language];
}

export function toCrisisResource(row: CrisisResourceRow): CrisisResource {
  return { name: row.name, phone: row.phone, url: row.url, description: row.description, locale: row.locale };
}

/** Chooses the list for a reader's locale from an institution's configured resources (see the module comment). */
export function chooseCrisisResources(configured: readonly CrisisResourceRow[], readerLocale: string | null, defaultLocale: string): CrisisResource[] {
  const byLocale = new Map<string, CrisisResourceRow[]>();
  for (const row of configured) {
    const locale = canonicalLocale(row.locale);
    byLocale.set(locale, [...(byLocale.get(locale) ?? []), row]);
  }
  const configuredOrder = [...(readerLocale ? localeAndLanguage(readerLocale) : []), ...localeAndLanguage(defaultLocale)];
  for (const locale of configuredOrder) {
    const rows = byLocale.get(locale);
    if (rows?.length) return [...rows].sort((a, b) => a.position - b.position).map(toCrisisResource);
  }
  const builtInOrder = [...(readerLocale ? localeAndLanguage(readerLocale) : []), ...localeAndLanguage(defaultLocale), 'en'];
  for (const locale of builtInOrder) {
    const resources = builtInCrisisResources[locale];
    if (resources?.length) return [...resources];
  }
  return [];
}

/** The crisis resources to show an author writing in this institution with this locale. */
export async function crisisResourcesFor(db: HearthDb, institutionId: string, readerLocale: string | null): Promise<CrisisResource[]> {
  const settings = await findInstitutionCrisisSettings(db, institutionId);
  return chooseCrisisResources(settings?.resources ?? [], readerLocale, settings?.defaultLocale ?? 'en');
}

/** Replaces an institution's list for one locale, in one transaction, and returns what is now stored. */
export async function setInstitutionCrisisResources(
  db: HearthDb,
  institutionId: string,
  locale: string,
  resources: NewCrisisResource[],
): Promise<{ institution: InstitutionRow; locale: string; resources: CrisisResource[] }> {
  const canonical = canonicalLocale(locale);
  const rows = await db.transaction().execute((trx) => replaceCrisisResources(trx, institutionId, canonical, resources));
  const [institution] = await findInstitutionsByIds(db, [institutionId]);
  return { institution: institution!, locale: canonical, resources: rows.map(toCrisisResource) };
}
