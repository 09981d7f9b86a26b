import type { WarningSign } from './content-pipeline.js';
import { clauseMark, type Segment, type Sentence } from './crisis-text.js';

/**
 * The language-independent half of the crisis detector: how a segment of text is read once a language has said
 * what its parts are (crisis-lexicon.en.ts, crisis-lexicon.ar.ts).
 *
 * A lexicon names small parts — the act (die, kill myself, أموت، أنهي حياتي), the modality before it (want, going
 * to, بدي، ناوي), the means, time markers, first- and other-person subjects, negation, remote past — and composes
 * rules from them: `{desire}` refers to a part, `~3` is a gap of up to three words. The reader finds each rule's
 * matches and decides whether each counts, from its context: the modality in the words before it, a negation in
 * its clause, the nearest subject (the writer, or someone else), remote past or recovery in its segment, an idiom
 * over it, an accident or routine medication, someone else's quoted or reported words, news and media. So a
 * sentence nobody listed is read from its parts, and so is what cancels it.
 *
 * Segments are normalized words joined by single spaces (crisis-text.ts), so sources are written in normalized
 * spelling: no apostrophes ("im", "dont", "ill" = "I'll"); Arabic ا for أ/إ/آ, ي for ى, ه for ة, no diacritics.
 */

/** A warning sign, a plan (reported as INTENT_OR_PLAN; it makes ideation imminent) or a protective factor. */
export type CueKind = WarningSign | 'PLAN' | 'PROTECTIVE';

/** Why a cue does not count. */
export type Dismissal = 'NEGATED' | 'PAST' | 'OTHER_PERSON' | 'IDIOM' | 'ACCIDENT' | 'ROUTINE' | 'REPORTED';

export interface Cue {
  kind: CueKind;
  /** The matched words (normalized). */
  text: string;
  dismissedAs: Dismissal | null;
  language: 'en' | 'ar';
  /** The sentence it is in (means and times count with acts of the same text, some of the same sentence). */
  sentence: number;
  /**
   * TIMING: a weak time ("today", "now") counts only beside a stated intent. FAREWELL_OR_FINALITY: a weak farewell
   * ("I gave my guitar to my nephew", "while I still can") counts only beside another sign or another farewell.
   */
  weak?: boolean;
  /** INTENT_OR_PLAN read from a self-harm act ("I'm going to cut tonight"): an intent to self-harm, not to die. */
  harm?: boolean;
  /** The segment of its sentence it is in (what follows a "but" outweighs what came before it). */
  segment?: number;
  /** MEANS_OR_METHOD: how surely the means are at hand ("saved up", "counted out" are STRONG). */
  readiness?: 'STRONG' | 'WEAK' | null;
}

/**
 * ACT: an act of suicide or dying; it counts after a modality ("want to die") and is ideation, or intent when the
 * modality is one ("going to end it"). SELF_ACT: an act that is the writer's own by its form ("kill myself"),
 * counted without a modality. A rule's `needs` can ask for a modality, or a modality or a first-person subject
 * ("suicide": "thinking about suicide", "I attempted suicide"), before it.
 */
export type RuleSign = CueKind | 'ACT' | 'SELF_ACT';

export interface RuleSpec {
  sign: RuleSign;
  source: string;
  needs?: 'MODALITY' | 'MODALITY_OR_FIRST_PERSON';
  /** Checks that do not apply: burdensomeness speaks of others ("they'd be better off without me"). */
  ignores?: readonly Dismissal[];
  /** TIMING: counts beside a stated intent only. FAREWELL_OR_FINALITY: counts beside another sign or farewell. */
  weak?: boolean;
  /** SELF_HARM only: also intent when a modality of intent or a future form stands before it. */
  intentful?: boolean;
  /** How the rule's own words take morphology (a rule that is one `{part}` takes the part's). @default 'WORD' */
  form?: PartForm;
}

/** How a part takes Arabic morphology: attached prefixes and suffixes, prefixes only, or none. */
export type PartForm = 'WORD' | 'PREFIXED' | 'PLAIN';

