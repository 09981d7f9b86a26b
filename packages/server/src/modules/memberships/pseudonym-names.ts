import { randomInt } from 'node:crypto';
import words from './pseudonym-words.json' with { type: 'json' };
import reserved from './reserved-pseudonyms.json' with { type: 'json' };

/**
 * Pseudonyms: how two of them are compared (so "Quiet Harbor 12" and "quiet-harbor ١٢" are the same name in a
 * group), which ones are refused because they imitate something Hearth shows (an anonymous alias, a tombstone,
 * a role, a system name), and friendly suggestions in the member's language.
 */

const lookalikes: Record<string, string> = {
  // Cyrillic and Greek letters that look like Latin ones ("Аdmin" with a Cyrillic А).
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'm', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  // Arabic letter variants readers take for one another.
  أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ی: 'ي', ئ: 'ي', ؤ: 'و', ة: 'ه', ک: 'ك', ڪ: 'ك',
};

const leet: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

function foldDigit(char: string): string {
  const code = char.codePointAt(0)!;
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return char;
}

/** Case, width, accents and harakat, tatweel, letter variants and lookalikes folded; digits made ASCII. */
function fold(name: string): string {
  return [...name.normalize('NFKC').toLowerCase().normalize('NFD').replace(/[\p{M}\u0640]/gu, '')]
    .map((char) => lookalikes[char] ?? foldDigit(char))
    .join('');
}

/** The Arabic definite article (with a joined و/ف/ب/ك/ل) folded off a word: «والمشرف» reads as «مشرف». */
function withoutArticle(word: string): string {
  const match = /^(?:[وفبك]?ال|لل)(.{2,})$/u.exec(word);
  return match ? match[1]! : word;
}

/** What makes two pseudonyms the same name to a reader: letters and digits, folded, without spacing or punctuation. */
export function pseudonymKey(pseudonym: string): string {
  return fold(pseudonym).replace(/[^\p{L}\p{N}]/gu, '');
}

type ReservedCategory = keyof typeof reserved & ('alias' | 'tombstone' | 'role' | 'system');
const categories: ReservedCategory[] = ['alias', 'tombstone', 'role', 'system'];
const reservedWords = new Map<string, ReservedCategory>(
  categories.flatMap((category) => reserved[category].names.map((name) => [withoutArticle(pseudonymKey(name).replace(/\p{N}/gu, '')), category] as const)),
);

/**
 * Why this pseudonym is refused, or null. It is read word by word (letters only: digits, spacing and
 * punctuation separate words) and as a whole (so "A.d.m.i.n" and "ان و ن" spelled apart are caught); any
 * reserved word refuses it, so "Anonymous 7", "[deleted]", "Admin Sara" and «المشرف ٣» are all refused.
 */
export function reservedPseudonymProblem(pseudonym: string): string | null {
  const folded = fold(pseudonym);
  const letterWords = folded.split(/[^\p{L}]+/u).filter((word) => word.length > 0);
  // Digits standing in for letters ("Adm1n", "H3arth"), read as the letters they imitate.
  const asLetters = [...folded].map((char) => leet[char] ?? char).join('').replace(/[^\p{L}]/gu, '');
  const candidates = [...letterWords, letterWords.join(''), asLetters].map(withoutArticle);
  for (const candidate of candidates) {
    const category = reservedWords.get(candidate);
    if (category) return reserved[category].message;
  }
  return null;
}

export type PseudonymLanguage = 'en' | 'ar';

export function pseudonymLanguage(locale: string): PseudonymLanguage {
  return locale.toLowerCase().split('-')[0] === 'ar' ? 'ar' : 'en';
}

const arabicDigits = (value: number) => String(value).replace(/\d/g, (digit) => String.fromCodePoint(0x0660 + Number(digit)));

/** One random friendly name: "Quiet Harbor 12", «نسمة هادئة ١٢». */
function candidate(language: PseudonymLanguage, maxNumber: number, pick: (max: number) => number): string {
  const number = pick(maxNumber) + 1;
  if (language === 'ar') {
    const noun = words.ar.nouns[pick(words.ar.nouns.length)]!;
    const adjective = words.ar.adjectives[pick(words.ar.adjectives.length)]!;
    return `${noun.word} ${noun.gender === 'f' ? adjective.f : adjective.m} ${arabicDigits(number)}`;
  }
  return `${words.en.adjectives[pick(words.en.adjectives.length)]} ${words.en.nouns[pick(words.en.nouns.length)]} ${number}`;
}

/**
 * A pseudonym whose key is not in `avoid` (the group's pseudonyms and the member's own in other groups). Random
 * rather than derived from the member: a name computed from who they are could be recomputed by someone else to
 * tie their pseudonyms in two groups together. 400 words × 99 numbers leave plenty; a crowded group gets longer
 * numbers.
 */
export function suggestPseudonym(language: PseudonymLanguage, avoid: ReadonlySet<string>, pick: (max: number) => number = randomInt): string {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const name = candidate(language, attempt < 100 ? 99 : 9999, pick);
    if (!avoid.has(pseudonymKey(name))) return name;
  }
  // Unreachable in practice (it needs tens of thousands of pseudonyms in one group); still never a taken name.
  for (let number = 10_000; ; number += 1) {
    const name = candidate(language, 1, () => 0).replace(/\S+$/u, language === 'ar' ? arabicDigits(number) : String(number));
    if (!avoid.has(pseudonymKey(name))) return name;
  }
}
