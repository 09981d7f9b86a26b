import arabicPhrases from './crisis-phrases.ar.json' with { type: 'json' };
import englishPhrases from './crisis-phrases.en.json' with { type: 'json' };
import { arabicWordForms, phraseWords, wordTokens, type WordToken } from './text-normalization.js';

/**
 * Finds crisis language — the writer's own suicidal intent or ideation, or self-harm — in English and Arabic text,
 * so a post that says it can be published at once, flagged to the facilitators first, and answered with crisis
 * resources. It is a phrase matcher, not a classifier: its phrases live in data files (crisis-phrases.*.json),
 * every post is checked against both languages (people mix them), and it errs toward flagging where it can't tell.
 *
 * Pattern syntax (in the data files): words separated by spaces, matched whole after normalization;
 * `(a|b c)` one of several word sequences; `[a|b]` the same but optional; `*` up to three other words.
 *
 * A phrase match does not count when:
 * - it is negated: a negation cue ("not", "never", "لن", "لا", "مش"…) stands within a few words before it in the
 *   same clause ("I'm not going to hurt myself", "لن أؤذي نفسي"). Clauses end at punctuation and at words such as
 *   "but"/"لكن". Cues that do not negate what follows are skipped ("can't stop thinking about…", "no one would
 *   care…", "لا أستطيع التوقف عن…"), and phrases that carry their own negation ("I don't want to live",
 *   "لا أريد أن أعيش") are patterns in their own right, so a negation inside a match never cancels it;
 * - it is someone else's words. Decision: quoted or reported crisis language is not the writer's crisis when it is
 *   attributed to someone else or to a work ("my friend said 'I want to die'", "the song goes…", «قالت صديقتي…»);
 *   it still counts when the writer reports their own words ("I told my therapist I want to kill myself",
 *   "قلت لطبيبي…") or when a quotation has no attribution at all, because then it is most likely the writer's own
 *   voice. A worried friend's post is not flagged as the writer's crisis; members can still report it (CRISIS);
 * - it is said of someone else ("do you want to die?") — English only; Arabic verbs carry their person;
 * - it overlaps a known harmless idiom ("dying to see", "die my hair", "أموت من الضحك", "cut myself shaving").
 */
export type CrisisCategory = 'SUICIDAL_INTENT' | 'SELF_HARM';

export interface CrisisPhraseList {
  language: string;
  negationCues: string[];
  negationWindow: number;
  pseudoNegations: string[];
  clauseBreakWords: string[];
  otherPersonSubjects: string[];
  firstPersonSubjects: string[];
  reportingVerbs: string[];
  firstPersonReportingVerbs: string[];
  mediaCues: string[];
  exceptions: string[];
  phrases: Array<{ category: string; pattern: string; example: string }>;
}

export interface CrisisMatch {
  language: string;
  category: CrisisCategory;
  pattern: string;
  /** The matched words as written. */
  text: string;
  /** Why the match does not count, or null when it does. */
  dismissedAs: 'NEGATED' | 'REPORTED' | 'OTHER_PERSON' | 'IDIOM' | null;
}

export interface CrisisDetection {
  /** True when at least one match counts. */
  crisis: boolean;
  categories: CrisisCategory[];
  /** Every phrase match, counted or dismissed (for tests and for tuning the lists). */
  matches: CrisisMatch[];
}

// ---- patterns ----------------------------------------------------------------------------------------------

type PatternNode = { kind: 'word'; word: string } | { kind: 'choice'; options: PatternNode[][]; optional: boolean } | { kind: 'gap'; max: number };

/** Parses the pattern syntax into a sequence of nodes; literal words are normalized like text. */
export function parsePattern(pattern: string): PatternNode[] {
  const lexemes = pattern.match(/[()[\]|*]|[^\s()[\]|*]+/g) ?? [];
  let position = 0;
  const sequence = (closers: string[]): PatternNode[][] => {
    const options: PatternNode[][] = [[]];
    while (position < lexemes.length) {
      const lexeme = lexemes[position]!;
      if (closers.includes(lexeme)) return options;
      position += 1;
      const current = options[options.length - 1]!;
      if (lexeme === '|') options.push([]);
      else if (lexeme === '(' || lexeme === '[') {
        const closer = lexeme === '(' ? ')' : ']';
        const inner = sequence([closer]);
        if (lexemes[position] !== closer) throw new Error(`Unclosed "${lexeme}" in crisis pattern "${pattern}".`);
        position += 1;
        current.push({ kind: 'choice', options: inner, optional: lexeme === '[' });
      } else if (lexeme === '*') current.push({ kind: 'gap', max: 3 });
      else if (lexeme === ')' || lexeme === ']') throw new Error(`Unexpected "${lexeme}" in crisis pattern "${pattern}".`);
      else for (const word of phraseWords(lexeme)) current.push({ kind: 'word', word });
    }
    if (closers.length > 0) throw new Error(`Unclosed group in crisis pattern "${pattern}".`);
    return options;
  };
  const options = sequence([]);
  if (options.length !== 1) return [{ kind: 'choice', options, optional: false }];
  if (options[0]!.length === 0) throw new Error(`Empty crisis pattern "${pattern}".`);
  return options[0]!;
}

