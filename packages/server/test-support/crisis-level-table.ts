import { expect, it } from 'vitest';
import { detectCrisisLanguage } from '../src/modules/content-pipeline/crisis-detector.js';
import { readCrisisRules } from '../src/modules/content-pipeline/crisis-rules.js';

/** Sentences by the risk level they must come out at ('NONE' for no crisis). */
export type CrisisLevelTable = Record<'IMMINENT' | 'HIGH' | 'CONCERN' | 'NONE', string[]>;

/**
 * One test per sentence of a crisis detector table: the rule reader must read it at exactly its level (these tables
 * test the grammar). Then one test of the whole detector, the trained model included: where the rules flag a
 * sentence the level is theirs, and of the sentences that are no crisis the model flags exactly `modelFalseAlarms`
 * — its known mistakes on the table, listed so that a new one (or a fixed one) fails and is looked at.
 */
export function itReadsEachAtItsLevel(levels: CrisisLevelTable, modelFalseAlarms: readonly string[] = []): void {
  for (const [expected, sentences] of Object.entries(levels)) {
    it.each(sentences)(`reads %s as ${expected}`, (sentence) => {
      expect(readCrisisRules(sentence).riskLevel ?? 'NONE').toBe(expected);
    });
  }
  it(`with the trained model, keeps every level and flags only its ${modelFalseAlarms.length} known false alarms`, () => {
    for (const level of ['IMMINENT', 'HIGH', 'CONCERN'] as const) {
      for (const sentence of levels[level]) expect({ sentence, level: detectCrisisLanguage(sentence).riskLevel }).toEqual({ sentence, level });
    }
    const flagged = levels.NONE.filter((sentence) => detectCrisisLanguage(sentence).crisis);
    expect(flagged, `the model's false alarms now:\n${flagged.join('\n')}`).toEqual(modelFalseAlarms);
  });
}
