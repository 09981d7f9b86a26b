import { evaluateSplit, evaluationSplits, isTuningSplit, type EvaluationReport, type EvaluationSplit, type Figures, type RowResult } from '../src/modules/content-pipeline/crisis-evaluation-score.js';

/**
 * Prints the crisis detector's precision, recall and F1 on a split of the evaluation table:
 *   pnpm --filter @hearth/server crisis-eval -- development|frozen-v1|…|frozen-v6|everyday-v1|everyday-v2|tuning|frozen|everyday
 * overall (crisis or not), per language, per warning sign (overall and per language), per risk level, and level
 * accuracy. For the tuning splits (development, frozen-v1 to frozen-v6, everyday-v1 and -v2, and tuning, which is the first seven) it also lists the misses,
 * false alarms and wrong levels, to tune against. For the held-out splits (frozen: frozen-v7.json; everyday: everyday-v3.json) it prints figures only,
 * never a row's text: those rows must not guide a change (crisis-evaluation/README.md).
 */
const split = process.argv.slice(2).find((argument) => argument !== '--');
if (!evaluationSplits.includes(split as EvaluationSplit)) {
  console.error(`usage: crisis-eval -- ${evaluationSplits.join('|')}`);
  process.exit(2);
}

const report = evaluateSplit(split as EvaluationSplit);
const number = (value: number) => value.toFixed(3);
const line = (label: string, f: Figures) =>
  `${label.padEnd(22)} P ${number(f.precision)}  R ${number(f.recall)}  F1 ${number(f.f1)}   ` +
  `(tp ${f.truePositives}, fp ${f.falsePositives}, fn ${f.falseNegatives}, labelled ${f.support})`;

console.log(`crisis detector on the ${report.split} split (${report.rows} rows)\n`);
console.log('crisis or not');
console.log(line('overall', report.overall));
console.log(line('en', report.byLanguage.en));
console.log(line('ar', report.byLanguage.ar));
const ordinaryRows = report.results.filter((result) => result.row.expected === null);
const alarms = report.falseAlarms.length;
console.log(
  `false alarms on the ${ordinaryRows.length} rows in no crisis: ${alarms} (${(alarms / Math.max(ordinaryRows.length, 1)).toFixed(3)}); ` +
    (['en', 'ar'] as const)
      .map((language) => `${language} ${report.falseAlarms.filter((result) => result.row.lang === language).length} of ${ordinaryRows.filter((result) => result.row.lang === language).length}`)
      .join(', '),
);
console.log('\nper warning sign (the sign reported against the sign labelled)');
for (const [sign, f] of Object.entries(report.bySign)) console.log(line(sign, f));
for (const language of ['en', 'ar'] as const) {
  console.log(`\nper warning sign, ${language}`);
  for (const [sign, f] of Object.entries(report.bySignAndLanguage[language])) console.log(line(sign, f));
}
console.log('\nper risk level (exact level)');
for (const [level, f] of Object.entries(report.byLevel)) console.log(line(level, f));
const agreement = report.levelAgreement;
console.log(
  `\nlevel of the ${agreement.crisisRows} rows in crisis: ${agreement.exact} exact, ${agreement.below} below the label ` +
    `(misses included), ${agreement.above} above`,
);
const accuracyLine = (label: string, a: EvaluationReport['levelAccuracy']['overall']) =>
  `${label.padEnd(22)} ${number(a.accuracy)} (${a.exact} of ${a.rows} rows at exactly their level, null included)`;
console.log('\nlevel accuracy');
for (const key of ['overall', 'en', 'ar'] as const) console.log(accuracyLine(key, report.levelAccuracy[key]));

if (isTuningSplit(report.split)) {
  const show = (result: RowResult) =>
    `  [${result.row.lang}] expected ${result.row.expected ?? 'null'} ${JSON.stringify(result.row.signs)}, got ` +
    `${result.riskLevel ?? 'null'} ${JSON.stringify(result.warningSigns)}\n      ${result.row.text}`;
  console.log(`\nmisses (${report.misses.length})`);
  for (const result of report.misses) console.log(show(result));
  console.log(`\nfalse alarms (${report.falseAlarms.length})`);
  for (const result of report.falseAlarms) console.log(show(result));
  console.log(`\nflagged at another level (${report.wrongLevel.length})`);
  for (const result of report.wrongLevel) console.log(show(result));
  const sameSigns = (result: RowResult) =>
    result.warningSigns.length === result.row.signs.length && result.row.signs.every((sign) => result.warningSigns.includes(sign));
  const otherSigns = report.results.filter((result) => result.row.expected !== null && result.riskLevel !== null && !sameSigns(result));
  console.log(`\nflagged with other signs than labelled (${otherSigns.length})`);
  for (const result of otherSigns) console.log(show(result));
} else {
  console.log(`\n${report.misses.length} misses and ${report.falseAlarms.length} false alarms (rows not printed: this split is frozen)`);
}
