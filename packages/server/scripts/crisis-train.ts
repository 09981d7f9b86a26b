import { writeFileSync } from 'node:fs';
import { loadCrisisModelTrainingRows } from '../src/modules/content-pipeline/crisis-model/crisis-model-data.js';
import { defaultTrainingOptions, trainCrisisModel } from '../src/modules/content-pipeline/crisis-model/crisis-model-training.js';

/**
 * Trains the crisis model and writes crisis-model.weights.json:  pnpm --filter @hearth/server crisis-train
 * It learns from the files crisis-model-data.ts lists (the tuning tables, the seen everyday tables and the training corpora), never
 * from the held-out table. The same files always give the same model (a seeded shuffle); a test checks that the
 * committed weights are what this script makes (crisis-model.test.ts).
 */
const rows = loadCrisisModelTrainingRows();
const started = Date.now();
const model = trainCrisisModel(rows, defaultTrainingOptions);
const target = new URL('../src/modules/content-pipeline/crisis-model/crisis-model.weights.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(model)}\n`);
console.log(`trained on ${rows.length} rows in ${Date.now() - started} ms: ${model.features.length} features → ${target.pathname}`);
