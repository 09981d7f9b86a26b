import { warningSigns, type RiskLevel, type WarningSign } from '../content-pipeline.js';
import { readCrisisRules, type RuleDetection } from '../crisis-rules.js';
import { crisisFeatures, type Features } from './crisis-model-features.js';
import { modelLevels, sigmoid, softmax, type CrisisModelFile } from './crisis-model.js';

/**
 * Trains the crisis model (crisis-model.ts): logistic regression over the features of crisis-model-features.ts,
 * one softmax over the risk levels (none included) and one yes/no output per warning sign, fitted by stochastic
 * gradient descent with AdaGrad steps and an L2 penalty, in a fixed order from a seeded shuffle so that the same
 * rows always give the same model. Features seen in fewer than `minimumRows` rows are dropped: a letter sequence
 * seen once is memorised, not learnt. Weights are stored as bytes (one scale per output), which keeps the file
 * small and changes no decision a test has seen (crisis-model.test.ts).
 */
export interface TrainingRow {
  text: string;
  expected: RiskLevel | null;
  signs: readonly WarningSign[];
  /** Whether the model reads the rules' findings on this row (crisis-model-data.ts); if not, it sees none. */
  readsRules?: boolean;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  minimumRows: number;
  seed: number;
}

/** Chosen on frozen-v4.json as validation (crisis-evaluation/README.md, "The trained model"). */
export const defaultTrainingOptions: TrainingOptions = { epochs: 15, learningRate: 0.3, l2: 0.003, minimumRows: 2, seed: 1 };

const outputCount = modelLevels.length + warningSigns.length;

/** mulberry32: a small seeded generator, so a shuffle is the same on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Example {
  features: Array<[number, number]>;
  level: number;
  signs: number[];
}

function vocabularyOf(featureSets: readonly Features[], minimumRows: number): Map<string, number> {
  const rowsWith = new Map<string, number>();
  for (const features of featureSets) for (const name of features.keys()) rowsWith.set(name, (rowsWith.get(name) ?? 0) + 1);
  const names = [...rowsWith].filter(([, rows]) => rows >= minimumRows).map(([name]) => name).sort();
  return new Map(names.map((name, index) => [name, index]));
}

const levelIndex = (level: RiskLevel | null) => modelLevels.indexOf(level ?? 'NONE');

const nothingRead: RuleDetection = { crisis: false, riskLevel: null, warningSigns: [], protective: false, matches: [] };

export function trainCrisisModel(rows: readonly TrainingRow[], options: TrainingOptions = defaultTrainingOptions): CrisisModelFile {
  const featureSets = rows.map((row) => crisisFeatures(row.text, row.readsRules === false ? nothingRead : readCrisisRules(row.text)));
  const vocabulary = vocabularyOf(featureSets, options.minimumRows);
  const examples: Example[] = rows.map((row, index) => ({
    features: [...featureSets[index]!].flatMap(([name, value]) => {
      const feature = vocabulary.get(name);
      return feature === undefined ? [] : [[feature, value] as [number, number]];
    }),
    level: levelIndex(row.expected),
    signs: warningSigns.map((sign) => (row.signs.includes(sign) ? 1 : 0)),
  }));
  const weights = new Float64Array(vocabulary.size * outputCount);
  const squaredGradients = new Float64Array(vocabulary.size * outputCount).fill(1e-8);
  const bias = new Float64Array(outputCount);
  const biasSquaredGradients = new Float64Array(outputCount).fill(1e-8);
  const random = seededRandom(options.seed);
  const order = examples.map((_, index) => index);
  const scores = new Float64Array(outputCount);
  const gradient = new Float64Array(outputCount);

  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const exampleIndex of order) {
      const example = examples[exampleIndex]!;
      scores.set(bias);
      for (const [feature, value] of example.features) {
        const base = feature * outputCount;
        for (let output = 0; output < outputCount; output += 1) scores[output]! += weights[base + output]! * value;
      }
      const probabilities = softmax(scores.subarray(0, modelLevels.length));
      probabilities.forEach((probability, level) => {
        gradient[level] = probability - (level === example.level ? 1 : 0);
      });
      example.signs.forEach((target, sign) => {
        gradient[modelLevels.length + sign] = sigmoid(scores[modelLevels.length + sign]!) - target;
      });
      for (let output = 0; output < outputCount; output += 1) {
        biasSquaredGradients[output]! += gradient[output]! ** 2;
        bias[output]! -= (options.learningRate * gradient[output]!) / Math.sqrt(biasSquaredGradients[output]!);
      }
      for (const [feature, value] of example.features) {
        const base = feature * outputCount;
        for (let output = 0; output < outputCount; output += 1) {
          const step = gradient[output]! * value + options.l2 * weights[base + output]!;
          squaredGradients[base + output]! += step * step;
          weights[base + output]! -= (options.learningRate * step) / Math.sqrt(squaredGradients[base + output]!);
        }
      }
    }
  }
  return packModel([...vocabulary.keys()], weights, bias, rows);
}

function packModel(features: string[], weights: Float64Array, bias: Float64Array, rows: readonly TrainingRow[]): CrisisModelFile {
  const scales = Array.from({ length: outputCount }, (_, output) => {
    let largest = 0;
    for (let feature = 0; feature < features.length; feature += 1) largest = Math.max(largest, Math.abs(weights[feature * outputCount + output]!));
    return largest === 0 ? 1 : largest / 127;
  });
  const bytes = new Int8Array(weights.length);
  weights.forEach((weight, index) => {
    bytes[index] = Math.round(weight / scales[index % outputCount]!);
  });
  return {
    version: 1,
    rows: rows.length,
    levels: [...modelLevels],
    signs: [...warningSigns],
    bias: Array.from(bias, (value) => Number(value.toFixed(6))),
    scales: scales.map((value) => Number(value.toPrecision(8))),
    features,
    weights: Buffer.from(bytes.buffer).toString('base64'),
  };
}
