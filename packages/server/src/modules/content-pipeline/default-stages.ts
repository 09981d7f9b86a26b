import type { ContentStage } from './content-pipeline.js';

/**
 * The pipeline every post and reply passes, in order: validation → rate limit → word lists → crisis detection →
 * pre-moderation. The stages land one by one; callers already run this list.
 */
export const defaultContentStages: ContentStage[] = [];
