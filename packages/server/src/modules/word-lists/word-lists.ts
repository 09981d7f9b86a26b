import type { HearthDb } from '../../db/database.js';
import type { WordListEntryRow } from '../../db/tables.js';
import { ConflictError, NotFoundError } from '../../schema/errors.js';
import { isUniqueViolation } from '../../db/constraint-errors.js';
import { lockInstitution } from '../institutions/institution.queries.js';
import { arabicWordForms, phraseWords, wordTokens } from '../../text/text-normalization.js';
import {
  countWordListEntries,
  deleteWordListEntry,
  findWordListEntryByPhrase,
  insertWordListEntry,
  type WordListAction,
} from './word-list.queries.js';

/**
 * An institution's word list: phrases that its posts and replies may not contain (BLOCK: the author is asked to
 * rephrase) or that send an item to the facilitators before anyone sees it (HOLD).
 *
 * Phrases match whole words, after the normalization in src/text/text-normalization.ts, so "ass" never matches
 * "assistance", "Idiot" matches "idiot", "غبي" matches "غَبِيّ", "الغبي" and "والغبي", and a zero-width space
 * can't split a word to slip past. Matching is by words, not letters: deliberate misspellings ("1d10t") are not
 * caught; HOLD entries for the common ones are the remedy.
 */

/** At most this many entries per institution: enough for any real list, and matching stays fast. */
export const maxWordListEntries = 2000;
/** A phrase is at most this many words. */
export const maxPhraseWords = 8;

/** The stored, matched form of a phrase: its normalized words joined by single spaces ('' when it has none). */
export function normalizePhrase(phrase: string): string {
  return phraseWords(phrase).join(' ');
}

/** A phrase word also matches without its article: an entry "الغبي" catches "غبي" too. */
function phraseWordForms(word: string): string[] {
  return word.startsWith('ال') && word.length - 2 >= 2 ? [word, word.slice(2)] : [word];
}

export interface WordListMatch {
  action: WordListAction;
  phrase: string;
}

export interface WordListMatcher {
  /** Every entry the text contains, BLOCK entries first. */
  matches(text: string): WordListMatch[];
}

export function compileWordList(entries: readonly Pick<WordListEntryRow, 'normalized_phrase' | 'action'>[]): WordListMatcher {
  const byFirstWord = new Map<string, Array<{ words: string[][]; action: WordListAction; phrase: string }>>();
  for (const entry of entries) {
    const words = entry.normalized_phrase.split(' ').filter(Boolean);
    if (words.length === 0) continue;
    const compiled = { words: words.map(phraseWordForms), action: entry.action, phrase: entry.normalized_phrase };
    for (const form of compiled.words[0]!) byFirstWord.set(form, [...(byFirstWord.get(form) ?? []), compiled]);
  }
  return {
    matches(text) {
      if (byFirstWord.size === 0) return [];
      const tokens = wordTokens(text).tokens.map((token) => arabicWordForms(token.word));
      const found = new Map<string, WordListMatch>();
      tokens.forEach((forms, start) => {
        for (const form of forms) {
          for (const entry of byFirstWord.get(form) ?? []) {
            if (found.has(entry.phrase)) continue;
            const whole = entry.words.every((wordForms, offset) => {
              const candidate = tokens[start + offset];
              return candidate !== undefined && wordForms.some((wordForm) => candidate.includes(wordForm));
            });
            if (whole) found.set(entry.phrase, { action: entry.action, phrase: entry.phrase });
          }
        }
      });
      return [...found.values()].sort((a, b) => (a.action === b.action ? 0 : a.action === 'BLOCK' ? -1 : 1));
    },
  };
}

/**
 * Adds a phrase to the institution's list. Under the institution's row lock, so two admins adding at once can't
 * take the list past its size; the same phrase twice (after normalization) is a ConflictError naming the entry.
 */
export async function addWordListEntry(db: HearthDb, institutionId: string, phrase: string, action: WordListAction): Promise<WordListEntryRow> {
  const normalizedPhrase = normalizePhrase(phrase);
  try {
    return await db.transaction().execute(async (trx) => {
      await lockInstitution(trx, institutionId);
      const existing = await findWordListEntryByPhrase(trx, institutionId, normalizedPhrase);
      if (existing) throw duplicate(existing);
      if ((await countWordListEntries(trx, institutionId)) >= maxWordListEntries) {
        throw new ConflictError(`The word list already holds ${maxWordListEntries.toLocaleString('en')} entries; remove one before adding another.`);
      }
      return insertWordListEntry(trx, { institutionId, phrase, normalizedPhrase, action });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await findWordListEntryByPhrase(db, institutionId, normalizedPhrase);
    throw existing ? duplicate(existing) : error;
  }
}

function duplicate(existing: WordListEntryRow): ConflictError {
  return new ConflictError(`"${existing.phrase}" is already on the word list (${existing.action}), and matches the same words.`);
}

/** Removes an entry of the institution's list; an entry of another institution is not found, as if absent. */
export async function removeWordListEntry(db: HearthDb, institutionId: string, entryId: string): Promise<WordListEntryRow> {
  const removed = await deleteWordListEntry(db, institutionId, entryId);
  if (!removed) throw new NotFoundError('No such word list entry.');
  return removed;
}
