import type { DomainMessages } from '../localization/domain.messages.en.js';

/**
 * The sentences every widget uses for who can see what, generated from the group's own fields
 * (`Group.anonymousAuthorsRevealableBy`, `Group.postsReadableBy`), which the API derives from the same rule it
 * enforces (packages/server/src/modules/moderation/anonymity-policy.ts): the group header, the composer and the
 * docs can no longer say three different things. The widgets never work the rule out themselves.
 */

/** Who can find out who wrote an anonymous post in this group. */
export function whoCanRevealAnonymousAuthors(domain: DomainMessages, revealableBy: string): string {
  // A value this bundle does not know yet (a newer API) gets the widest wording rather than a promise that may be false.
  return domain.anonymousRevealableBy[revealableBy] ?? domain.anonymousRevealableBy.FACILITATORS_AND_ADMINS!;
}

/** Who can read what the viewer is about to post in this group. */
export function whoCanReadPosts(domain: DomainMessages, readableBy: string): string {
  // Unknown: say the widest audience, so nobody writes believing fewer people will read it.
  return domain.postsReadableBy[readableBy] ?? domain.postsReadableBy.GUESTS!;
}
