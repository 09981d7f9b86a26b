import { warningSigns, type RiskLevel, type WarningSign } from '../content-pipeline.js';
import weights from './crisis-model.weights.json' with { type: 'json' };
import { loadCrisisModel, type CrisisModelFile, type CrisisModelReading } from './crisis-model.js';

/** The model Hearth ships, trained by scripts/crisis-train.ts. */
export const crisisModel = loadCrisisModel(weights as CrisisModelFile);

/**
 * How sure the model must be, where the rules found nothing, to flag a text. Chosen on the newest seen tables before
 * the model learnt from them (crisis-evaluation/README.md, "The trained model"): at 0.5, on frozen-v6.json, the rules
 * and the model together found 0.900 of its crises at a precision of 0.953 (the rules alone 0.639 at 0.958), with 5
 * false alarms in everyday-v2.json's 294 ordinary posts.
 */
export const modelThreshold = 0.5;

const crisisLevels: readonly RiskLevel[] = ['IMMINENT', 'HIGH', 'CONCERN'];

/** The level and signs the model reads: its most likely level in crisis, and the signs it is at least half sure of. */
export function readByModel(reading: CrisisModelReading): { riskLevel: RiskLevel; warningSigns: WarningSign[] } {
  const riskLevel = crisisLevels.reduce((best, level) => (reading.levels[level] > reading.levels[best] ? level : best));
  const likely = warningSigns.filter((sign) => reading.signs[sign] >= 0.5);
  const strongest = warningSigns.reduce((best, sign) => (reading.signs[sign] > reading.signs[best] ? sign : best));
  return { riskLevel, warningSigns: likely.length > 0 ? likely : [strongest] };
}
