import { describe, expect, it } from 'vitest';
import { bodyProblem, neutraliseName, singleLineProblem } from './content-text.js';

describe('content text rules', () => {
  it('refuses direction overrides, isolates and invisible spacing in single-line fields', () => {
    for (const value of ['abc\u202Efdp.exe', '\u202Bx\u202C', '\u2066x\u2069', 'Admin\u200B', '\uFEFFhello', 'a\u2060b', '\u3164', 'x\u200D', '\u200Cx', 'a \u200D b']) {
      expect(singleLineProblem(value), JSON.stringify(value)).not.toBeNull();
    }
  });

  it('accepts Arabic, mixed-direction marks, joiners between letters and emoji sequences', () => {
    for (const value of ['مجموعة الدعم', 'Support — الدعم (2)', 'C\u200F)', 'می\u200Cخواهم', '👩\u200D👩\u200D👧', '🏳️\u200D🌈 pride']) {
      expect(singleLineProblem(value), JSON.stringify(value)).toBeNull();
    }
  });

  it('lets bodies keep balanced direction controls and refuses unbalanced ones, line by line', () => {
    expect(bodyProblem('quote: \u2067نص\u2069 ok\nand \u202Bembedded\u202C too')).toBeNull();
    expect(bodyProblem('\u2067never closed')).toMatch(/Line 1/);
    expect(bodyProblem('fine\n\u202Eflipped')).toMatch(/Line 2/);
    expect(bodyProblem('\u2067crosses\n\u2069 lines')).toMatch(/Line 1/);
    expect(bodyProblem('\u202Awrong closer\u2069')).not.toBeNull();
    expect(bodyProblem('\u200B \u200B')).toMatch(/empty/);
    expect(bodyProblem('bad \u0007 bell')).toMatch(/control/);
    expect(bodyProblem('half \uDC00 surrogate')).toMatch(/broken/);
  });

  it('neutralises names set elsewhere before showing them beside content', () => {
    expect(neutraliseName('Admin\u200B')).toBe('Admin');
    expect(neutraliseName('\u202Enimda')).toBe('nimda');
    expect(neutraliseName('  Nour\u2067 \u2069Ali ')).toBe('Nour Ali');
    expect(neutraliseName('\u200B\u200B')).toBe('Member');
    expect(neutraliseName('می\u200Cخواهم')).toBe('می\u200Cخواهم');
  });
});
