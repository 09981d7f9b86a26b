import { describe, expect, it } from 'vitest';
import { warningSigns } from './content-pipeline.js';
import { combineReadings, detectCrisisLanguage } from './crisis-detector.js';
import { readCrisisRules } from './crisis-rules.js';
import { modelThreshold } from './crisis-model/built-in-crisis-model.js';
import type { CrisisModelReading } from './crisis-model/crisis-model.js';

/** A model reading as sure as `crisis` that the text is in crisis, most likely at `level`, with `signs`. */
function reading(crisis: number, level: 'CONCERN' | 'HIGH' | 'IMMINENT', signs: readonly string[]): CrisisModelReading {
  return {
    crisis,
    levels: { NONE: 1 - crisis, CONCERN: level === 'CONCERN' ? crisis : 0, HIGH: level === 'HIGH' ? crisis : 0, IMMINENT: level === 'IMMINENT' ? crisis : 0 },
    signs: Object.fromEntries(warningSigns.map((sign) => [sign, signs.includes(sign) ? 0.9 : 0.1])) as CrisisModelReading['signs'],
  };
}

describe('crisis detector: the rules and the trained model together', () => {
  it('lets the rules decide wherever they find a sign, whatever the model says', () => {
    const rules = readCrisisRules('I want to end my life tonight');
    expect(combineReadings(rules, reading(0.01, 'CONCERN', []), modelThreshold)).toMatchObject({ riskLevel: 'IMMINENT', source: 'RULES' });
  });

  it('flags what the rules found nothing in when the model is sure enough, at its level and signs', () => {
    const rules = readCrisisRules('the garage is quiet and the hose fits');
    expect(rules.riskLevel).toBeNull();
    expect(rules.matches.filter((cue) => cue.dismissedAs !== null)).toEqual([]);
    const sure = combineReadings(rules, reading(0.95, 'IMMINENT', ['INTENT_OR_PLAN', 'MEANS_OR_METHOD']), modelThreshold);
    expect(sure).toMatchObject({ crisis: true, riskLevel: 'IMMINENT', warningSigns: ['INTENT_OR_PLAN', 'MEANS_OR_METHOD'], source: 'MODEL' });
    const unsure = combineReadings(rules, reading(modelThreshold - 0.01, 'IMMINENT', ['INTENT_OR_PLAN']), modelThreshold);
    expect(unsure).toMatchObject({ crisis: false, riskLevel: null, source: null });
  });

  it('never lets the model overrule a sign the rules read and explained away (someone else, a quotation, a negation)', () => {
    for (const text of ['my friend says she wants to die, how can I help her', 'The lyrics go "I want to die in your arms"', "I don't want to die"]) {
      const rules = readCrisisRules(text);
      expect(rules.matches.some((cue) => cue.dismissedAs !== null)).toBe(true);
      expect(combineReadings(rules, reading(0.99, 'HIGH', ['DIRECT_IDEATION']), modelThreshold)).toMatchObject({ crisis: false, source: null });
    }
  });

  it('catches, with the shipped model, wordings of a crisis the rules find nothing in (sentences written for this test)', () => {
    for (const text of ["i've stopped taking the insulin on purpose. a few more days and it's done", 'سلمت مفاتيح البيت لأختي وقلتلها ما رح ترجعيلي اياهم']) {
      expect(readCrisisRules(text).crisis).toBe(false);
      expect(detectCrisisLanguage(text)).toMatchObject({ crisis: true, source: 'MODEL' });
    }
    // An ordinary first post stays ordinary.
    expect(detectCrisisLanguage('Hi everyone, I am new here and a bit nervous. My daughter was born in March.')).toMatchObject({ crisis: false, source: null });
  });

  it('gives the model its most likely sign when it is sure of none', () => {
    const rules = readCrisisRules('the garage is quiet and the hose fits');
    const detection = combineReadings(rules, { ...reading(0.9, 'HIGH', []), signs: { ...reading(0.9, 'HIGH', []).signs, HOPELESSNESS: 0.4 } }, modelThreshold);
    expect(detection.warningSigns).toEqual(['HOPELESSNESS']);
  });
});
