import type { DomainMessages } from '../localization/domain.messages.en.js';

/**
 * The sentences every widget uses for who can see what, generated from the group's own fields
 * (`Group.anonymousAuthorsRevealableBy`, `Group.postsReadableBy`), which the API derives from the same rule it
 * enforces: the group header, the composer and the docs can no longer say three different things.
 */

/**
 * Until Group.anonymousAuthorsRevealableBy is in the client's schema (the queue branch adds it), the value the
 * API will give, from the contract's rule: ANONYMOUS → nobody; revealable in crisis → the professional
 * facilitators and the admins, or only the admins in a peer-led group. Replaced by the field as soon as it lands.
 */
export function anonymousAuthorsRevealableBy(group: { anonymityPolicy: string; facilitation?: string }): string {
  if (group.anonymityPolicy !== 'ANONYMOUS_REVEALABLE_IN_CRISIS') return 'NOBODY';
  return group.facilitation === 'PROFESSIONAL' ? 'FACILITATORS_AND_ADMINS' : 'ADMINS';
}

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
