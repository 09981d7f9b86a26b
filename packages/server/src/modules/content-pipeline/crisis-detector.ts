import type { RiskLevel, WarningSign } from './content-pipeline.js';
import type { Cue } from './crisis-reader.js';
import { readCrisisRules, type RuleDetection } from './crisis-rules.js';
import type { CrisisModelReading } from './crisis-model/crisis-model.js';
import { crisisModel, modelThreshold, readByModel } from './crisis-model/built-in-crisis-model.js';

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
 * a facilitator a look, a miss can cost more.
 *
 * The rules explain what they find, but people word a crisis in more ways than any grammar lists. A trained model
 * (crisis-model/) reads the same text; where the rules find nothing, explained nothing away, and the model is at
 * least `modelThreshold` sure the text is in crisis, its most likely level and signs are the detection
 * (`source: 'MODEL'`). Where the rules
 * found a sign they decide the level, since they can say why. Its figures on the evaluation table are in
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
  /** Who decided: the rules, the trained model (where the rules found nothing), or nobody (no crisis). */
  source: 'RULES' | 'MODEL' | null;
  /** The model's probability that the text is in crisis at any level. */
  modelProbability: number;
}

/** Reads a text (both languages) and gives its risk level and warning signs. */
export function detectCrisisLanguage(text: string): CrisisDetection {
  const rules = readCrisisRules(text);
  return combineReadings(rules, crisisModel.read(text, rules), modelThreshold);
}

/** How the rules' reading and the model's make one detection (also used to choose the threshold, on a model trained without the validation table). */
export function combineReadings(rules: RuleDetection, reading: CrisisModelReading, threshold: number): CrisisDetection {
  if (rules.riskLevel !== null) return { ...rules, source: 'RULES', modelProbability: reading.crisis };
  // Where the rule reader read a crisis word and explained it away (negated, past, someone else's, an idiom, a
  // routine, a quotation), the model does not overrule it: the rules read who does what, the model only words.
  const explainedAway = rules.matches.some((cue) => cue.dismissedAs !== null);
  if (reading.crisis < threshold || explainedAway) return { ...rules, source: null, modelProbability: reading.crisis };
  return { ...rules, ...readByModel(reading), crisis: true, source: 'MODEL', modelProbability: reading.crisis };
}
