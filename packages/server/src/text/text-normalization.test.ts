import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test-support/test-api.js';
import { arabicWordForms, normalizeText, phraseWords, wordTokens } from './text-normalization.js';

/** Inputs and their normal form: both the TypeScript normalizer and the SQL one must give exactly this. */
const cases: Array<[input: string, expected: string]> = [
  ['Hello World', 'hello world'],
  ['ÉCOLE Ça', 'école ça'],
  ['İstanbul', 'istanbul'],
  ['ΟΔΟΣ', 'οδοσ'],
  ['STRASSE', 'strasse'],
  // Arabic short vowels, shadda, sukun, tanwin and the dagger alef are dropped.
  ['السُّكَّرِيُّ', 'السكري'],
  ['كِتَابٌ', 'كتاب'],
  ['رَحْمٰن', 'رحمن'],
  // Tatweel (kashida) stretching.
  ['الســـــكري', 'السكري'],
  // Alef forms, alef maqsura, ta marbuta.
  ['أسرة', 'اسره'],
  ['إيمان', 'ايمان'],
  ['آمال', 'امال'],
  ['ٱلرحمن', 'الرحمن'],
  ['مرضى', 'مرضي'],
  ['مستشفى الأمل', 'مستشفي الامل'],
  ['أريد أن أموت', 'اريد ان اموت'],
  ['لن أؤذي نفسي', 'لن اؤذي نفسي'],
  // NFKC: presentation forms, ligatures, full-width and compatibility characters.
  ['ﻻ', 'لا'],
  ['ﷲ', 'الله'],
  ['ﬁne', 'fine'],
  ['ＦＵＬＬ ｗｉｄｔｈ', 'full width'],
  ['①', '1'],
  // Digits stay as written (Arabic-Indic digits are not Latin digits to NFKC).
  ['١٢٣ 123', '١٢٣ 123'],
  // Mixed scripts in one string.
  ['Diabetes السكري Group', 'diabetes السكري group'],
  ['', ''],
];

describe('normalizeText', () => {
  it.each(cases)('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const [input] of cases) expect(normalizeText(normalizeText(input))).toBe(normalizeText(input));
  });
});

describeEachDatabase('normalizeText and the SQL hearth_search_normalize', (api) => {
  it('agree on every case (the SQL side given NFKC text, as the TypeScript side makes it)', async () => {
    const { rows } = await sql<{ input: string; folded: string }>`
      select input, hearth_search_normalize(normalize(input, NFKC)) as folded
      from unnest(${cases.map(([input]) => input)}::text[]) as input`.execute(api().database.db);
    expect(rows).toHaveLength(cases.length);
    for (const row of rows) expect([row.input, normalizeText(row.input)]).toEqual([row.input, row.folded]);
  });

  it('agree without NFKC on text that NFKC leaves alone', async () => {
    const stable = cases.map(([input]) => input).filter((input) => input === input.normalize('NFKC'));
    const { rows } = await sql<{ input: string; folded: string }>`
      select input, hearth_search_normalize(input) as folded from unnest(${stable}::text[]) as input`.execute(api().database.db);
    for (const row of rows) expect([row.input, normalizeText(row.input)]).toEqual([row.input, row.folded]);
  });
});

describe('wordTokens', () => {
  it('splits on anything but letters, marks and digits, and keeps places in the visible text', () => {
    const { visibleText, tokens } = wordTokens('Hi, self-harm… “I’m” ok');
    expect(tokens.map((token) => token.word)).toEqual(['hi', 'self', 'harm', 'im', 'ok']);
    expect(tokens.map((token) => visibleText.slice(token.start, token.end))).toEqual(['Hi', 'self', 'harm', 'I’m', 'ok']);
  });

  it('sees through zero-width characters, bidi marks and soft hyphens inside a word', () => {
    expect(phraseWords('ki\u200Bll my\u00ADself \u202Eok\u202C')).toEqual(['kill', 'myself', 'ok']);
    expect(phraseWords('أ\u200Cريد')).toEqual(['اريد']);
  });

  it('keeps combining marks inside words instead of splitting on them', () => {
    expect(phraseWords('cafe\u0301 नमस्ते')).toEqual(['café', 'नमस्ते']);
  });

  it('drops words that fold to nothing (a lone tatweel or diacritic)', () => {
    expect(phraseWords('ـــ َ word')).toEqual(['word']);
  });
});

describe('arabicWordForms', () => {
  it('sees through attached conjunctions, prepositions, the future marker and the article', () => {
    expect(arabicWordForms('والانتحار')).toEqual(expect.arrayContaining(['والانتحار', 'الانتحار', 'انتحار']));
    expect(arabicWordForms('سأقتل'.normalize('NFKC').replace('أ', 'ا'))).toContain('اقتل');
    expect(arabicWordForms('للموت')).toEqual(expect.arrayContaining(['الموت', 'موت']));
    expect(arabicWordForms('بالسكين')).toEqual(expect.arrayContaining(['السكين', 'سكين']));
  });

  it('leaves other scripts and too-short remainders alone', () => {
    expect(arabicWordForms('assistance')).toEqual(['assistance']);
    expect(arabicWordForms('ول')).toEqual(['ول']);
  });
});