/** The parts the reader itself uses to judge context; a lexicon defines these and any others its rules use. */
export const contextParts = [
  'desire', 'think', 'intent', 'negation', 'pseudoNegation', 'firstPerson', 'otherPerson', 'past', 'recurrence',
  'pastTense', 'accident', 'purposeful', 'routine', 'medication', 'idioms', 'readiness', 'strongReadiness', 'reportedQuestion', 'affirmation',
  'reportingOther', 'reportingSelf', 'media', 'ordinaryGoodbye', 'ordinaryUse',
] as const;
type ContextPart = (typeof contextParts)[number];

/**
 * The rules every language starts with, the same composition over each language's own parts: an act of dying
 * after a modality ("want to die", «بدي موت»), a self-directed act, a noun of the act with a modality or the writer
 * as subject, and a state that is ideation itself.
 */
export const sharedOpeningRules: readonly RuleSpec[] = [
  { sign: 'ACT', source: '{die}', needs: 'MODALITY' },
  { sign: 'SELF_ACT', source: '{selfAct}' },
  { sign: 'ACT', source: '{nounAct}', needs: 'MODALITY_OR_FIRST_PERSON' },
  { sign: 'DIRECT_IDEATION', source: '{state}' },
];

export interface LexiconSpec {
  language: 'en' | 'ar';
  /** Words of this language. */
  script: RegExp;
  /** The regex source for one part's alternatives, with the language's morphology. */
  word: (alternatives: string, form: PartForm) => string;
  parts: Record<string, string | { source: string; form: PartForm }>;
  rules: readonly RuleSpec[];
  /** Words that open a new segment ("but", "لكن"). */
  contrastive: readonly string[];
  /** How many words before a match are searched for its modality and subject. */
  window: number;
  /** How many words before a match, within its clause, are searched for a negation. */
  negationWindow: number;
  /** Words a negation does not reach across ("and", "because"): "nothing helps and it will be like this forever". */
  softBoundaries: readonly string[];
  /** Two-word spellings read as one word before matching ("my self" is "myself"). */
  joins?: Readonly<Record<string, string>>;
  /** A verb form that is itself a future, an intent (Arabic «سأنتحر», «هموت نفسي»); tested on an act's match. */
  futureForm?: RegExp;
  /**
   * The writer's own reflexive or possessive («نفسي», «حياتي»): a self-directed act carrying it is the writer's
   * whoever is named before it («وأبي أنهي حياتي», where «أبي» is "I want" or "my father").
   */
  writersOwn?: RegExp;
}

interface CompiledRule extends RuleSpec {
  pattern: RegExp;
}

export interface CompiledLexicon {
  spec: LexiconSpec;
  softBoundaries: ReadonlySet<string>;
  context: Record<ContextPart, RegExp>;
  rules: CompiledRule[];
  /** Applies the lexicon's joins to a segment's text. */
  join: (text: string) => string;
}

/** Word boundaries for any script (\b knows only ASCII word characters). */
const bounded = (source: string) => `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`;
/** `~N`: up to N words, never across a clause mark. */
const gaps = (source: string) => source.replace(/\s*~(\d+)\s*/g, ' (?:[^\\s|]+ ){0,$1}');

export function compileLexicon(spec: LexiconSpec): CompiledLexicon {
  const expanded = new Map<string, string>();
  const expand = (name: string, trail: readonly string[] = []): string => {
    const known = expanded.get(name);
    if (known !== undefined) return known;
    if (trail.includes(name)) throw new Error(`crisis lexicon ${spec.language}: part {${name}} refers to itself`);
    const part = spec.parts[name];
    if (part === undefined) throw new Error(`crisis lexicon ${spec.language}: no part {${name}}`);
    const { source, form } = typeof part === 'string' ? { source: part, form: 'WORD' as const } : part;
    const result = `(?:${spec.word(references(source, [...trail, name]), form)})`;
    expanded.set(name, result);
    return result;
  };
  const references = (source: string, trail: readonly string[] = []) =>
    gaps(source).replace(/\{([a-z]\w*)\}/g, (_whole, name: string) => expand(name, trail));
  const compile = (source: string, form: PartForm = 'WORD') => {
    const whole = /^\{\w+\}$/.test(source) ? references(source) : spec.word(references(source), form);
    return new RegExp(bounded(whole), 'gu');
  };
  const context = Object.fromEntries(contextParts.map((name) => [name, compile(`{${name}}`)])) as Record<ContextPart, RegExp>;
  const rules = spec.rules.map((rule) => ({ ...rule, pattern: compile(rule.source, rule.form) }));
  const joins = Object.entries(spec.joins ?? {}).map(([two, one]) => [new RegExp(bounded(two), 'gu'), one] as const);
  const join = (text: string) => joins.reduce((joined, [pattern, one]) => joined.replace(pattern, one), text);
  return { spec, context, rules, softBoundaries: new Set(spec.softBoundaries), join };
}

