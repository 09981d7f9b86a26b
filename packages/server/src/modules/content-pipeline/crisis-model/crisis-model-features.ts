import { arabicWordForms, wordTokens } from '../../../text/text-normalization.js';
import { arabicSpelling } from '../crisis-lexicon.ar.js';
import { englishSpelling } from '../crisis-lexicon.en.js';
import type { RuleDetection } from '../crisis-rules.js';

/**
 * What the trained crisis model (crisis-model.ts) reads of a text: its words, spelling-corrected as the rule
 * reader corrects them, with each Arabic word's forms without its prefixes (و ف ب ل ك س and the article), pairs of
 * neighbouring words, and the letter sequences of three to five letters inside each word (as fastText does), which
 * see through the attached pronouns, feminine and dual endings and misspellings no list spells out. Each group of
 * features is scaled by one over the square root of its size, so a long post does not outvote a short one by its
 * length. It also reads what the rule reader (crisis-rules.ts) found: each cue's kind, live or dismissed and why
 * ("to die" read of someone else, a time beside no act), and the level the rules gave. Crisis words alone say little
 * ("the pills are in the drawer if you need a painkiller"); who does what, which the rules read, says more.
 */
export type Features = ReadonlyMap<string, number>;

const arabicLetter = /[\u0600-\u06FF]/;
const shortestGram = 3;
const longestGram = 5;

function correctedWords(text: string): string[] {
  return wordTokens(text).tokens.map(({ word }) => (arabicLetter.test(word) ? arabicSpelling(word) : englishSpelling(word)));
}

function letterGrams(word: string): string[] {
  const padded = `<${word}>`;
  const grams: string[] = [];
  for (let size = shortestGram; size <= longestGram; size += 1) {
    for (let start = 0; start + size <= padded.length; start += 1) grams.push(padded.slice(start, start + size));
  }
  return grams;
}

function addGroup(features: Map<string, number>, prefix: string, names: Iterable<string>): void {
  const unique = new Set(names);
  const value = 1 / Math.sqrt(Math.max(unique.size, 1));
  for (const name of unique) features.set(`${prefix}${name}`, value);
}

function ruleFeatures(rules: RuleDetection): string[] {
  const names: string[] = [];
  if (rules.protective) names.push('protective');
  for (const cue of rules.matches) {
    if (cue.dismissedAs !== null) {
      names.push(`${cue.kind}~${cue.dismissedAs}`);
      continue;
    }
    names.push(cue.kind);
    if (cue.weak) names.push(`${cue.kind}:weak`);
    if (cue.harm) names.push(`${cue.kind}:harm`);
    if (cue.readiness) names.push(`${cue.kind}:${cue.readiness}`);
  }
  return names;
}

/** The text's features, by name (names, not hashes, so the model file lists what it learnt). */
export function crisisFeatures(text: string, rules: RuleDetection): Features {
  const words = correctedWords(text);
  const features = new Map<string, number>();
  addGroup(features, 'w:', words.flatMap((word) => (arabicLetter.test(word) ? arabicWordForms(word) : [word])));
  addGroup(features, 'b:', words.slice(1).map((word, index) => `${words[index]} ${word}`));
  addGroup(features, 'c:', words.flatMap(letterGrams));
  // The rules' findings are few and each says much: one each, unscaled.
  for (const name of new Set(ruleFeatures(rules))) features.set(`r:${name}`, 1);
  return features;
}
