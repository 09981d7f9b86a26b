import type { Viewer } from '../../auth/viewer.js';
import type { HearthDb } from '../../db/database.js';
import type { AppearanceKind, MemberRow, MembershipRow } from '../../db/tables.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../schema/errors.js';
import { findPseudonymsNear, lockMembershipOfMember, updateAppearance } from './membership.queries.js';
import { pseudonymKey, pseudonymLanguage, suggestPseudonym } from './pseudonym-names.js';
import { changeGroupMemberships, type SeatChangeResult } from './seats.js';

/**
 * How a member appears in a group: under a pseudonym (the default: a new member gets a suggested one rather than
 * the full name the host's SSO sent) or under their name. Pseudonyms are unique in their group as readers see
 * them (`pseudonymKey`: case, spacing, punctuation and digit scripts don't make two names different), and a
 * suggestion never repeats one the member uses in another group, so nothing ties their groups together unless
 * they choose the same name themselves.
 */
export interface AppearanceChoice {
  kind: AppearanceKind;
  /** With PSEUDONYM: the name chosen; null keeps the current pseudonym, or takes a suggestion. */
  pseudonym: string | null;
}

/** The pseudonym keys a new pseudonym for this member in this group must avoid, per group asked about. */
export async function pseudonymsToAvoid(db: HearthDb, groupIds: readonly string[], memberId: string): Promise<Map<string, Set<string>>> {
  const rows = await findPseudonymsNear(db, groupIds, memberId);
  const ownElsewhere = rows.filter((row) => row.member_id === memberId).map((row) => pseudonymKey(row.pseudonym));
  return new Map(
    groupIds.map((groupId) => [
      groupId,
      new Set([...ownElsewhere, ...rows.filter((row) => row.group_id === groupId).map((row) => pseudonymKey(row.pseudonym))]),
    ]),
  );
}

/** A suggested pseudonym per group for this member, in their language, from one statement. */
export async function suggestedPseudonyms(db: HearthDb, member: MemberRow, groupIds: readonly string[]): Promise<string[]> {
  const avoid = await pseudonymsToAvoid(db, groupIds, member.id);
  const language = pseudonymLanguage(member.locale);
  return groupIds.map((groupId) => suggestPseudonym(language, avoid.get(groupId)!));
}

/**
 * The pseudonym to store for a choice (null: the member appears under their name), checked against the group's
 * other pseudonyms. Runs under the group's lock (seats.ts), so two members cannot take the same name at once.
 * `undefined` choice: nothing asked, so a returning member keeps what they had and a new one gets a suggestion.
 */
export async function pseudonymForChoice(
  trx: HearthDb,
  groupId: string,
  member: MemberRow,
  current: MembershipRow | undefined,
  choice: AppearanceChoice | undefined,
): Promise<string | null> {
  if (choice === undefined && current) return current.pseudonym;
  if (choice?.kind === 'NAME') return null;
  const wanted = choice?.pseudonym ?? current?.pseudonym ?? null;
  const rows = await findPseudonymsNear(trx, [groupId], wanted === null ? member.id : null);
  const inGroup = rows.filter((row) => row.group_id === groupId && row.id !== current?.id);
  if (wanted !== null) {
    const key = pseudonymKey(wanted);
    if (inGroup.some((row) => pseudonymKey(row.pseudonym) === key)) {
      throw new ConflictError('Someone in this group already goes by that pseudonym (or one that reads the same).');
    }
    return wanted;
  }
  const avoid = new Set([...inGroup, ...rows.filter((row) => row.member_id === member.id)].map((row) => pseudonymKey(row.pseudonym)));
  return suggestPseudonym(pseudonymLanguage(member.locale), avoid);
}

/** Changes how the viewer appears in a group they belong to, applied to or wait for. */
export async function setGroupAppearance(db: HearthDb, viewer: Viewer, groupId: string, choice: AppearanceChoice): Promise<SeatChangeResult<MembershipRow>> {
  return changeGroupMemberships(db, groupId, async (trx) => {
    if (viewer.kind !== 'member') throw new ForbiddenError('Sign in to choose how you appear.');
    const own = await lockMembershipOfMember(trx, groupId, viewer.member.id);
    if (!own) throw new NotFoundError('You have no membership in this group.');
    if (own.status === 'BANNED') throw new ForbiddenError('You have been banned from this group.');
    return updateAppearance(trx, own.id, await pseudonymForChoice(trx, groupId, viewer.member, own, choice));
  });
}
