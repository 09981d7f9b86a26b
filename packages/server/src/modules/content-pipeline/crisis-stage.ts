import { withReason, type ContentDraft, type ContentStage, type RiskLevel, type WarningSign } from './content-pipeline.js';
import { detectCrisisLanguage } from './crisis-detector.js';
import { crisisResourcesFor } from '../crisis-resources/crisis-resources.js';

/**
 * The fourth stage: crisis language in the title or body (crisis-detector.ts). The item stays as it is — published
 * unless an earlier stage held it — but is flagged (crisis, reason CRISIS_LANGUAGE) so its case tops the
 * facilitators' queue, and the outcome carries the crisis resources for the author's locale, which the mutation
 * payload shows the author at once. The content warning is a label about the text ("suicide", "self-harm"), not
 * the writer speaking, so it is not searched.
 */
export function draftInCrisis(draft: ContentDraft): boolean {
  return draftRisk(draft).riskLevel !== null;
}

/** The draft's risk level and warning signs (title and body together), as the detector reads them. */
export function draftRisk(draft: ContentDraft): { riskLevel: RiskLevel | null; warningSigns: WarningSign[] } {
  const text = [draft.title, draft.body].filter((part): part is string => Boolean(part)).join('\n');
  const { riskLevel, warningSigns } = detectCrisisLanguage(text);
  return { riskLevel, warningSigns };
}

export const crisisStage: ContentStage = {
  name: 'crisis detection',
  async apply(draft, author, outcome, db) {
    const { riskLevel, warningSigns } = draftRisk(draft);
    if (riskLevel === null) return outcome;
    const crisisResources = await crisisResourcesFor(db, author.group.institution_id, author.member.locale);
    return { ...withReason(outcome, 'CRISIS_LANGUAGE'), crisis: true, riskLevel, warningSigns, crisisResources };
  },
};
