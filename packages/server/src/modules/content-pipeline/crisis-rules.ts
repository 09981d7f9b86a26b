import { warningSigns as signOrder, type RiskLevel, type WarningSign } from './content-pipeline.js';
import { arabicLexicon, arabicSpelling } from './crisis-lexicon.ar.js';
import { englishLexicon, englishSpelling } from './crisis-lexicon.en.js';
import { compileLexicon, readSegment, type CompiledLexicon, type Cue } from './crisis-reader.js';
import { readSentences } from './crisis-text.js';

/**
 * The rule half of the crisis detector (crisis-detector.ts): the cues the grammar reads in each language
 * (crisis-reader.ts) and the risk level they add up to. Apart from the detector so that the trained model can learn
 * from the cues (crisis-model-features.ts) without a cycle.
 */
export interface RuleDetection {
  crisis: boolean;
  riskLevel: RiskLevel | null;
  warningSigns: WarningSign[];
  protective: boolean;
  matches: Cue[];
}

const languages: ReadonlyArray<{ lexicon: CompiledLexicon; correct: (word: string) => string }> = [
  { lexicon: compileLexicon(englishLexicon), correct: englishSpelling },
  { lexicon: compileLexicon(arabicLexicon), correct: arabicSpelling },
];

/** The rule reader alone (its own tests, and the half of the detector that can say why). */
export function readCrisisRules(text: string): RuleDetection {
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

function summarize(matches: Cue[]): RuleDetection {
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
