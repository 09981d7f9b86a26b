import type { RequestAccess } from '../../auth/request-access.js';
import type { AppearanceKind, GroupRow } from '../../db/tables.js';
import { neutraliseName } from '../../schema/content-text.js';

/**
 * The one path every name shown beside content takes (posts, replies, reactions, the facilitators of a group):
 *
 * - An anonymous item shows its author's alias in the thread ("Anonymous 3"), the same for all their anonymous
 *   items in that thread and meaning nothing outside it.
 * - A member appearing under a pseudonym shows it: their pseudonym in the item's group, never one from another.
 * - A member who chose their name shows it to those who read the group as members (its seat holders and the
 *   institution's admins). Everyone else — guests of a group open to public reading, signed-in people who are not
 *   in the group — reads "Member" (or «عضو») instead: a real name never reaches a reader outside the group.
 */
export interface AuthorNameParts {
  anonymous: boolean;
  author_alias: number | null;
  author_pseudonym: string | null;
  author_display_name: string;
  /** Null when the author has no membership row in the group any more. */
  author_appearance: AppearanceKind | null;
}

/** Who reads a name: whether they read the group as one of its members, and in which language. */
export interface NameReader {
  seesMemberNames: boolean;
  language: string;
}

/**
 * Who reads members' names in a group: its seat holders (a suspended member still reads) and the institution's
 * managers. The language of "Member" is the viewer's, or for a guest the group's first.
 */
export async function nameReaderIn(access: RequestAccess, group: GroupRow): Promise<NameReader> {
  const viewer = access.viewer;
  const seesMemberNames = access.managesInstitution(group.institution_id) || (await access.holdsSeat(group.id));
  return { seesMemberNames, language: viewer.kind === 'member' ? viewer.member.locale : (group.languages[0] ?? 'en') };
}

/** How names read to someone outside the group (or when the group cannot be seen): no real names, in English. */
export const outsideReader: NameReader = { seesMemberNames: false, language: 'en' };

/** `nameReaderIn` for the group with this id; a group the viewer cannot see reads as from outside. */
export async function nameReaderOf(access: RequestAccess, groupId: string): Promise<NameReader> {
  const group = await access.group(groupId);
  return group ? nameReaderIn(access, group) : outsideReader;
}

export function aliasName(aliasNumber: number | null): string {
  // An anonymous item always has an alias (written in the same transaction); "Anonymous" alone is the fallback
  // that still names nobody.
  return aliasNumber === null ? 'Anonymous' : `Anonymous ${aliasNumber}`;
}

/** What a reader outside the group sees for a member who appears under their name. */
export function memberWord(language: string): string {
  return language.toLowerCase().split('-')[0] === 'ar' ? 'عضو' : 'Member';
}

export interface MemberNameParts {
  pseudonym: string | null;
  displayName: string;
  appearance: AppearanceKind | null;
}

/** A member's name inside one group, for this reader. */
export function memberNameFor(member: MemberNameParts, reader: NameReader): string {
  if (member.appearance === 'PSEUDONYM' && member.pseudonym) return neutraliseName(member.pseudonym);
  return reader.seesMemberNames ? neutraliseName(member.displayName) : memberWord(reader.language);
}

export function authorNameOf(item: AuthorNameParts, reader: NameReader): string {
  if (item.anonymous) return aliasName(item.author_alias);
  return memberNameFor({ pseudonym: item.author_pseudonym, displayName: item.author_display_name, appearance: item.author_appearance }, reader);
}
