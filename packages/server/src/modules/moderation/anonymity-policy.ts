import type { GroupRole, GroupRow } from '../../db/tables.js';

/**
 * The one rule of who may learn who wrote an anonymous item of a group. Everything that says it — the API's reveal,
 * `Group.anonymousAuthorsRevealableBy`, `Group.viewerCanReveal`, the widgets' texts generated from those fields and
 * the docs — reads it from here:
 * - ANONYMOUS (and DISABLED, where nothing is anonymous): nobody, ever;
 * - ANONYMOUS_REVEALABLE_IN_CRISIS in a PROFESSIONAL group: its professional facilitators and the institution's
 *   admins;
 * - ANONYMOUS_REVEALABLE_IN_CRISIS in a PEER_LED group: the institution's admins only (a peer facilitator is a
 *   member like the others; someone answerable to the institution must still be able to reach a person in danger).
 * A reveal is made by a person (never a service token), only while an open crisis case is about the item, with a
 * reason, and is audited (author-reveal.ts).
 */
export type AnonymityRevealers = 'NOBODY' | 'ADMINS' | 'FACILITATORS_AND_ADMINS';
export const anonymityRevealers: readonly AnonymityRevealers[] = ['NOBODY', 'ADMINS', 'FACILITATORS_AND_ADMINS'];

export function anonymousAuthorsRevealableBy(group: Pick<GroupRow, 'anonymity_policy' | 'facilitation'>): AnonymityRevealers {
  if (group.anonymity_policy !== 'ANONYMOUS_REVEALABLE_IN_CRISIS') return 'NOBODY';
  return group.facilitation === 'PROFESSIONAL' ? 'FACILITATORS_AND_ADMINS' : 'ADMINS';
}

/** Who asks: a person or a service token, whether they manage the group's institution, their role in force there. */
export interface RevealActor {
  isService: boolean;
  managesInstitution: boolean;
  role: GroupRole | null;
}

/** Whether this actor may reveal the anonymous authors of the group (in a crisis case, with a reason). */
export function mayRevealAuthors(group: Pick<GroupRow, 'anonymity_policy' | 'facilitation'>, actor: RevealActor): boolean {
  if (actor.isService) return false;
  const revealers = anonymousAuthorsRevealableBy(group);
  if (revealers === 'NOBODY') return false;
  if (actor.managesInstitution) return true;
  return revealers === 'FACILITATORS_AND_ADMINS' && actor.role === 'PROFESSIONAL_FACILITATOR';
}

/** The refusal for someone who may not reveal in this group, in words that say the rule, never about an item. */
export function revealRefusal(group: Pick<GroupRow, 'anonymity_policy' | 'facilitation'>, actor: RevealActor): string | null {
  if (mayRevealAuthors(group, actor)) return null;
  switch (anonymousAuthorsRevealableBy(group)) {
    case 'NOBODY':
      return "This group's anonymity policy does not allow revealing authors: nobody can.";
    case 'ADMINS':
      return "In this peer-led group only the institution's admins can reveal an author, in a crisis.";
    case 'FACILITATORS_AND_ADMINS':
      return "Only the group's professional facilitators and the institution's admins can reveal an author, in a crisis.";
  }
}
