import { riskLevels, warningSigns, type RiskLevel, type WarningSign } from './content-pipeline.js';
import { detectCrisisLanguage } from './crisis-detector.js';
import { loadEvaluationSplit, type EvaluationRow, type EvaluationSplit } from './crisis-evaluation-tables.js';

export { evaluationSplits, heldOutSplits, isTuningSplit, loadEvaluationSplit, splitFilePaths, evaluationTableDirectory } from './crisis-evaluation-tables.js';
export type { EvaluationRow, EvaluationSplit } from './crisis-evaluation-tables.js';

/**
 * Scores the crisis detector on a split of the evaluation table (crisis-evaluation/README.md gives the row format
 * and the rules: tune on `development` and `frozen-v1` to `frozen-v6` (together `tuning`), run `frozen` only to report). Used by
 * scripts/crisis-evaluation.ts, which prints the figures, and by crisis-evaluation-score.test.ts, which holds the
 * tuning split to its targets.
 */


export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Rows labelled positive for what is counted. */
  support: number;
}

export interface Figures extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface RowResult {
  row: EvaluationRow;
  riskLevel: RiskLevel | null;
  warningSigns: WarningSign[];
}

export interface EvaluationReport {
  split: EvaluationSplit;
  rows: number;
  /** Crisis or not (any level against null), over every row. */
  overall: Figures;
  byLanguage: Record<'en' | 'ar', Figures>;
  /** Each warning sign as its own label: the detector reporting it against the row listing it. */
  bySign: Record<WarningSign, Figures>;
  /** The same, within each language: a sign can be read well in one language and poorly in the other. */
  bySignAndLanguage: Record<'en' | 'ar', Record<WarningSign, Figures>>;
  /** Each risk level as its own label (exact level). */
  byLevel: Record<RiskLevel, Figures>;
  /** Rows in crisis that came out at exactly their level, and below it (under-triage). */
  levelAgreement: { exact: number; below: number; above: number; crisisRows: number };
  /** Rows (all of them, null included) whose level came out exactly as labelled, overall and per language. */
  levelAccuracy: Record<'overall' | 'en' | 'ar', { exact: number; rows: number; accuracy: number }>;
  /** Rows in crisis the detector did not flag. */
  misses: RowResult[];
  /** Rows not in crisis the detector flagged. */
  falseAlarms: RowResult[];
  /** Rows flagged, but at another level than labelled. */
  wrongLevel: RowResult[];
  /** Every row with what the detector said. */
  results: RowResult[];
}

function figures(counts: Counts): Figures {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  // An empty denominator means nothing was claimed (precision) or nothing was there to find (recall): both are
  // reported as 1, so a label absent from a split does not read as a failure.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

function count(results: readonly RowResult[], expected: (row: RowResult) => boolean, predicted: (row: RowResult) => boolean): Figures {
  const counts: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0, support: 0 };
  for (const result of results) {
    const isExpected = expected(result);
    const isPredicted = predicted(result);
    if (isExpected) counts.support += 1;
    if (isExpected && isPredicted) counts.truePositives += 1;
    else if (isPredicted) counts.falsePositives += 1;
    else if (isExpected) counts.falseNegatives += 1;
  }
  return figures(counts);
}

const rank = (level: RiskLevel | null) => (level === null ? 0 : riskLevels.length - riskLevels.indexOf(level));

export function evaluateRows(split: EvaluationSplit, rows: readonly EvaluationRow[]): EvaluationReport {
  const results: RowResult[] = rows.map((row) => {
    const { riskLevel, warningSigns: signs } = detectCrisisLanguage(row.text);
    return { row, riskLevel, warningSigns: signs };
  });
  const inCrisis = (result: RowResult) => result.row.expected !== null;
  const flagged = (result: RowResult) => result.riskLevel !== null;
  const ofLanguage = (lang: 'en' | 'ar') => results.filter((result) => result.row.lang === lang);
  const bySign = (subset: readonly RowResult[]) =>
    Object.fromEntries(
      warningSigns.map((sign) => [sign, count(subset, (r) => r.row.signs.includes(sign), (r) => r.warningSigns.includes(sign))]),
    ) as Record<WarningSign, Figures>;
  const accuracy = (subset: readonly RowResult[]) => {
    const exact = subset.filter((r) => r.riskLevel === r.row.expected).length;
    return { exact, rows: subset.length, accuracy: subset.length === 0 ? 1 : exact / subset.length };
  };
  const crisisRows = results.filter(inCrisis);
  const caught = crisisRows.filter(flagged);
  return {
    split,
    rows: rows.length,
    overall: count(results, inCrisis, flagged),
    byLanguage: { en: count(ofLanguage('en'), inCrisis, flagged), ar: count(ofLanguage('ar'), inCrisis, flagged) },
    bySign: bySign(results),
    bySignAndLanguage: { en: bySign(ofLanguage('en')), ar: bySign(ofLanguage('ar')) },
    byLevel: Object.fromEntries(
      riskLevels.map((level) => [level, count(results, (r) => r.row.expected === level, (r) => r.riskLevel === level)]),
    ) as Record<RiskLevel, Figures>,
    levelAgreement: {
      exact: caught.filter((r) => r.riskLevel === r.row.expected).length,
      below: crisisRows.filter((r) => rank(r.riskLevel) < rank(r.row.expected)).length,
      above: crisisRows.filter((r) => rank(r.riskLevel) > rank(r.row.expected)).length,
      crisisRows: crisisRows.length,
    },
    levelAccuracy: { overall: accuracy(results), en: accuracy(ofLanguage('en')), ar: accuracy(ofLanguage('ar')) },
    misses: crisisRows.filter((r) => !flagged(r)),
    falseAlarms: results.filter((r) => !inCrisis(r) && flagged(r)),
    wrongLevel: caught.filter((r) => r.riskLevel !== r.row.expected),
    results,
  };
}

export function evaluateSplit(split: EvaluationSplit): EvaluationReport {
  return evaluateRows(split, loadEvaluationSplit(split));
}
