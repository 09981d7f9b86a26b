import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RiskLevel, WarningSign } from './content-pipeline.js';

/** The crisis evaluation table's files and splits (crisis-evaluation/README.md), apart from the scoring, so that
 * the model's training (crisis-model/) can read them without loading the detector it trains. */
export type EvaluationSplit =
  | 'development'
  | 'frozen-v1'
  | 'frozen-v2'
  | 'frozen-v3'
  | 'frozen-v4'
  | 'frozen-v5'
  | 'frozen-v6'
  | 'everyday-v1'
  | 'everyday-v2'
  | 'tuning'
  | 'frozen'
  | 'everyday';

/**
 * The table files behind each split. `frozen-v1.json` to `frozen-v6.json` were in turn the held-out split until
 * their figures were reported; all have been seen, so they are tuning data now (and the trained model's training
 * data), and `frozen` is `frozen-v7.json`, written by someone who neither read nor tuned the detector. `everyday`
 * (`everyday-v3.json`) is held out too: about 300 ordinary posts and replies, none in crisis, written apart, which
 * measure how often the detector raises an alarm on an ordinary week's feed (`everyday-v1.json` and
 * `everyday-v2.json`, seen, are training data).
 */
const splitFiles: Record<EvaluationSplit, readonly string[]> = {
  development: ['development'],
  'frozen-v1': ['frozen-v1'],
  'frozen-v2': ['frozen-v2'],
  'frozen-v3': ['frozen-v3'],
  'frozen-v4': ['frozen-v4'],
  'frozen-v5': ['frozen-v5'],
  'frozen-v6': ['frozen-v6'],
  'everyday-v1': ['everyday-v1'],
  'everyday-v2': ['everyday-v2'],
  tuning: ['development', 'frozen-v1', 'frozen-v2', 'frozen-v3', 'frozen-v4', 'frozen-v5', 'frozen-v6'],
  frozen: ['frozen-v7'],
  everyday: ['everyday-v3'],
};

export const evaluationSplits = Object.keys(splitFiles) as EvaluationSplit[];

/** Whether a split may guide a change (and so have its rows printed). The held-out `frozen` and `everyday` may not. */
export const isTuningSplit = (split: EvaluationSplit) => split !== 'frozen' && split !== 'everyday';

/** The splits held out: measured only to report, never tuned on, never learnt from. */
export const heldOutSplits: readonly EvaluationSplit[] = ['frozen', 'everyday'];

export interface EvaluationRow {
  text: string;
  lang: 'en' | 'ar';
  expected: RiskLevel | null;
  signs: WarningSign[];
}

export const evaluationTableDirectory = fileURLToPath(new URL('./crisis-evaluation/', import.meta.url));

export function splitFilePaths(split: EvaluationSplit): string[] {
  return splitFiles[split].map((file) => `${evaluationTableDirectory}${file}.json`);
}

export function loadEvaluationSplit(split: EvaluationSplit): EvaluationRow[] {
  return splitFilePaths(split).flatMap((path) => {
    const rows = JSON.parse(readFileSync(path, 'utf8')) as EvaluationRow[];
    if (!Array.isArray(rows)) throw new Error(`${path} is not an array of rows`);
    return rows;
  });
}
