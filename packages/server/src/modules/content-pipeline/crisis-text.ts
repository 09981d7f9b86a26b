import { wordTokens } from '../../text/text-normalization.js';

/**
 * The crisis detector's view of a text: sentences, each cut into segments at contrastive words ("but", "لكن") and
 * at quotation marks, each segment a string of normalized, spelling-corrected words joined by single spaces, with a
 * "|" token where punctuation ends a clause inside it (a comma, a dash). Rules match segment strings; a word gap in
 * a rule never crosses a "|", and a negation reaches only to the start of its clause, so "No, I want to die" keeps
 * its "No" to itself while "I'm tired, so tired, and I want to die" is still one segment.
 */
export const clauseMark = '|';

export interface Segment {
  /** Normalized words and "|" clause marks, joined by single spaces. */
  text: string;
  /** Index of the sentence in the text. */
  sentence: number;
  /** Index of the quotation the segment is in, or null. */
  quote: number | null;
}

export interface Sentence {
  segments: Segment[];
  /** The sentence's words outside quotations (for attributing a quotation, finding a reported question…). */
  unquoted: string;
}

/** Corrects a normalized word's spelling (crisis-spelling.ts); identity when there is nothing to correct. */
export type SpellingCorrection = (word: string) => string;

const sentenceEnd = /[.!?؟…\n]/;
const clauseEnd = /[,،;؛:(){}[\]/]|\s[-–—]\s|[–—]/;
const quotationMarks = /["“”«»„]/;
/** Pairs of quotation marks; a straight single quote counts only at word edges, so apostrophes are not quotes. */
const quotationPatterns = [
  /“[^”]*”/g,
  /„[^“”]*[“”]/g,
  /«[^»]*»/g,
  /"[^"]*"/g,
  /‘(?:[^’]|’(?=[\p{L}\p{N}]))*’(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])'(?=\S)(?:[^']|'(?=[\p{L}\p{N}]))*'(?![\p{L}\p{N}])/gu,
];

/**
 * Splits a text into sentences and segments. `contrastive` says which (corrected) words start a new segment:
 * they are kept at the start of the segment they open, so a rule can still see "but".
 */
export function readSentences(text: string, correct: SpellingCorrection, contrastive: ReadonlySet<string>): Sentence[] {
  const { visibleText, tokens } = wordTokens(text);
  const quotes: Array<[number, number]> = [];
  for (const pattern of quotationPatterns) {
    for (const match of visibleText.matchAll(pattern)) {
      const span: [number, number] = [match.index, match.index + match[0].length];
      if (!quotes.some(([start, end]) => span[0] < end && start < span[1])) quotes.push(span);
    }
  }
  const sentences: Array<{ segments: Array<{ words: string[]; quote: number | null }>; unquoted: string[] }> = [];
  let sentence: (typeof sentences)[number] | null = null;
  let segment: { words: string[]; quote: number | null } | null = null;
  tokens.forEach((token, index) => {
    const quoteIndex = quotes.findIndex(([start, end]) => token.start > start && token.end < end);
    const quote = quoteIndex === -1 ? null : quoteIndex;
    const gap = index === 0 ? '' : visibleText.slice(tokens[index - 1]!.end, token.start);
    const word = correct(token.word);
    if (sentence === null || sentenceEnd.test(gap)) {
      sentence = { segments: [], unquoted: [] };
      sentences.push(sentence);
      segment = null;
    }
    if (segment === null || segment.quote !== quote || quotationMarks.test(gap) || contrastive.has(word)) {
      segment = { words: [], quote };
      sentence.segments.push(segment);
    } else if (clauseEnd.test(gap)) {
      segment.words.push(clauseMark);
    }
    segment.words.push(word);
    if (quote === null) sentence.unquoted.push(word);
  });
  return sentences.map((entry, sentenceIndex) => ({
    unquoted: entry.unquoted.join(' '),
    segments: entry.segments.map((part) => ({ text: part.words.join(' '), sentence: sentenceIndex, quote: part.quote })),
  }));
}
