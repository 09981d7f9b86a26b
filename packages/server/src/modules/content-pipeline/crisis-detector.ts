import { warningSigns as signOrder, type RiskLevel, type WarningSign } from './content-pipeline.js';
import { arabicLexicon, arabicSpelling } from './crisis-lexicon.ar.js';
import { englishLexicon, englishSpelling } from './crisis-lexicon.en.js';
import { compileLexicon, readSegment, type CompiledLexicon, type Cue } from './crisis-reader.js';
import { readSentences } from './crisis-text.js';

/**
 * Finds crisis language in English and Arabic text and says how urgent it is, by the warning-sign categories of
 * clinical guidance (content-pipeline.ts `WarningSign`). Each sign is recognised from parts — a first-person
 * subject, modality and tense, the act, the means, time markers (crisis-reader.ts, crisis-lexicon.*.ts) — so
 * sentences nobody listed are read, and what lowers or cancels a sign is read the same way: negation, remote past
 * and recovery, another person as subject or a question about someone, idioms, accidents and routine medication,
 * someone else's quoted or reported words, news and media. A protective factor ("my kids keep me going") lowers
 * the level one step.
 *
 * Risk levels (the evaluation table's rules, crisis-evaluation/README.md):
 * - IMMINENT: ideation or intent with a plan, means or a time; a plan with means or a time; means at hand with a
 *   time or a farewell; a farewell with a time ("by morning I won't be a burden");
 * - HIGH: direct ideation, intent, a plan, self-harm acts, or means made ready;
 * - CONCERN: burdensomeness, hopelessness, or a farewell, alone.
 * Means count when they are made ready or stand beside an act; a time counts beside an act (a weak time such as
 * "today" only beside a stated intent in its sentence), so "tonight I'm going to bed early" is nothing. Every post
 * is read in both languages (people mix them). It errs toward flagging where it cannot tell: a false alarm costs
 * a facilitator a look, a miss can cost more. Its figures on the evaluation table are in
 * docs/conversations-and-safety.md ("How good is the crisis detector?").
 */
export interface CrisisDetection {
  /** True when riskLevel is not null. */
  crisis: boolean;
  riskLevel: RiskLevel | null;
  /** The signs behind the level, in the order of `warningSigns` in content-pipeline.ts. */
  warningSigns: WarningSign[];
  /** A protective factor was named (it lowered the level one step). */
  protective: boolean;
  /** Every cue found, counted or dismissed, with why (for tests and for tuning the lexicons). */
  matches: Cue[];
}

const languages: ReadonlyArray<{ lexicon: CompiledLexicon; correct: (word: string) => string }> = [
  { lexicon: compileLexicon(englishLexicon), correct: englishSpelling },
  { lexicon: compileLexicon(arabicLexicon), correct: arabicSpelling },
];

/** Reads a text (both languages) and gives its risk level and warning signs. */
export function detectCrisisLanguage(text: string): CrisisDetection {
  const matches: Cue[] = [];
  for (const { lexicon, correct } of languages) {
    const script = lexicon.spec.script;
    // Each language corrects only its own words; the other's pass through.
    const sentences = readSentences(text, (word) => (script.test(word) ? correct(word) : word), new Set(lexicon.spec.contrastive));
    for (const sentence of sentences) {
      sentence.segments.forEach((segment, index) => {
        if (!segment.text.split(' ').some((word) => script.test(word))) return;
        const around = sentence.segments
          .filter((other, otherIndex) => otherIndex !== index && other.quote === null)
          .map((other) => other.text)
          .join(' ');
        matches.push(...readSegment(lexicon, segment, { sentence, around }).map((cue) => ({ ...cue, segment: index })));
      });
    }
  }
  return summarize(matches);
}

