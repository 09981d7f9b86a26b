import { isFacilitatorRole } from '../memberships/membership-standing.queries.js';
import { withReason, type ContentStage } from './content-pipeline.js';
import { countPublishedContributions } from './pre-moderation.queries.js';

/**
 * The fifth stage: a group that holds new members' first N posts (groups.held_first_posts = N) sends each post or
 * reply of a member with fewer than N published items in the group to review (PENDING_REVIEW, reason
 * FIRST_POSTS); the author sees it as pending. Items still waiting don't count, so a newcomer's burst is held
 * until a facilitator has approved N of them. Facilitators and the institution's admins are trusted already.
 */
export const preModerationStage: ContentStage = {
  name: 'pre-moderation',
  async apply(_draft, author, outcome, db) {
    const required = author.group.held_first_posts;
    if (required <= 0) return outcome;
    if (isFacilitatorRole(author.membership.role) || author.member.is_institution_admin) return outcome;
    const published = await countPublishedContributions(db, author.group.id, author.member.id, required);
    if (published >= required) return outcome;
    return { ...withReason(outcome, 'FIRST_POSTS'), status: 'PENDING_REVIEW' };
  },
};
