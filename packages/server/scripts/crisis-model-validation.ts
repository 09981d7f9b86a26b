import { readFileSync } from 'node:fs';
import { combineReadings } from '../src/modules/content-pipeline/crisis-detector.js';
import { splitFilePaths, type EvaluationRow } from '../src/modules/content-pipeline/crisis-evaluation-tables.js';
import { readCrisisRules } from '../src/modules/content-pipeline/crisis-rules.js';
import { loadCrisisModel } from '../src/modules/content-pipeline/crisis-model/crisis-model.js';
import { loadCrisisModelTrainingRows } from '../src/modules/content-pipeline/crisis-model/crisis-model-data.js';
import { defaultTrainingOptions, trainCrisisModel } from '../src/modules/content-pipeline/crisis-model/crisis-model-training.js';

/**
 * How the model's settings and threshold were chosen:  pnpm --filter @hearth/server crisis-model-validation
 * Trains the model on its training files without the newest seen tables (frozen-v6.json, everyday-v2.json) and
 * prints, on them, the rules alone and the rules with the model at several thresholds: recall and precision on
 * frozen-v6, false alarms on everyday-v2's ordinary posts (crisis-evaluation/README.md, "The trained model"). It
 * writes no file; crisis-train makes the shipped model, from every training file.
 */
const [validationPath] = splitFilePaths('frozen-v6');
const [ordinaryPath] = splitFilePaths('everyday-v2');
const rows = loadCrisisModelTrainingRows([validationPath!, ordinaryPath!]);
const model = loadCrisisModel(trainCrisisModel(rows, defaultTrainingOptions));
const validation = JSON.parse(readFileSync(validationPath!, 'utf8')) as EvaluationRow[];
const readings = validation.map((row) => {
  const rules = readCrisisRules(row.text);
  return { row, rules, reading: model.read(row.text, rules) };
});

function figures(flagged: (index: number) => boolean, language?: 'en' | 'ar'): string {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  readings.forEach(({ row }, index) => {
    if (language !== undefined && row.lang !== language) return;
    const crisis = row.expected !== null;
    if (flagged(index)) crisis ? (truePositives += 1) : (falsePositives += 1);
    else if (crisis) falseNegatives += 1;
  });
  const precision = truePositives / (truePositives + falsePositives);
  const recall = truePositives / (truePositives + falseNegatives);
  return `P ${precision.toFixed(3)} R ${recall.toFixed(3)}`;
}

const line = (label: string, flagged: (index: number) => boolean) =>
  console.log(`${label.padEnd(26)} all ${figures(flagged)} | en ${figures(flagged, 'en')} | ar ${figures(flagged, 'ar')}`);

console.log(`model trained on ${rows.length} rows without frozen-v6.json and everyday-v2.json; validation on their rows\n`);
line('rules alone', (index) => readings[index]!.rules.riskLevel !== null);
for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
  line(`rules + model, t ${threshold}`, (index) => combineReadings(readings[index]!.rules, readings[index]!.reading, threshold).crisis);
}

// Ordinary posts: everyday-v2's 294, none in crisis, should raise few alarms.
const ordinary = (JSON.parse(readFileSync(ordinaryPath!, 'utf8')) as EvaluationRow[]).map((row) => {
  const rules = readCrisisRules(row.text);
  return { rules, reading: model.read(row.text, rules) };
});
for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7]) {
  const alarms = ordinary.filter(({ rules, reading }) => combineReadings(rules, reading, threshold).crisis).length;
  console.log(`everyday-v2, t ${threshold}: ${alarms} false alarms in ${ordinary.length} ordinary posts`);
}
