import { readFileSync } from 'node:fs';
import { combineReadings } from '../src/modules/content-pipeline/crisis-detector.js';
import { splitFilePaths, type EvaluationRow } from '../src/modules/content-pipeline/crisis-evaluation-tables.js';
import { readCrisisRules } from '../src/modules/content-pipeline/crisis-rules.js';
import { demoConversations } from '../src/seed/demo-conversations.js';
import { loadCrisisModel } from '../src/modules/content-pipeline/crisis-model/crisis-model.js';
import { crisisModelTrainingSources } from '../src/modules/content-pipeline/crisis-model/crisis-model-data.js';
import { defaultTrainingOptions, trainCrisisModel, type TrainingRow } from '../src/modules/content-pipeline/crisis-model/crisis-model-training.js';

/**
 * How the model's settings and threshold were chosen:  pnpm --filter @hearth/server crisis-model-validation
 * Trains the model on its training files without frozen-v4.json and prints the rules alone, and the rules with the
 * model at several thresholds, on frozen-v4.json (crisis-evaluation/README.md, "The trained model"). It writes no
 * file; crisis-train makes the shipped model, from every training file.
 */
const [validationPath] = splitFilePaths('frozen-v4');
const rows = crisisModelTrainingSources
  .filter(({ path }) => path !== validationPath)
  .flatMap(({ path, readsRules }) => (JSON.parse(readFileSync(path, 'utf8')) as TrainingRow[]).map((row) => ({ ...row, readsRules })));
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

console.log(`model trained on ${rows.length} rows without frozen-v4.json; validation on its ${validation.length} rows\n`);
line('rules alone', (index) => readings[index]!.rules.riskLevel !== null);
for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
  line(`rules + model, t ${threshold}`, (index) => combineReadings(readings[index]!.rules, readings[index]!.reading, threshold).crisis);
}

// Everyday posts: the demo's conversations (written for the demo, none in crisis) should raise no alarm.
const everyday = Object.values(demoConversations)
  .flatMap((groups) => Object.values(groups).flat())
  .flatMap((post) => [post.title, post.body, ...(post.replies ?? []).map((reply) => reply.body)]);
for (const threshold of [0.3, 0.4, 0.5, 0.6]) {
  const alarms = everyday.filter((text) => {
    const rules = readCrisisRules(text);
    return combineReadings(rules, model.read(text, rules), threshold).crisis;
  });
  console.log(`\nthe demo's ${everyday.length} everyday texts at t ${threshold}: ${alarms.length} flagged` + alarms.map((text) => `\n  ${text}`).join(''));
}
