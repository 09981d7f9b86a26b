import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { heldOutSplits, loadEvaluationSplit, splitFilePaths } from '../crisis-evaluation-tables.js';
import { readCrisisRules } from '../crisis-rules.js';
import { crisisModelTrainingFiles, loadCrisisModelTrainingRows } from './crisis-model-data.js';
import { defaultTrainingOptions, trainCrisisModel, type TrainingRow } from './crisis-model-training.js';
import { loadCrisisModel, type CrisisModelFile } from './crisis-model.js';

const weightsPath = fileURLToPath(new URL('./crisis-model.weights.json', import.meta.url));
const committed = JSON.parse(readFileSync(weightsPath, 'utf8')) as CrisisModelFile;
const trainingRows = loadCrisisModelTrainingRows();
const normalized = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

describe('the trained crisis model', () => {
  it('is exactly what crisis-train makes from the training files (no weight was edited by hand)', () => {
    const retrained = trainCrisisModel(trainingRows, defaultTrainingOptions);
    expect(retrained.rows).toBe(trainingRows.length);
    expect(retrained).toEqual(committed);
  }, 60_000);

  it('never learns from the held-out tables', () => {
    const heldOut = heldOutSplits.flatMap(splitFilePaths);
    expect(heldOut.length).toBe(2);
    expect(crisisModelTrainingFiles.filter((path) => heldOut.includes(path))).toEqual([]);
    const heldOutTexts = new Set(heldOutSplits.flatMap(loadEvaluationSplit).map((row) => normalized(row.text)));
    expect(trainingRows.filter((row) => heldOutTexts.has(normalized(row.text)))).toEqual([]);
  });

  it('has well-formed training rows', () => {
    for (const row of trainingRows) {
      expect(row.text.trim().length).toBeGreaterThan(0);
      expect(row.expected === null).toBe(row.signs.length === 0);
    }
  });

  it('refuses a weights file of another version, with other outputs, or truncated', () => {
    expect(() => loadCrisisModel({ ...committed, version: 2 as 1 })).toThrow(/does not match/);
    expect(() => loadCrisisModel({ ...committed, signs: committed.signs.slice(1) })).toThrow(/does not match/);
    expect(() => loadCrisisModel({ ...committed, weights: committed.weights.slice(0, 400) })).toThrow(/truncated/);
  });

  it('learns from its rows: trained on a few, it tells their crisis rows from their ordinary ones', () => {
    const rows: TrainingRow[] = [
      ...['i want to die tonight', 'i am going to kill myself', 'i wish i could die', 'i want to end my life'].map((text) => ({
        text,
        expected: 'HIGH' as const,
        signs: ['DIRECT_IDEATION' as const],
      })),
      ...['i want to bake tonight', 'i am going to the shop', 'i wish i could swim', 'i want to end my shift'].map((text) => ({
        text,
        expected: null,
        signs: [],
      })),
    ];
    const model = loadCrisisModel(trainCrisisModel(rows, { ...defaultTrainingOptions, minimumRows: 1 }));
    const probability = (text: string) => model.read(text, readCrisisRules(text)).crisis;
    for (const row of rows) expect(probability(row.text) > 0.5).toBe(row.expected !== null);
    expect(model.read('i want to die', readCrisisRules('i want to die')).signs.DIRECT_IDEATION).toBeGreaterThan(0.5);
  });
});
