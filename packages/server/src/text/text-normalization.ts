/**
 * One spelling for text that readers see as the same: what the word lists and the crisis detector match on.
 *
 * `normalizeText` is the TypeScript twin of the database's `hearth_search_normalize` (migration 0002) applied to
 * NFKC text: Unicode NFKC (so presentation forms such as "ﻻ" and full-width "Ｋ" become "لا" and "k"), lower
 * case, Arabic short vowels and other marks (U+064B–U+0652, the dagger alef U+0670) and the tatweel (U+0640)
 * dropped, alef forms أ إ آ ٱ → ا, alef maqsura ى → ي and ta marbuta ة → ه. A test runs both over one table of
 * cases, so a phrase folded here and a phrase folded in SQL stay the same.
 *
 * `wordTokens` goes further for matching: it drops invisible format characters (zero-width spaces and joiners,
 * bidi marks, the soft hyphen) that would otherwise split or disguise a word, drops apostrophes inside words
 * ("don't" → "dont", "I'm" → "im", as people type them anyway), and splits the text into words with their places,
 * so phrases match whole words only ("ass" never matches "assistance").
 */

const arabicMarks = /[\u064B-\u0652\u0670\u0640]/g;
const arabicLetterVariants: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه' };
const arabicLetterVariantPattern = /[أإآٱىة]/g;

/**
 * JavaScript lowercases "İ" to "i̇" (with a combining dot) and a word-final "Σ" to "ς"; PostgreSQL's lower() gives
 * "i" and "σ". Folding both the same way keeps this function and the SQL one equal on every input.
 */
function lowerCaseLikePostgres(text: string): string {
  return text.toLowerCase().replace(/i\u0307/g, 'i').replace(/ς/g, 'σ');
}

/** NFKC, lower case, Arabic marks and tatweel dropped, Arabic letter variants unified. */
export function normalizeText(text: string): string {
  return lowerCaseLikePostgres(text.normalize('NFKC'))
    .replace(arabicMarks, '')
    .replace(arabicLetterVariantPattern, (letter) => arabicLetterVariants[letter]!);
}

/** Invisible characters (Unicode "format", Cf): zero-width space/joiners, bidi marks and controls, soft hyphen. */
const formatCharacters = /\p{Cf}/gu;
/** A word: letters, marks and digits, with apostrophes allowed inside ("don't"). */
const wordPattern = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const apostrophes = /['’ʼ]/g;
const arabicLetter = /[\u0600-\u06FF]/;

export interface WordToken {
  /** The word, normalized (`normalizeText`) and without apostrophes. */
  word: string;
  /** Where the word starts and ends in `visibleText` (the NFKC text with format characters removed). */
  start: number;
  end: number;
}

export interface TokenizedText {
  /** The text as matched: NFKC, invisible format characters removed (not yet lower-cased). */
  visibleText: string;
  tokens: WordToken[];
}

/** The text's words, normalized, with their places in the visible text. */
export function wordTokens(text: string): TokenizedText {
  const visibleText = text.normalize('NFKC').replace(formatCharacters, '');
  const tokens: WordToken[] = [];
  for (const match of visibleText.matchAll(wordPattern)) {
    const word = normalizeText(match[0]).replace(apostrophes, '');
    // A "word" made only of marks or tatweel folds to nothing.
    if (word) tokens.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return { visibleText, tokens };
}

/** The normalized words of a phrase, as a word list entry or a detector pattern word is written. */
export function phraseWords(phrase: string): string[] {
  return wordTokens(phrase).tokens.map((token) => token.word);
}

/**
 * Arabic writes conjunctions, prepositions, the future marker and the article as part of the next word:
 * "والانتحار" is "و" + "ال" + "انتحار", "سأقتل" is "س" + "أقتل", "للموت" is "ل" + "ال" + "موت". A whole-word match
 * in Arabic must see through them, so each Arabic word also matches as each of its forms without these prefixes
 * (keeping at least two letters, so short words are not reduced to noise).
 */
const conjunctions = ['', 'و', 'ف'];
const particles = ['', 'ب', 'ل', 'ك', 'س'];

export function arabicWordForms(word: string): string[] {
  if (!arabicLetter.test(word)) return [word];
  const forms = new Set<string>([word]);
  for (const conjunction of conjunctions) {
    for (const particle of particles) {
      const prefix = conjunction + particle;
      if (prefix && word.startsWith(prefix) && word.length - prefix.length >= 2) {
        const rest = word.slice(prefix.length);
        forms.add(rest);
        if (rest.startsWith('ال') && rest.length - 2 >= 2) forms.add(rest.slice(2));
      }
      // "لل" is "ل" + "ال" with the article's alef dropped: "للموت" → "الموت", "موت".
      if (particle === 'ل' && word.startsWith(conjunction + 'لل') && word.length - conjunction.length - 2 >= 2) {
        const rest = word.slice(conjunction.length + 2);
        forms.add('ال' + rest);
        forms.add(rest);
      }
    }
  }
  if (word.startsWith('ال') && word.length - 2 >= 2) forms.add(word.slice(2));
  return [...forms];
}
