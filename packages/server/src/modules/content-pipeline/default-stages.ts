import type { ContentStage } from './content-pipeline.js';
import { crisisStage } from './crisis-stage.js';
import { preModerationStage } from './pre-moderation-stage.js';
import { rateLimitStage } from './rate-limit-stage.js';
import { validationStage } from './validation-stage.js';
import { wordListStage } from './word-list-stage.js';

/**
 * The pipeline every post and reply passes, in order: validation → rate limit → word lists → crisis detection →
 * pre-moderation. Cheap refusals come first (bad input, too many posts) so they cost no queries; crisis detection
 * runs before pre-moderation so a held item in crisis is still flagged and its author still sees the resources.
 * A new check (an institution's own classifier called over HTTP, say) is one more entry here.
 */
export const defaultContentStages: ContentStage[] = [validationStage, rateLimitStage, wordListStage, crisisStage, preModerationStage];
