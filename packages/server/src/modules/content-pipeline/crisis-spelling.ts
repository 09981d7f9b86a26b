/**
 * Spelling correction for the crisis detector. People in distress type fast on phones: "i wnat to die",
 * "kil myself", "suicde", «اريد الانتحرر», «اموتت». A misspelled word is corrected to a lexicon word when it is one
 * edit away (a letter added, dropped, changed or two neighbours swapped) and long enough that its real neighbours
 * are few; short misspellings seen often are listed; real words that sit one edit from a lexicon word ("fridge"
 * and "bridge", "tables" and "tablets") are listed to keep.
 */

/** Damerau–Levenshtein distance of at most one, the edit at `fixedStart` or later. */
export function withinOneEdit(a: string, b: string, fixedStart = 0): boolean {
  if (a === b) return true;
  const lengthDifference = a.length - b.length;
  if (Math.abs(lengthDifference) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (i < fixedStart) return false;
  if (lengthDifference === 0) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return lengthDifference > 0 ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export interface SpellingOptions {
  /** Words a misspelling may be corrected to. */
  vocabulary: readonly string[];
  /** Misspellings too short or too close to real words for the one-edit rule, with their correction. */
  known?: Readonly<Record<string, string>>;
  /** Real words never corrected. */
  keep?: ReadonlySet<string>;
  /** Shorter words are never corrected by the one-edit rule. @default 5 */
  minimumLength?: number;
  /**
   * How many first letters an edit never touches. Arabic attaches prefixes (و ف ب ل س ال): with 2, «سأنتحر» is
   * not "corrected" to «انتحر» (dropping the future) nor «لأولادي» to «أولادي». @default 0
   */
  fixedStart?: number;
}

export class SpellingCorrector {
  private readonly cache = new Map<string, string>();
  private readonly vocabulary: ReadonlySet<string>;
  private readonly byLength = new Map<number, string[]>();
  private readonly known: Readonly<Record<string, string>>;
  private readonly keep: ReadonlySet<string>;
  private readonly minimumLength: number;
  private readonly fixedStart: number;

  constructor(options: SpellingOptions) {
    this.known = options.known ?? {};
    this.keep = options.keep ?? new Set();
    this.minimumLength = options.minimumLength ?? 5;
    this.fixedStart = options.fixedStart ?? 0;
    this.vocabulary = new Set(options.vocabulary);
    for (const word of this.vocabulary) {
      if (word.length < this.minimumLength - 1) continue;
      this.byLength.set(word.length, [...(this.byLength.get(word.length) ?? []), word]);
    }
  }

  correct = (word: string): string => {
    const known = this.known[word];
    if (known !== undefined) return known;
    if (word.length < this.minimumLength || this.keep.has(word) || this.vocabulary.has(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    let corrected = word;
    for (const length of [word.length, word.length - 1, word.length + 1]) {
      const candidate = this.byLength.get(length)?.find((entry) => withinOneEdit(word, entry, this.fixedStart));
      if (candidate) {
        corrected = candidate;
        break;
      }
    }
    // Bounded, so a long stream of unusual words cannot grow it without end.
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(word, corrected);
    return corrected;
  };
}

/**
 * Arabic typing slips the one-edit rule is too cautious for on short words: a doubled last letter («اموتت»,
 * «جرحتت») is dropped when that gives a word of `vocabulary` (every word of the Arabic lexicon).
 */
export function arabicCorrection(corrector: SpellingCorrector, vocabulary: ReadonlySet<string>): (word: string) => string {
  return (raw) => {
    // Iraqi and Gulf گ is ق («ألحگه»); a letter drawn out («اموووت», three or more) is one letter.
    const word = raw.replace(/گ/g, 'ق').replace(/(\p{L})\1{2,}/gu, '$1');
    const last = word.at(-1);
    if (word.length >= 4 && last !== undefined && word.at(-2) === last && !vocabulary.has(word)) {
      const shorter = word.slice(0, -1);
      if (vocabulary.has(shorter)) return shorter;
    }
    return corrector.correct(word);
  };
}
