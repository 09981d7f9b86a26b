import type { ContentStage } from './content-pipeline.js';
import { checkRateLimit } from './rate-limits.js';

/**
 * The second stage: the author's allowance for new posts or replies (rate-limits.ts holds the rules), checked
 * after validation so a form with mistakes does not use it up. Edits are not counted (see ContentDraft.edit).
 */
export const rateLimitStage: ContentStage = {
  name: 'rate limit',
  async apply(draft, author, outcome, _db, services) {
    if (draft.edit) return outcome;
    await checkRateLimit(services.rateLimiter, { memberId: author.member.id, action: draft.kind === 'POST' ? 'post' : 'reply' });
    return outcome;
  },
};