function summarize(matches: Cue[]): CrisisDetection {
  const live = matches.filter((cue) => cue.dismissedAs === null);
  const some = (kind: Cue['kind'], where: (cue: Cue) => boolean = () => true) => live.some((cue) => cue.kind === kind && where(cue));
  const ideation = some('DIRECT_IDEATION');
  // An intent to self-harm ("I'm going to cut tonight") is HIGH with its time, IMMINENT with its means.
  const intent = some('INTENT_OR_PLAN', (cue) => !cue.harm);
  const plan = some('PLAN');
  const harmIntent = some('INTENT_OR_PLAN', (cue) => cue.harm === true);
  const acts = live.filter((cue) => cue.kind === 'DIRECT_IDEATION' || (cue.kind === 'INTENT_OR_PLAN' && !cue.harm) || cue.kind === 'PLAN');
  // Means count beside any act, self-harm meant included ("I'm going to cut tonight with the razor").
  const meansActs = live.filter((cue) => acts.includes(cue) || (cue.kind === 'INTENT_OR_PLAN' && cue.harm));
  const selfHarm = some('SELF_HARM');
  const concern = some('BURDENSOMENESS') || some('HOPELESSNESS');
  // A weak farewell ("I gave my guitar to my nephew") counts beside another farewell or any other sign.
  const farewells = live.filter((cue) => cue.kind === 'FAREWELL_OR_FINALITY');
  const strongFarewell = farewells.some((cue) => !cue.weak);
  const weakFarewells = new Set(farewells.filter((cue) => cue.weak).map((cue) => cue.text));
  const countedFarewells = farewells.filter(
    (cue) => !cue.weak || strongFarewell || weakFarewells.size > 1 || acts.length > 0 || selfHarm || concern,
  );
  const farewell = countedFarewells.length > 0;
  const actIn = (sentence: number) => meansActs.some((cue) => cue.sentence === sentence);
  const intentIn = (sentence: number) => live.some((cue) => (cue.kind === 'INTENT_OR_PLAN' || cue.kind === 'PLAN') && cue.sentence === sentence);
  const strongTime = some('TIMING', (cue) => !cue.weak);
  // Means made ready count alone; means at hand count beside an act, a farewell or a time; a bare mention ("the
  // bridge") only beside an act in its sentence.
  const countedMeans = live.filter(
    (cue) =>
      cue.kind === 'MEANS_OR_METHOD' &&
      (cue.readiness === 'STRONG' || (cue.readiness === 'WEAK' && (meansActs.length > 0 || farewell || strongTime)) || actIn(cue.sentence)),
  );
  const means = countedMeans.length > 0;
  const countedTimes = live.filter(
    (cue) => cue.kind === 'TIMING' && (cue.weak ? intentIn(cue.sentence) : acts.length > 0 || farewell || means),
  );
  const time = countedTimes.length > 0;
  // "I promised myself I'd stop, but I'm going to do it again": a sign after a contrast undoes the protection before it.
  const signAfter = (cue: Cue) =>
    live.some((other) => other.sentence === cue.sentence && (other.segment ?? 0) > (cue.segment ?? 0) && ['DIRECT_IDEATION', 'INTENT_OR_PLAN', 'PLAN', 'SELF_HARM'].includes(other.kind));
  const protective = some('PROTECTIVE', (cue) => !signAfter(cue));

  let level: RiskLevel | null = null;
  if ((ideation || intent) && (plan || means || time)) level = 'IMMINENT';
  else if (plan && (means || time)) level = 'IMMINENT';
  else if (means && (time || farewell || harmIntent)) level = 'IMMINENT';
  else if (farewell && time) level = 'IMMINENT';
  else if (ideation || intent || plan || selfHarm || means) level = 'HIGH';
  else if (farewell || concern) level = 'CONCERN';
  // A protective factor lowers the level one step, never to nothing: the writer still named a warning sign.
  if (level !== null && protective) level = level === 'IMMINENT' ? 'HIGH' : 'CONCERN';
  if (level === null) return { crisis: false, riskLevel: null, warningSigns: [], protective, matches };

  const signs = new Set<WarningSign>();
  const counted = [...live.filter((cue) => !['MEANS_OR_METHOD', 'TIMING', 'FAREWELL_OR_FINALITY'].includes(cue.kind)), ...countedMeans, ...countedTimes, ...countedFarewells];
  for (const cue of counted) {
    if (cue.kind === 'PLAN') signs.add('INTENT_OR_PLAN');
    else if (cue.kind !== 'PROTECTIVE') signs.add(cue.kind);
  }
  // Means made ready with a time or a farewell, or a farewell with a time, is a plan though no intent is written.
  if (level === 'IMMINENT' && !signs.has('DIRECT_IDEATION') && !signs.has('INTENT_OR_PLAN')) signs.add('INTENT_OR_PLAN');
  return { crisis: true, riskLevel: level, warningSigns: signOrder.filter((sign) => signs.has(sign)), protective, matches };
}
