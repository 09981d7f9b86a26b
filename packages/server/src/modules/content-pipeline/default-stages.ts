import type { ContentStage } from './content-pipeline.js';
import { crisisClassifierStage } from './crisis-classifier-stage.js';
import { crisisHoldStage } from './crisis-hold-stage.js';
import { crisisStage } from './crisis-stage.js';
import { preModerationStage } from './pre-moderation-stage.js';
import { rateLimitStage } from './rate-limit-stage.js';
import { validationStage } from './validation-stage.js';
import { wordListStage } from './word-list-stage.js';

/**
 * The pipeline every post and reply passes, in order: validation → rate limit → word lists → crisis detection →
 * the institution's own crisis classifier (when it has one) → the institution's crisis hold → pre-moderation. Cheap refusals come first (bad input,
 * too many posts) so they cost no queries; the institution's classifier comes right after the built-in detector,
 * whose finding it can only raise; crisis detection runs before pre-moderation so a held item in crisis is still
 * flagged and its author still sees the resources. A new check is one more entry here.
 */
export const defaultContentStages: ContentStage[] = [validationStage, rateLimitStage, wordListStage, crisisStage, crisisClassifierStage, crisisHoldStage, preModerationStage];
