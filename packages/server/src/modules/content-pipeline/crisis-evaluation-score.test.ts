import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { riskLevels, warningSigns } from './content-pipeline.js';
import { evaluateSplit, evaluationSplits, evaluationTableDirectory, isTuningSplit, loadEvaluationSplit, splitFilePaths } from './crisis-evaluation-score.js';

/**
 * The evaluation table's splits and the detector's targets on the rows it may be tuned on. The frozen split is only
 * checked for its form and its hash here, never scored: its figures are measured once and written in the README.
 */
const readme = readFileSync(`${evaluationTableDirectory}README.md`, 'utf8');

describe('crisis evaluation splits', () => {
  it.each([
    ['frozen', 'frozen-v7.json'],
    ['everyday', 'everyday-v3.json'],
  ] as const)('holds the %s split (%s) out, unchanged since its hash was recorded in the README', (split, file) => {
    const [path] = splitFilePaths(split);
    expect(path!.endsWith(`/${file}`)).toBe(true);
    const recorded = new RegExp(`${file.replace('.', '\\.')}\` sha256: \`([0-9a-f]{64})\``).exec(readme)?.[1];
    expect(recorded).toBeDefined();
    expect(createHash('sha256').update(readFileSync(path!)).digest('hex')).toBe(recorded);
    expect(isTuningSplit(split)).toBe(false);
  });

  it('holds only posts in no crisis in the everyday split', () => {
    expect(loadEvaluationSplit('everyday').every((row) => row.expected === null && row.signs.length === 0)).toBe(true);
  });

  it('tunes on development and the seen frozen-v1 to frozen-v6 rows together, and on nothing of frozen-v7', () => {
    const tuning = loadEvaluationSplit('tuning').map((row) => row.text);
    const seen = (['development', 'frozen-v1', 'frozen-v2', 'frozen-v3', 'frozen-v4', 'frozen-v5', 'frozen-v6'] as const).flatMap(loadEvaluationSplit);
    expect(tuning).toEqual(seen.map((row) => row.text));
    const frozen = new Set(loadEvaluationSplit('frozen').map((row) => row.text));
    expect(tuning.filter((text) => frozen.has(text))).toEqual([]);
  });

  it.each(evaluationSplits)('has well-formed rows in the %s split', (split) => {
    const rows = loadEvaluationSplit(split);
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(typeof row.text === 'string' && row.text.trim().length > 0).toBe(true);
      expect(['en', 'ar']).toContain(row.lang);
      expect(row.expected === null || riskLevels.includes(row.expected)).toBe(true);
      expect(row.signs.every((sign) => warningSigns.includes(sign))).toBe(true);
      expect(row.expected === null).toBe(row.signs.length === 0);
    }
  });
});

describe('crisis detector on the tuning split (development and frozen-v1 to frozen-v6)', () => {
  const report = evaluateSplit('tuning');

  it.each(['en', 'ar'] as const)('keeps precision and recall in %s at their targets', (language) => {
    const figures = report.byLanguage[language];
    expect(figures.precision).toBeGreaterThanOrEqual(0.8);
    expect(figures.recall).toBeGreaterThanOrEqual(0.9);
  });
});