interface Span {
  start: number;
  end: number;
  text: string;
}

function spans(pattern: RegExp, text: string): Span[] {
  const found: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    if (match[0] === '') continue;
    found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return found;
}

const has = (pattern: RegExp, text: string) => spans(pattern, text).length > 0;

/** The sentence-level context of a segment. */
export interface SentenceContext {
  sentence: Sentence;
  /** The other segments of the sentence, outside quotations. */
  around: string;
}

/** Reads one segment: every cue found, counted or dismissed. */
export function readSegment(lexicon: CompiledLexicon, segment: Segment, context: SentenceContext): Cue[] {
  const { context: parts, spec, softBoundaries } = lexicon;
  const text = lexicon.join(segment.text);
  const idioms = spans(parts.idioms, text);
  // "I wanted to die, but today I'm three years clean": a past tense before a contrast whose segment is recovery.
  const later = context.sentence.segments.slice(context.sentence.segments.indexOf(segment) + 1);
  const laterRecovery = later.some((other) => other.quote === null && has(parts.past, lexicon.join(other.text)));
  const remotePast = (has(parts.past, text) || (laterRecovery && has(parts.pastTense, text))) && !has(parts.recurrence, text);
  const accident = has(parts.accident, text) && !has(parts.purposeful, text);
  // "A rope for the tent", "a knife for the bread": means put to their ordinary use, however ready.
  const ordinaryUse = has(parts.ordinaryUse, text) && !has(parts.purposeful, text);
  const routine = has(parts.routine, text) || has(parts.routine, context.sentence.unquoted);
  const media = has(parts.media, context.sentence.unquoted);
  // "Goodbye everyone, see you next week": a goodbye that says when the writer will be back is not a farewell.
  const ordinaryGoodbye = has(parts.ordinaryGoodbye, context.sentence.unquoted);
  const reportedQuestion = has(parts.reportedQuestion, context.sentence.unquoted) && !has(parts.affirmation, context.sentence.unquoted);
  const quotedFromOther =
    segment.quote !== null && !has(parts.reportingSelf, context.around) && (has(parts.reportingOther, context.around) || has(parts.media, context.around));
  const strongReady = has(parts.strongReadiness, text);
  const weakReady = has(parts.readiness, text);

  const before = (span: Span) => text.slice(0, span.start).trim().split(' ').filter(Boolean);
  const windowOf = (span: Span) => {
    const words = before(span);
    return words.slice(Math.max(0, words.length - spec.window)).join(' ');
  };
  /** The words before the match that a negation must be among: in its clause, after a soft boundary, the last few. */
  const negationWindowOf = (span: Span) => {
    const words = before(span);
    const clause = words.slice(words.lastIndexOf(clauseMark) + 1).join(' ').replace(parts.pseudoNegation, ' _ ');
    const cleared = clause.split(' ').filter(Boolean);
    const boundary = Math.max(-1, ...cleared.map((word, index) => (softBoundaries.has(word) ? index : -1)));
    const reach = cleared.slice(boundary + 1);
    return reach.slice(Math.max(0, reach.length - spec.negationWindow)).join(' ');
  };
  const negated = (span: Span) => has(parts.negation, negationWindowOf(span));
  /** The nearest subject before the match: the writer, someone else, or none written (the writer, most likely). */
  const subject = (window: string): 'FIRST' | 'OTHER' | null => {
    const first = spans(parts.firstPerson, window).at(-1);
    const other = spans(parts.otherPerson, window).at(-1);
    if (!first && !other) return null;
    if (!other) return 'FIRST';
    if (!first) return 'OTHER';
    return other.end > first.end ? 'OTHER' : 'FIRST';
  };

  /** The words of a window after its last clause mark: "kids are at their dads | the letters are written". */
  const clauseOf = (window: string) => window.slice(window.lastIndexOf(clauseMark) + 1);
  const cues: Array<Cue & { span: Span }> = [];
  for (const rule of lexicon.rules) {
    for (const span of spans(rule.pattern, text)) {
      const window = windowOf(span);
      const future = Boolean(spec.futureForm?.test(span.text)) && (rule.sign === 'ACT' || rule.sign === 'SELF_ACT' || rule.sign === 'SELF_HARM');
      const intent = future || has(parts.intent, window);
      const modal = intent || has(parts.desire, window) || has(parts.think, window);
      // The subject is the writer when the match opens with the writer ("im sorry for everything") or its verb is a
      // first-person future form (هشنق نفسي), whoever is named before it; otherwise the nearest subject in its clause.
      const who = future || (rule.sign === 'SELF_ACT' && Boolean(spec.writersOwn?.test(span.text))) || has(parts.firstPerson, span.text.split(' ')[0] ?? '') ? 'FIRST' : subject(clauseOf(window));
      if (rule.needs === 'MODALITY' && !modal) continue;
      if (rule.needs === 'MODALITY_OR_FIRST_PERSON' && !modal && who !== 'FIRST') continue;
      const ignores = new Set(rule.ignores ?? []);
      const check = (dismissal: Dismissal, applies: boolean) => !ignores.has(dismissal) && applies;
      const kinds: CueKind[] =
        rule.sign === 'ACT' || rule.sign === 'SELF_ACT' ? [intent ? 'INTENT_OR_PLAN' : 'DIRECT_IDEATION']
        : rule.sign === 'SELF_HARM' && rule.intentful && intent ? ['SELF_HARM', 'INTENT_OR_PLAN']
        : [rule.sign];
      const harmOrMeans = kinds.includes('SELF_HARM') || kinds.includes('MEANS_OR_METHOD');
      let dismissedAs: Dismissal | null = null;
      const idiom = idioms.some((found) => found.start < span.end && span.start < found.end);
      if (check('IDIOM', idiom || (kinds.includes('FAREWELL_OR_FINALITY') && ordinaryGoodbye))) dismissedAs = 'IDIOM';
      else if (check('NEGATED', negated(span))) dismissedAs = 'NEGATED';
      else if (check('OTHER_PERSON', who === 'OTHER')) dismissedAs = 'OTHER_PERSON';
      else if (check('REPORTED', quotedFromOther || reportedQuestion || (media && !modal && who !== 'FIRST'))) dismissedAs = 'REPORTED';
      else if (check('PAST', remotePast)) dismissedAs = 'PAST';
      // Tablets in the kitchen are no kitchen accident, nor are means made ready: neither is dismissed as one.
      else if (check('ACCIDENT', harmOrMeans && accident && !has(parts.medication, span.text) && !(kinds.includes('MEANS_OR_METHOD') && strongReady))) dismissedAs = 'ACCIDENT';
      // Routine is for medication: "every night" does not make a balcony routine.
      else if (check('ROUTINE', kinds.includes('MEANS_OR_METHOD') && ((routine && has(parts.medication, span.text)) || ordinaryUse))) dismissedAs = 'ROUTINE';
      for (const kind of kinds) {
        const cue: Cue = { kind, text: span.text, dismissedAs, language: spec.language, sentence: segment.sentence };
        if ((kind === 'TIMING' || kind === 'FAREWELL_OR_FINALITY') && rule.weak) cue.weak = true;
        if (kind === 'INTENT_OR_PLAN' && rule.sign === 'SELF_HARM') cue.harm = true;
        if (kind === 'MEANS_OR_METHOD') cue.readiness = strongReady ? 'STRONG' : weakReady ? 'WEAK' : null;
        cues.push({ ...cue, span });
      }
    }
  }
  // A time inside an act's own words is part of what is wished, not when: "I wish I wouldn't wake up tomorrow".
  const acts = cues.filter((cue) => cue.kind === 'DIRECT_IDEATION' || cue.kind === 'INTENT_OR_PLAN');
  return cues
    .filter((cue) => cue.kind !== 'TIMING' || !acts.some((act) => act.span.start <= cue.span.start && cue.span.end <= act.span.end))
    .map(({ span: _span, ...cue }) => cue);
}
