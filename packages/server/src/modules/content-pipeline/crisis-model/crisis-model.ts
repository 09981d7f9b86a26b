import { warningSigns, type RiskLevel, type WarningSign } from '../content-pipeline.js';
import type { RuleDetection } from '../crisis-rules.js';
import { crisisFeatures } from './crisis-model-features.js';

/**
 * The trained half of the crisis detector: a logistic regression over a text's words, word pairs and letter
 * sequences (crisis-model-features.ts), trained on labelled posts (scripts/crisis-train.ts,
 * crisis-model-training.ts), that gives a probability for each risk level and each warning sign. The rule reader
 * (crisis-detector.ts) explains what it finds; the model catches wordings no rule spells out. Weights are in
 * crisis-model.weights.json, which lists the features by name.
 */
export const modelLevels = ['NONE', 'CONCERN', 'HIGH', 'IMMINENT'] as const;
export type ModelLevel = (typeof modelLevels)[number];

export interface CrisisModelFile {
  version: 1;
  /** How many rows it was trained on. */
  rows: number;
  levels: string[];
  signs: string[];
  bias: number[];
  /** One per output: a weight is its byte times its output's scale. */
  scales: number[];
  features: string[];
  /** Base64 of a signed byte per feature and output, features in order, outputs within each. */
  weights: string;
}

export interface CrisisModelReading {
  /** The probability that the text is in crisis at any level (one minus that of NONE). */
  crisis: number;
  /** The probability of each level. */
  levels: Record<ModelLevel, number>;
  /** The probability of each warning sign. */
  signs: Record<WarningSign, number>;
}

export function softmax(scores: ArrayLike<number>): number[] {
  const values = Array.from(scores);
  const largest = Math.max(...values);
  const exponentials = values.map((score) => Math.exp(score - largest));
  const total = exponentials.reduce((sum, value) => sum + value, 0);
  return exponentials.map((value) => value / total);
}

export const sigmoid = (score: number) => 1 / (1 + Math.exp(-score));

export interface CrisisModel {
  /** Reads a text, with what the rule reader found in it. */
  read(text: string, rules: RuleDetection): CrisisModelReading;
}

export function loadCrisisModel(file: CrisisModelFile): CrisisModel {
  const outputs = modelLevels.length + warningSigns.length;
  if (file.version !== 1 || file.levels.join() !== modelLevels.join() || file.signs.join() !== warningSigns.join()) {
    throw new Error('The crisis model file does not match this version of Hearth: run crisis-train again.');
  }
  const bytes = new Int8Array(Buffer.from(file.weights, 'base64'));
  if (bytes.length !== file.features.length * outputs) throw new Error('The crisis model file is truncated.');
  const featureIndex = new Map(file.features.map((name, index) => [name, index]));
  return {
    read(text, rules) {
      const scores = Float64Array.from(file.bias);
      for (const [name, value] of crisisFeatures(text, rules)) {
        const feature = featureIndex.get(name);
        if (feature === undefined) continue;
        const base = feature * outputs;
        for (let output = 0; output < outputs; output += 1) scores[output]! += bytes[base + output]! * file.scales[output]! * value;
      }
      const levels = softmax(scores.subarray(0, modelLevels.length));
      return {
        crisis: 1 - levels[0]!,
        levels: Object.fromEntries(modelLevels.map((level, index) => [level, levels[index]!])) as Record<ModelLevel, number>,
        signs: Object.fromEntries(warningSigns.map((sign, index) => [sign, sigmoid(scores[modelLevels.length + index]!)])) as Record<
          WarningSign,
          number
        >,
      };
    },
  };
}

export const riskLevelOf = (level: ModelLevel): RiskLevel | null => (level === 'NONE' ? null : level);
