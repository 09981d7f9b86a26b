import { findCrisisPostHandling } from '../institutions/institution.queries.js';
import { withReason, type ContentStage } from './content-pipeline.js';

/**
 * After crisis detection (the built-in detector and the institution's classifier): an institution whose
 * crisisPostHandling is HOLD_FOR_FACILITATOR holds a post or reply in crisis for a facilitator (PENDING_REVIEW,
 * reason CRISIS_HOLD), the path pre-moderation uses: the writer and the group's facilitators see it, peers don't,
 * and a facilitator's APPROVE publishes it. The writer still gets the crisis resources. By default
 * (PUBLISH_WITH_WARNING) it is published behind the automatic content warning (posts/crisis-visibility.ts).
 * Only an item in crisis costs the lookup.
 */
export const crisisHoldStage: ContentStage = {
  name: 'crisis hold',
  async apply(_draft, author, outcome, db) {
    if (!outcome.crisis) return outcome;
    if ((await findCrisisPostHandling(db, author.group.institution_id)) !== 'HOLD_FOR_FACILITATOR') return outcome;
    return { ...withReason(outcome, 'CRISIS_HOLD'), status: 'PENDING_REVIEW' };
  },
};
