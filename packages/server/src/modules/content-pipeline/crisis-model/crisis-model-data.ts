import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitFilePaths } from '../crisis-evaluation-tables.js';
import type { TrainingRow } from './crisis-model-training.js';

/**
 * What the crisis model learns from (crisis-evaluation/README.md, "The trained model"): the evaluation tables whose
 * figures have been reported (the tuning split, frozen-v6.json included: it chose the model's settings before it
 * joined the training data), the seen tables of ordinary posts (everyday-v1.json, everyday-v2.json) and the training corpora written
 * for the model by writers who never read the detector or the tables (training-*.json). Never a held-out table.
 *
 * The rule reader was tuned on the tables' rows, so on them it is right far more often than on new text; a model
 * that saw its findings there would learn to trust it blindly. So the model reads the rules' findings only on the
 * corpora, which the rules never saw (`readsRules`).
 */
export const crisisModelTrainingSources: ReadonlyArray<{ path: string; readsRules: boolean }> = [
  ...splitFilePaths('tuning').map((path) => ({ path, readsRules: false })),
  // Ordinary posts the rules were never tuned on.
  ...(['everyday-v1', 'everyday-v2'] as const).flatMap((split) => splitFilePaths(split)).map((path) => ({ path, readsRules: true })),
  ...['training-en.json', 'training-en-hard.json', 'training-ar.json', 'training-ordinary.json', 'training-protective.json', 'training-en-plans.json', 'training-ar-plans.json'].map((file) => ({
    path: fileURLToPath(new URL(`./${file}`, import.meta.url)),
    readsRules: true,
  })),
];

export const crisisModelTrainingFiles: readonly string[] = crisisModelTrainingSources.map((source) => source.path);

/** Every training row (but those of `leftOut` files, for validation), marked with whether the model may read the rules' findings on it. */
export function loadCrisisModelTrainingRows(leftOut: readonly string[] = []): TrainingRow[] {
  return crisisModelTrainingSources.filter(({ path }) => !leftOut.includes(path)).flatMap(({ path, readsRules }) =>
    (JSON.parse(readFileSync(path, 'utf8')) as TrainingRow[]).map((row) => ({ ...row, readsRules })),
  );
}
