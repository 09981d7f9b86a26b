import { expect, it } from 'vitest';
import { detectCrisisLanguage } from '../src/modules/content-pipeline/crisis-detector.js';

/** Sentences by the risk level they must come out at ('NONE' for no crisis). */
export type CrisisLevelTable = Record<'IMMINENT' | 'HIGH' | 'CONCERN' | 'NONE', string[]>;

/** One test per sentence of a crisis detector table: it must come out at exactly its level. */
export function itReadsEachAtItsLevel(levels: CrisisLevelTable): void {
  for (const [expected, sentences] of Object.entries(levels)) {
    it.each(sentences)(`reads %s as ${expected}`, (sentence) => {
      expect(detectCrisisLanguage(sentence).riskLevel ?? 'NONE').toBe(expected);
    });
  }
}