/** A clause's words, each with every form it can match (Arabic words without their attached prefixes). */
interface ClauseWord {
  index: number;
  forms: string[];
}

/** End positions (exclusive) where `nodes` can finish matching when started at `start`. */
function matchEnds(nodes: readonly PatternNode[], words: readonly ClauseWord[], start: number): Set<number> {
  let positions = new Set([start]);
  for (const node of nodes) {
    const next = new Set<number>();
    for (const position of positions) {
      if (node.kind === 'word') {
        if (position < words.length && words[position]!.forms.includes(node.word)) next.add(position + 1);
      } else if (node.kind === 'gap') {
        for (let skip = 0; skip <= node.max && position + skip <= words.length; skip += 1) next.add(position + skip);
      } else {
        if (node.optional) next.add(position);
        for (const option of node.options) for (const end of matchEnds(option, words, position)) next.add(end);
      }
    }
    if (next.size === 0) return next;
    positions = next;
  }
  return positions;
}

/** The longest match of `nodes` starting at `start`, as its end, or null. */
function longestMatch(nodes: readonly PatternNode[], words: readonly ClauseWord[], start: number): number | null {
  const ends = [...matchEnds(nodes, words, start)].filter((end) => end > start);
  return ends.length > 0 ? Math.max(...ends) : null;
}

/**
 * The words a match of `nodes` can start with, or null when it can start with any word (a leading gap). Lets
 * detection try at each word only the few patterns that can start there.
 */
function firstWords(nodes: readonly PatternNode[]): Set<string> | null {
  const words = new Set<string>();
  for (const node of nodes) {
    if (node.kind === 'word') {
      words.add(node.word);
      return words;
    }
    if (node.kind === 'gap') return null;
    let canBeEmpty = node.optional;
    for (const option of node.options) {
      const optionWords = firstWords(option);
      if (optionWords === null) return null;
      for (const word of optionWords) words.add(word);
      if (option.length === 0 || option.every((inner) => inner.kind === 'choice' && inner.optional)) canBeEmpty = true;
    }
    if (!canBeEmpty) return words;
  }
  // Every node was optional: a match may be empty, which never counts, or start anywhere.
  return null;
}

// ---- compiled phrase lists ---------------------------------------------------------------------------------

type CompiledPhrase = { category: CrisisCategory; pattern: string; nodes: PatternNode[] };

interface CompiledList {
  language: string;
  phrases: CompiledPhrase[];
  /** Phrases by a word they can start with; `anywhere` holds those that can start with any word. */
  phrasesByFirstWord: Map<string, CompiledPhrase[]>;
  phrasesStartingAnywhere: CompiledPhrase[];
  negationCues: PatternNode[][];
  negationWindow: number;
  pseudoNegations: PatternNode[][];
  clauseBreakWords: Set<string>;
  otherPersonSubjects: Set<string>;
  firstPersonSubjects: Set<string>;
  reportingVerbs: PatternNode[][];
  firstPersonReportingVerbs: PatternNode[][];
  mediaCues: Set<string>;
  exceptions: PatternNode[][];
}

const singleWords = (list: string[]) => new Set(list.flatMap((entry) => phraseWords(entry)));

export function compilePhraseList(list: CrisisPhraseList): CompiledList {
  const phrases = list.phrases.map((phrase): CompiledPhrase => {
    if (phrase.category !== 'SUICIDAL_INTENT' && phrase.category !== 'SELF_HARM') throw new Error(`Unknown crisis category "${phrase.category}".`);
    return { category: phrase.category, pattern: phrase.pattern, nodes: parsePattern(phrase.pattern) };
  });
  const phrasesByFirstWord = new Map<string, CompiledPhrase[]>();
  const phrasesStartingAnywhere: CompiledPhrase[] = [];
  for (const phrase of phrases) {
    const words = firstWords(phrase.nodes);
    if (words === null) phrasesStartingAnywhere.push(phrase);
    else for (const word of words) phrasesByFirstWord.set(word, [...(phrasesByFirstWord.get(word) ?? []), phrase]);
  }
  return {
    language: list.language,
    phrases,
    phrasesByFirstWord,
    phrasesStartingAnywhere,
    negationCues: list.negationCues.map(parsePattern),
    negationWindow: list.negationWindow,
    pseudoNegations: list.pseudoNegations.map(parsePattern),
    clauseBreakWords: singleWords(list.clauseBreakWords),
    otherPersonSubjects: singleWords(list.otherPersonSubjects),
    firstPersonSubjects: singleWords(list.firstPersonSubjects),
    reportingVerbs: list.reportingVerbs.map(parsePattern),
    firstPersonReportingVerbs: list.firstPersonReportingVerbs.map(parsePattern),
    mediaCues: singleWords(list.mediaCues),
    exceptions: list.exceptions.map(parsePattern),
  };
}

