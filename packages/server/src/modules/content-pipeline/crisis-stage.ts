import { withReason, type ContentDraft, type ContentStage } from './content-pipeline.js';
import { detectCrisisLanguage } from './crisis-detector.js';
import { crisisResourcesFor } from './crisis-resources.js';

/**
 * The fourth stage: crisis language in the title or body (crisis-detector.ts). The item stays as it is — published
 * unless an earlier stage held it — but is flagged (crisis, reason CRISIS_LANGUAGE) so its case tops the
 * facilitators' queue, and the outcome carries the crisis resources for the author's locale, which the mutation
 * payload shows the author at once. The content warning is a label about the text ("suicide", "self-harm"), not
 * the writer speaking, so it is not searched.
 */
export function draftInCrisis(draft: ContentDraft): boolean {
  const text = [draft.title, draft.body].filter((part): part is string => Boolean(part)).join('\n');
  return detectCrisisLanguage(text, { stopAtFirst: true }).crisis;
}

export const crisisStage: ContentStage = {
  name: 'crisis detection',
  async apply(draft, author, outcome, db) {
    if (!draftInCrisis(draft)) return outcome;
    const crisisResources = await crisisResourcesFor(db, author.group.institution_id, author.member.locale);
    return { ...withReason(outcome, 'CRISIS_LANGUAGE'), crisis: true, crisisResources };
  },
};
