import type { HearthDb } from '../../db/database.js';
import type { WordListEntryRow } from '../../db/tables.js';

export type WordListAction = WordListEntryRow['action'];

/** Every entry of an institution's word list: what the pipeline matches each post and reply against. */
export async function findWordListOfInstitution(db: HearthDb, institutionId: string): Promise<Pick<WordListEntryRow, 'normalized_phrase' | 'action'>[]> {
  return db.selectFrom('word_list_entries').select(['normalized_phrase', 'action']).where('institution_id', '=', institutionId).execute();
}

export async function findWordListEntriesByIds(db: HearthDb, ids: readonly string[]): Promise<WordListEntryRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('word_list_entries').selectAll().where('id', 'in', ids).execute();
}

/** One page of an institution's entries in phrase order, after the keyset cursor [normalized phrase, id]. */
export async function listWordListEntries(
  db: HearthDb,
  institutionId: string,
  page: { size: number; after: { phrase: string; id: string } | null },
): Promise<WordListEntryRow[]> {
  let query = db.selectFrom('word_list_entries').selectAll().where('institution_id', '=', institutionId);
  if (page.after) {
    const { phrase, id } = page.after;
    query = query.where((eb) => eb.or([eb('normalized_phrase', '>', phrase), eb.and([eb('normalized_phrase', '=', phrase), eb('id', '>', id)])]));
  }
  return query.orderBy('normalized_phrase').orderBy('id').limit(page.size + 1).execute();
}

export async function countWordListEntries(db: HearthDb, institutionId: string): Promise<number> {
  const row = await db
    .selectFrom('word_list_entries')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('institution_id', '=', institutionId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertWordListEntry(
  trx: HearthDb,
  entry: { institutionId: string; phrase: string; normalizedPhrase: string; action: WordListAction },
): Promise<WordListEntryRow> {
  return trx
    .insertInto('word_list_entries')
    .values({ institution_id: entry.institutionId, phrase: entry.phrase, normalized_phrase: entry.normalizedPhrase, action: entry.action })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findWordListEntryByPhrase(db: HearthDb, institutionId: string, normalizedPhrase: string): Promise<WordListEntryRow | undefined> {
  return db.selectFrom('word_list_entries').selectAll().where('institution_id', '=', institutionId).where('normalized_phrase', '=', normalizedPhrase).executeTakeFirst();
}

export async function deleteWordListEntry(db: HearthDb, institutionId: string, id: string): Promise<WordListEntryRow | undefined> {
  return db.deleteFrom('word_list_entries').where('id', '=', id).where('institution_id', '=', institutionId).returningAll().executeTakeFirst();
}
