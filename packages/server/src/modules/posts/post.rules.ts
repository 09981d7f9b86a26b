import type { RequestAccess } from '../../auth/request-access.js';
import type { ContentStatus, CrisisVisibility, GroupRow, MembershipRow } from '../../db/tables.js';
import { holdsSeat, isMembershipInForce } from '../memberships/membership-standing.queries.js';
import { nameReaderIn, outsideReader, type NameReader } from './author-names.js';
import { keptFromPeers } from './crisis-visibility.js';

/**
 * Who reads, writes and moderates the conversations of a group, and which items each of them sees.
 *
 * - Reading: the group's members (active, or suspended: a suspension silences, it doesn't lock out), the
 *   institution's managers, and — when a PUBLIC group has turned on `publicReading` — anyone, guests included.
 * - Taking part (post, reply, react): members whose membership is in force (ACTIVE, or a suspension that has
 *   ended), in a group that isn't archived.
 * - Moderating: the group's facilitators and the institution's managers. They see held, hidden and removed items;
 *   an author sees their own held items as pending; nobody else sees any of those.
 */
export interface GroupConversationAccess {
  read: boolean;
  takePart: boolean;
  moderate: boolean;
  /** The viewer's membership in force there, when taking part (the pipeline needs it). */
  membership: MembershipRow | null;
  group: GroupRow | null;
  /** How names read to this viewer here (author-names.ts): real names only for those inside the group. */
  names: NameReader;
}

const noAccess: GroupConversationAccess = {
  read: false,
  takePart: false,
  moderate: false,
  membership: null,
  group: null,
  names: outsideReader,
};


export function groupIsPubliclyReadable(group: GroupRow): boolean {
  return group.visibility === 'PUBLIC' && group.public_reading && group.archived_at === null;
}

/** The viewer's access to a group's conversations, from the request's cached group and membership lookups. */
export async function conversationAccess(access: RequestAccess, groupId: string): Promise<GroupConversationAccess> {
  const group = await access.group(groupId);
  if (!group) return noAccess;
  const manages = access.managesInstitution(group.institution_id);
  const membership = await access.viewerMembership(groupId);
  const inForce = membership !== null && isMembershipInForce(membership);
  const seated = membership !== null && holdsSeat(membership);
  return {
    read: manages || seated || groupIsPubliclyReadable(group),
    takePart: inForce && group.archived_at === null,
    // The same answer as the `groupFacilitator` scope and `Group.viewerCanModerate`.
    moderate: await access.isFacilitator(groupId),
    membership: inForce ? membership : null,
    group,
    names: await nameReaderIn(access, group),
  };
}

/** The parts of a post or reply its visibility depends on. */
export interface ContentItem {
  status: ContentStatus;
  author_id: string;
  /** The writer's choice for an item in crisis (crisis-visibility.ts). */
  crisis_visibility: CrisisVisibility;
}

/**
 * Whether a reader of the group sees this item at all (node(id:), a thread). Deleted and removed items are seen
 * as tombstones (`showsTombstone`); lists drop tombstones that no published reply hangs from (post.queries.ts).
 */
export function itemVisible(item: ContentItem, groupAccess: GroupConversationAccess, viewerMemberId: string | null): boolean {
  if (!groupAccess.read) return false;
  switch (item.status) {
    case 'PUBLISHED':
      // Kept to the facilitators by its writer: as a held item is.
      if (keptFromPeers(item)) return groupAccess.moderate || (viewerMemberId !== null && item.author_id === viewerMemberId);
      return true;
    case 'DELETED':
    case 'REMOVED':
      return true;
    case 'PENDING_REVIEW':
      return groupAccess.moderate || (viewerMemberId !== null && item.author_id === viewerMemberId);
    case 'HIDDEN':
      return groupAccess.moderate;
  }
}

/**
 * A deleted item shows its placeholder to everyone (the author chose to take it back); a removed one to everyone
 * but the group's moderators, who may need to read what was removed to restore it or act on it.
 */
export function showsTombstone(item: ContentItem, groupAccess: Pick<GroupConversationAccess, 'moderate'>): boolean {
  return item.status === 'DELETED' || (item.status === 'REMOVED' && !groupAccess.moderate);
}

/** What a tombstone says instead of the title and body. */
export function tombstoneText(status: ContentStatus): string {
  return status === 'REMOVED' ? '[removed]' : '[deleted]';
}

/** Replies and reactions go to published items of a thread that isn't locked; edits to the author's live items. */
export function acceptsReplies(post: { status: ContentStatus; locked_at: Date | null }): string | null {
  if (post.locked_at !== null) return 'This thread is locked: it takes no new replies.';
  if (post.status !== 'PUBLISHED') return 'This post takes no replies.';
  return null;
}

export function isAuthor(item: Pick<ContentItem, 'author_id'>, viewerMemberId: string | null): boolean {
  return viewerMemberId !== null && item.author_id === viewerMemberId;
}
