import { describe, expect, it } from 'vitest';
import { crisisPhraseLists, detectorFor, parsePattern } from './crisis-detector.js';
import { phraseWords } from './text-normalization.js';

/** The phrase lists are data: each file must parse, and each pattern must match the example written beside it. */
describe.each(crisisPhraseLists.map((list) => [list.language, list] as const))('crisis phrase list "%s"', (_language, list) => {
  const detect = detectorFor(list);

  it('parses every pattern, cue, pseudo-negation, reporting verb and idiom', () => {
    for (const pattern of [...list.phrases.map((phrase) => phrase.pattern), ...list.negationCues, ...list.pseudoNegations, ...list.reportingVerbs, ...list.firstPersonReportingVerbs, ...list.exceptions]) {
      expect(() => parsePattern(pattern), pattern).not.toThrow();
    }
  });

  it('has no repeated pattern and only known categories', () => {
    const patterns = list.phrases.map((phrase) => phrase.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const phrase of list.phrases) expect(['SUICIDAL_INTENT', 'SELF_HARM']).toContain(phrase.category);
  });

  it.each(list.phrases.map((phrase) => [phrase.example, phrase.pattern] as const))('flags its example %j (pattern %s)', (example, pattern) => {
    const detection = detect(example);
    expect(detection.matches.some((match) => match.pattern === pattern), `${pattern} does not match its example`).toBe(true);
    expect(detection.crisis).toBe(true);
  });

  it('writes the single-word lists (clause breaks, subjects, media cues) as single words', () => {
    for (const word of [...list.clauseBreakWords, ...list.otherPersonSubjects, ...list.firstPersonSubjects, ...list.mediaCues]) {
      expect(phraseWords(word), word).toHaveLength(1);
    }
  });

  it('keeps a sane negation window', () => {
    expect(list.negationWindow).toBeGreaterThanOrEqual(2);
    expect(list.negationWindow).toBeLessThanOrEqual(6);
  });
});

describe('parsePattern', () => {
  it('refuses unbalanced groups and empty patterns', () => {
    expect(() => parsePattern('(want to die')).toThrow(/Unclosed/);
    expect(() => parsePattern('want to die)')).toThrow(/Unexpected/);
    expect(() => parsePattern('')).toThrow(/Empty/);
  });

  it('normalizes literal words as it normalizes text', () => {
    expect(parsePattern("I'm أؤذي")).toEqual([
      { kind: 'word', word: 'im' },
      { kind: 'word', word: 'اؤذي' },
    ]);
  });
});
