import type { ContentStage } from './content-pipeline.js';
import { checkRateLimit } from '../../rate-limits/rate-limits.js';

/**
 * The second stage: the author's allowance for new posts or replies, or for edits (src/rate-limits/rate-limits.ts
 * holds the rules), checked after validation so a form with mistakes does not use it up. Edits of posts and
 * replies count against their own allowance, never the posting one (see ContentDraft.edit).
 */
export const rateLimitStage: ContentStage = {
  name: 'rate limit',
  async apply(draft, author, outcome, _db, services) {
    const action = draft.edit ? 'edit' : draft.kind === 'POST' ? 'post' : 'reply';
    await checkRateLimit(services.rateLimiter, { memberId: author.member.id, action });
    return outcome;
  },
};
