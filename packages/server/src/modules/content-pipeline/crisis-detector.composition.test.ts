import { describe, expect, it } from 'vitest';
import { readCrisisRules } from './crisis-rules.js';

/**
 * How the parts of a warning sign combine (crisis-detector.ts `summarize`): weak farewells that count only
 * together, a self-harm intent that a time leaves HIGH and means make IMMINENT, a protection undone by what follows
 * a "but", times read past a negation, and routine that is only for medication. Sentences written for this test.
 */
const level = (text: string) => readCrisisRules(text).riskLevel;

describe('crisis detector: weak farewells', () => {
  it('reads one weak farewell as nothing and two, or one beside another sign, as a farewell', () => {
    expect(level('I gave my old bike to my cousin.')).toBeNull();
    expect(level("I won't be using it anymore.")).toBeNull();
    expect(level("I gave my camera to my neighbour. I won't be needing it where I'm going.")).toBe('CONCERN');
    expect(level("I gave my camera to my neighbour. I won't be using it again.")).toBe('CONCERN');
    expect(readCrisisRules("I gave my camera to my neighbour. Nobody would miss me.").warningSigns).toEqual([
      'FAREWELL_OR_FINALITY',
      'BURDENSOMENESS',
    ]);
    expect(level('أعطيت ساعتي لصديقي')).toBeNull();
    expect(level('أهديت ساعتي لصديقي، لن ألبسها بعد اليوم')).toBe('CONCERN');
  });
});

describe('crisis detector: self-harm meant', () => {
  it('leaves a self-harm intent with a time at HIGH and makes it IMMINENT with means', () => {
    expect(level("I'm going to cut myself after school.")).toBe('HIGH');
    expect(level("I'm going to cut myself after school, the razor is in my bag.")).toBe('IMMINENT');
  });
});

describe('crisis detector: context', () => {
  it('lets what follows a "but" undo the protection before it', () => {
    expect(level('My kids keep me going, but I want to die.')).toBe('HIGH');
    expect(level('I want to die, but my kids keep me going.')).toBe('CONCERN');
  });

  it('reads a time past a negation of the act and a wake-up wish as the wish itself', () => {
    expect(level("I don't want to be alive after tonight.")).toBe('IMMINENT');
    expect(level("I don't want to wake up in the morning")).toBe('HIGH');
  });

  it('dismisses routine only for medication', () => {
    expect(level('I take my tablets every night')).toBeNull();
    expect(level('Every night I stand on the roof thinking about jumping')).toBe('IMMINENT');
  });

  it('reads a past wish before a recovery as past', () => {
    expect(level('I wanted to die, but I have been in recovery for two years')).toBeNull();
    expect(level('كنت أفكر في الانتحار، لكنني تعافيت والحمد لله')).toBeNull();
    expect(level('I want to die, but I have been in recovery for two years')).toBe('HIGH');
  });

  it('inflects Arabic participles inside a phrase (feminine, dual, plural)', () => {
    expect(level('أنا فاقدة الأمل')).toBe('CONCERN');
    expect(level('احنا فاقدين الأمل')).toBe('CONCERN');
  });

  it('reads «ألا» after a wish as "that not", not "except"', () => {
    expect(level('أتمنى ألا أصحو من النوم')).toBe('HIGH');
  });
});
