import { neutraliseName } from '../../schema/content-text.js';

/**
 * The one name a reader sees beside a post, a reply or a reaction. Anonymous items show the author's alias in
 * the thread ("Anonymous 3"), which stays the same for all their anonymous items in that thread and means
 * nothing outside it. Otherwise the author's pseudonym in the item's group — never one from another group — or,
 * when they set none there, their display name.
 */
export interface AuthorNameParts {
  anonymous: boolean;
  author_alias: number | null;
  author_pseudonym: string | null;
  author_display_name: string;
}

export function aliasName(aliasNumber: number | null): string {
  // An anonymous item always has an alias (written in the same transaction); "Anonymous" alone is the fallback
  // that still names nobody.
  return aliasNumber === null ? 'Anonymous' : `Anonymous ${aliasNumber}`;
}

export function authorNameOf(item: AuthorNameParts): string {
  if (item.anonymous) return aliasName(item.author_alias);
  return memberNameInGroup(item.author_pseudonym, item.author_display_name);
}

/** A member's name inside one group: their pseudonym there, else their display name. */
export function memberNameInGroup(pseudonym: string | null, displayName: string): string {
  return neutraliseName(pseudonym ?? displayName);
}
