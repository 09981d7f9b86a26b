import { findCrisisClassifierUrl } from '../institutions/institution.queries.js';
import { riskLevels, withReason, type ContentOutcome, type ContentStage, type RiskLevel } from './content-pipeline.js';
import { askCrisisClassifier } from './crisis-classifier.js';
import { crisisResourcesFor } from '../crisis-resources/crisis-resources.js';

/**
 * Right after the built-in crisis stage: when the author's institution has its own classifier
 * (Institution.crisisClassifierUrl), it is asked about the same text. Its answer can only raise the risk level
 * and add warning signs, never lower or remove what the built-in detector found: a second opinion exists to catch
 * what the first missed. When it raises an item from no risk to a level, the item becomes a crisis (reason
 * CRISIS_CLASSIFIER) with the crisis resources for the author's locale, exactly as the built-in stage would.
 * When it is slow, down or confused, nothing changes (see crisis-classifier.ts).
 */

/** Higher is more urgent: riskLevels lists the most urgent first. */
function urgency(level: RiskLevel | null): number {
  return level === null ? 0 : riskLevels.length - riskLevels.indexOf(level);
}

export const crisisClassifierStage: ContentStage = {
  name: "institution's crisis classifier",
  async apply(draft, author, outcome, db, services) {
    const institutionId = author.group.institution_id;
    const url = await findCrisisClassifierUrl(db, institutionId);
    if (!url) return outcome;
    const text = [draft.title, draft.body].filter((part): part is string => Boolean(part)).join('\n');
    const answer = await askCrisisClassifier(
      url,
      { text, locale: author.member.locale, kind: draft.kind.toLowerCase(), edit: draft.edit ?? false },
      { ...services.crisisClassifier, institutionId },
    );
    if (!answer) return outcome;
    const raises = urgency(answer.riskLevel) > urgency(outcome.riskLevel);
    const newSigns = answer.riskLevel === null ? [] : answer.warningSigns.filter((sign) => !outcome.warningSigns.includes(sign));
    if (!raises && newSigns.length === 0) return outcome;
    const next: ContentOutcome = {
      ...withReason(outcome, 'CRISIS_CLASSIFIER'),
      crisis: true,
      riskLevel: raises ? answer.riskLevel : outcome.riskLevel,
      warningSigns: [...outcome.warningSigns, ...newSigns],
    };
    if (next.crisisResources.length === 0) next.crisisResources = await crisisResourcesFor(db, institutionId, author.member.locale);
    return next;
  },
};