export const crisisPhraseLists: readonly CrisisPhraseList[] = [englishPhrases as CrisisPhraseList, arabicPhrases as CrisisPhraseList];
const compiledLists = crisisPhraseLists.map(compilePhraseList);

// ---- text structure: sentences, clauses, quotations ----------------------------------------------------------

interface AnalyzedWord extends ClauseWord {
  token: WordToken;
  sentence: number;
  clause: number;
  /** Index of the quotation the word is in, or null. */
  quote: number | null;
}

const sentenceEnd = /[.!?؟…\n]/;
const clauseEnd = /[,،;؛:(){}[\]]|\s[-–—]\s|[–—]/;
/** Pairs of quotation marks; a straight single quote counts only at word edges, so apostrophes are not quotes. */
const quotationPatterns = [/“[^”]*”/g, /„[^“”]*[“”]/g, /«[^»]*»/g, /"[^"]*"/g, /‘(?:[^’]|’(?=[\p{L}\p{N}]))*’(?![\p{L}\p{N}])/gu, /(?<![\p{L}\p{N}])'(?=\S)(?:[^']|'(?=[\p{L}\p{N}]))*'(?![\p{L}\p{N}])/gu];

function analyze(text: string): { visibleText: string; words: AnalyzedWord[] } {
  const { visibleText, tokens } = wordTokens(text);
  const quotes: Array<[number, number]> = [];
  for (const pattern of quotationPatterns) {
    for (const match of visibleText.matchAll(pattern)) {
      const span: [number, number] = [match.index, match.index + match[0].length];
      if (!quotes.some(([start, end]) => span[0] < end && start < span[1])) quotes.push(span);
    }
  }
  let sentence = 0;
  let clause = 0;
  const words = tokens.map((token, index) => {
    if (index > 0) {
      const gap = visibleText.slice(tokens[index - 1]!.end, token.start);
      if (sentenceEnd.test(gap)) {
        sentence += 1;
        clause += 1;
      } else if (clauseEnd.test(gap) || /["“”«»„]/.test(gap)) clause += 1;
    }
    const quote = quotes.findIndex(([start, end]) => token.start > start && token.end < end);
    return { index, token, sentence, clause, quote: quote === -1 ? null : quote, forms: arabicWordForms(token.word) };
  });
  return { visibleText, words };
}

/** Splits the words into clauses, also at clause-break words ("but", "لكن"), which start the next clause. */
function clausesOf(words: AnalyzedWord[], breakWords: Set<string>): AnalyzedWord[][] {
  const clauses: AnalyzedWord[][] = [];
  let current: AnalyzedWord[] = [];
  for (const word of words) {
    const breaks = word.forms.some((form) => breakWords.has(form));
    if (current.length > 0 && (current[current.length - 1]!.clause !== word.clause || breaks)) {
      clauses.push(current);
      current = [];
    }
    current.push(word);
  }
  if (current.length > 0) clauses.push(current);
  return clauses;
}

const anyMatchAt = (patterns: PatternNode[][], words: readonly ClauseWord[], start: number) =>
  patterns.reduce<number | null>((longest, nodes) => {
    const end = longestMatch(nodes, words, start);
    return end !== null && (longest === null || end > longest) ? end : longest;
  }, null);

// ---- the checks that dismiss a match -----------------------------------------------------------------------

function isNegated(list: CompiledList, clause: AnalyzedWord[], start: number): boolean {
  for (let cue = Math.max(0, start - list.negationWindow); cue < start; cue += 1) {
    const cueEnd = anyMatchAt(list.negationCues, clause, cue);
    if (cueEnd === null || cueEnd > start) continue;
    // A pseudo-negation covering the cue ("no one", "can't stop") does not negate what follows.
    let pseudo = false;
    for (let from = Math.max(0, cue - 2); from <= cue && !pseudo; from += 1) {
      const pseudoEnd = anyMatchAt(list.pseudoNegations, clause, from);
      pseudo = pseudoEnd !== null && pseudoEnd > cue;
    }
    if (!pseudo) return true;
  }
  return false;
}

function isSaidOfSomeoneElse(list: CompiledList, clause: AnalyzedWord[], start: number): boolean {
  for (let index = start - 1; index >= Math.max(0, start - 2); index -= 1) {
    const word = clause[index]!.token.word;
    if (list.firstPersonSubjects.has(word)) return false;
    if (list.otherPersonSubjects.has(word)) return true;
  }
  return false;
}

/** 'FIRST' when the writer reports their own words, 'OTHER' for someone else's, null when nothing says. */
function attribution(list: CompiledList, words: AnalyzedWord[], context: AnalyzedWord[]): 'FIRST' | 'OTHER' | null {
  let other = false;
  for (const word of context) {
    if (anyMatchAt(list.firstPersonReportingVerbs, words, word.index) !== null) return 'FIRST';
    if (anyMatchAt(list.reportingVerbs, words, word.index) === null) continue;
    const subject = words.slice(Math.max(0, word.index - 3), word.index);
    if (subject.some((candidate) => list.firstPersonSubjects.has(candidate.token.word))) return 'FIRST';
    other = true;
  }
  return other ? 'OTHER' : null;
}

function isReported(list: CompiledList, words: AnalyzedWord[], clause: AnalyzedWord[], start: number): boolean {
  const first = clause[start]!;
  const mentionsWork = (span: AnalyzedWord[]) => span.some((word) => word.forms.some((form) => list.mediaCues.has(form)));
  if (first.quote !== null) {
    const quoted = words.filter((word) => word.quote === first.quote);
    const before = words.slice(Math.max(0, quoted[0]!.index - 6), quoted[0]!.index);
    const after = words.slice(quoted[quoted.length - 1]!.index + 1, quoted[quoted.length - 1]!.index + 7);
    const context = [...before, ...after];
    const said = attribution(list, words, context);
    if (said) return said === 'OTHER';
    return mentionsWork(context) || mentionsWork(words.filter((word) => word.sentence === first.sentence));
  }
  const said = attribution(list, words, clause.slice(Math.max(0, start - 4), start));
  if (said) return said === 'OTHER';
  return mentionsWork(words.filter((word) => word.sentence === first.sentence));
}

function isIdiom(list: CompiledList, clause: AnalyzedWord[], start: number, end: number): boolean {
  for (let from = Math.max(0, start - 4); from < end; from += 1) {
    const idiomEnd = anyMatchAt(list.exceptions, clause, from);
    if (idiomEnd !== null && idiomEnd > start) return true;
  }
  return false;
}

// ---- detection -----------------------------------------------------------------------------------------------

export interface DetectionOptions {
  /** Compiled lists to use instead of both built-in languages. */
  lists?: readonly CompiledList[];
  /** Stop at the first match that counts (the pipeline only needs to know whether there is one). @default false */
  stopAtFirst?: boolean;
}

/** Runs the phrase lists (both languages, or the ones given) over a text. */
export function detectCrisisLanguage(text: string, options: DetectionOptions = {}): CrisisDetection {
  const { lists = compiledLists, stopAtFirst = false } = options;
  const { visibleText, words } = analyze(text);
  const matches: CrisisMatch[] = [];
  for (const list of lists) {
    for (const clause of clausesOf(words, list.clauseBreakWords)) {
      for (let start = 0; start < clause.length; start += 1) {
        const candidates = new Set(list.phrasesStartingAnywhere);
        for (const form of clause[start]!.forms) for (const phrase of list.phrasesByFirstWord.get(form) ?? []) candidates.add(phrase);
        for (const phrase of candidates) {
          const end = longestMatch(phrase.nodes, clause, start);
          if (end === null) continue;
          const dismissedAs = isIdiom(list, clause, start, end)
            ? 'IDIOM'
            : isNegated(list, clause, start)
              ? 'NEGATED'
              : isSaidOfSomeoneElse(list, clause, start)
                ? 'OTHER_PERSON'
                : isReported(list, words, clause, start)
                  ? 'REPORTED'
                  : null;
          matches.push({
            language: list.language,
            category: phrase.category,
            pattern: phrase.pattern,
            text: visibleText.slice(clause[start]!.token.start, clause[end - 1]!.token.end),
            dismissedAs,
          });
          if (stopAtFirst && dismissedAs === null) return summarize(matches);
        }
      }
    }
  }
  return summarize(matches);
}

function summarize(matches: CrisisMatch[]): CrisisDetection {
  const counted = matches.filter((match) => match.dismissedAs === null);
  return { crisis: counted.length > 0, categories: [...new Set(counted.map((match) => match.category))], matches };
}

/** Compiles a phrase list (tests use it to check one data file alone). */
export function detectorFor(list: CrisisPhraseList): (text: string) => CrisisDetection {
  const compiled = [compilePhraseList(list)];
  return (text) => detectCrisisLanguage(text, { lists: compiled });
}
