import type { RequestAccess } from '../../auth/request-access.js';
import type { HearthDb } from '../../db/database.js';
import type { ContentStatus, GroupRow, MembershipRow, ModerationActionRow, ModerationCaseRow } from '../../db/tables.js';
import { facilitatorActionRefusal, isFacilitatorRole, type GroupActor } from '../memberships/membership.rules.js';
import { findCasesByIds, findGroupsFacilitatedBy, findSubjects, type ModeratedSubject, type QueueScope, type SubjectRef } from './moderation.queries.js';

/**
 * Who may moderate what, and what each action does to an item. The decisions are pure functions of rows, so the
 * domain functions take them inside their transaction, on the rows they locked.
 */

export const moderationActionKinds = ['APPROVE', 'HIDE', 'RESTORE', 'REMOVE', 'LOCK', 'UNLOCK', 'PIN', 'UNPIN', 'WARN', 'SUSPEND', 'BAN', 'DISMISS'] as const;
export type ModerationActionKind = (typeof moderationActionKinds)[number];

/**
 * Every entry the audit log holds: the moderation actions, the reveal of an anonymous author, and the
 * acknowledgement of a queue item (a facilitator saying "I have seen this and I am on it").
 */
export const auditedActionKinds = [...moderationActionKinds, 'REVEAL_AUTHOR', 'ACKNOWLEDGE'] as const;
export type AuditedActionKind = (typeof auditedActionKinds)[number];

/**
 * Decisions about the item close its case: the moderator has said what becomes of it. Warnings, suspensions,
 * bans, locks and pins act beside the item and leave the case open until someone decides about the item itself.
 */
const caseClosing: ReadonlySet<ModerationActionKind> = new Set(['APPROVE', 'HIDE', 'RESTORE', 'REMOVE', 'DISMISS']);
export const postOnlyActions: ReadonlySet<ModerationActionKind> = new Set(['LOCK', 'UNLOCK', 'PIN', 'UNPIN']);
export const authorActions: ReadonlySet<ModerationActionKind> = new Set(['WARN', 'SUSPEND', 'BAN']);

export function closesCase(action: ModerationActionKind): boolean {
  return caseClosing.has(action);
}

/** What an action changes on the item: its status, a post's pin or lock, nothing; or why it can't (a conflict). */
export type ItemChange =
  | { kind: 'status'; status: ContentStatus }
  | { kind: 'mark'; mark: 'pinned_at' | 'locked_at'; on: boolean }
  | { kind: 'none' }
  | { kind: 'conflict'; message: string };

const statusChanges: Partial<Record<ModerationActionKind, { from: ReadonlySet<ContentStatus>; to: ContentStatus; refusal: string }>> = {
  APPROVE: { from: new Set(['PENDING_REVIEW']), to: 'PUBLISHED', refusal: 'Only an item held for review can be approved.' },
  HIDE: { from: new Set(['PUBLISHED', 'PENDING_REVIEW']), to: 'HIDDEN', refusal: 'Only a published or held item can be hidden.' },
  REMOVE: { from: new Set(['PUBLISHED', 'PENDING_REVIEW', 'HIDDEN']), to: 'REMOVED', refusal: 'Only a published, held or hidden item can be removed.' },
  RESTORE: { from: new Set(['HIDDEN', 'REMOVED']), to: 'PUBLISHED', refusal: 'Only a hidden or removed item can be restored.' },
};

const marks: Partial<Record<ModerationActionKind, { mark: 'pinned_at' | 'locked_at'; on: boolean; refusal: string }>> = {
  LOCK: { mark: 'locked_at', on: true, refusal: 'This post is already locked.' },
  UNLOCK: { mark: 'locked_at', on: false, refusal: 'This post is not locked.' },
  PIN: { mark: 'pinned_at', on: true, refusal: 'This post is already pinned.' },
  UNPIN: { mark: 'pinned_at', on: false, refusal: 'This post is not pinned.' },
};

export function itemChange(action: ModerationActionKind, subject: ModeratedSubject): ItemChange {
  const statusChange = statusChanges[action];
  if (statusChange) {
    if (subject.status === 'DELETED') return { kind: 'conflict', message: 'Its author deleted this item.' };
    return statusChange.from.has(subject.status) ? { kind: 'status', status: statusChange.to } : { kind: 'conflict', message: statusChange.refusal };
  }
  const markChange = marks[action];
  if (markChange) {
    const isOn = subject[markChange.mark] !== null;
    return isOn === markChange.on ? { kind: 'conflict', message: markChange.refusal } : { kind: 'mark', mark: markChange.mark, on: markChange.on };
  }
  return { kind: 'none' };
}

/** Why the actor may not take a moderation action on this group's items at all, or null. */
export function moderatorRefusal(actor: GroupActor): string | null {
  if (actor.managesInstitution || isFacilitatorRole(actor.role)) return null;
  return "Only the group's facilitators and the institution's admins moderate it.";
}

/**
 * Why the actor may not warn, suspend or ban the author of this item, or null.
 *
 * For an anonymous item, the answer must not depend on who the author is (a refusal for "the author is a
 * professional facilitator" would tell a peer facilitator something about them). So a warning, which only its
 * author ever reads, is open to every moderator but the author; a suspension or a ban, which shows on the
 * author's membership to everyone who lists the group's members, is for the institution's admins, who may know
 * who wrote it anyway.
 */
export function authorActionRefusal(actor: GroupActor, action: ModerationActionKind, subject: ModeratedSubject, author: MembershipRow): string | null {
  if (subject.anonymous) {
    if (actor.memberId !== null && actor.memberId === subject.author_id) return 'You cannot act on your own post.';
    if (action !== 'WARN' && !actor.managesInstitution) return "Only the institution's admins can suspend or ban the author of an anonymous item.";
    return null;
  }
  return facilitatorActionRefusal(actor, author);
}

/**
 * Why the actor may not acknowledge an item of the group's queue, or null: its moderators (the group's
 * facilitators and the institution's admins), as for any moderation action, but a person: an acknowledgement
 * tells the other facilitators that someone is looking after a person in crisis, so it names who
 * (`ModerationItem.acknowledgedBy`), and a service token is no one to turn to.
 */
export function acknowledgerRefusal(actor: GroupActor & { isService: boolean }): string | null {
  if (actor.isService || actor.memberId === null) return 'A person acknowledges a queue item; a service token cannot.';
  return moderatorRefusal(actor);
}

/**
 * Why this item's author may not be revealed now, to someone the group's rule lets reveal authors
 * (anonymity-policy.ts), or null.
 */
export function revealConditionRefusal(moderationCase: Pick<ModerationCaseRow, 'status' | 'crisis'>, subject: Pick<ModeratedSubject, 'anonymous'>): string | null {
  if (moderationCase.status !== 'OPEN' || !moderationCase.crisis) return 'An author is revealed only while handling an open crisis case.';
  if (!subject.anonymous) return 'This item is not anonymous: its author is shown on it.';
  return null;
}

/** The parts of the viewer's standing that decide what of the audit log they see. */
export interface AuditViewer {
  memberId: string | null;
  managesInstitution: boolean;
}

/**
 * Whether a viewer who may read the group's log sees this entry. The institution's admins see everything. The
 * group's facilitators see every entry but a suspension or ban of an anonymous item's author that they did not
 * make: such an entry next to the member list (where the suspension shows) would tell them who wrote the item.
 */
export function auditEntryVisibleTo(viewer: AuditViewer, entry: ModerationActionRow): boolean {
  if (viewer.managesInstitution) return true;
  if (entry.action !== 'SUSPEND' && entry.action !== 'BAN') return true;
  return !entryIsAnonymous(entry) || (viewer.memberId !== null && entry.actor_member_id === viewer.memberId);
}

/** Whether the entry names its target member to this viewer: admins always, others only for items that were not anonymous. */
export function auditTargetVisibleTo(viewer: AuditViewer, entry: ModerationActionRow): boolean {
  if (viewer.managesInstitution) return true;
  return !entryIsAnonymous(entry) && entry.action !== 'REVEAL_AUTHOR';
}

export function entryIsAnonymous(entry: ModerationActionRow): boolean {
  return entry.details.anonymous === true;
}

/** The viewer's standing for the audit entries of one institution. */
export function auditViewerFor(access: RequestAccess, institutionId: string): AuditViewer {
  return {
    memberId: access.viewer.kind === 'member' ? access.viewer.member.id : null,
    managesInstitution: access.managesInstitution(institutionId),
  };
}

/**
 * Who sees a warning: the warned member, the institution's admins, and the group's facilitators when the item was
 * not anonymous (a warning about an anonymous item, listed on a membership, would name its author).
 */
export async function warningVisibleTo(access: RequestAccess, warning: ModerationActionRow): Promise<boolean> {
  const viewer = access.viewer;
  if (viewer.kind === 'member' && viewer.member.id === warning.target_member_id) return true;
  if (access.managesInstitution(warning.institution_id)) return true;
  return !entryIsAnonymous(warning) && warning.group_id !== null && (await access.isFacilitator(warning.group_id));
}

/** Whose cases and audit entries a listing covers, and whether the viewer manages all of it. */
export interface ModerationListing {
  scope: QueueScope;
  managed: boolean;
}

/**
 * What the moderation queue or the audit log lists for this viewer: one group (already authorized by the field's
 * `groupFacilitator` scope); without a group, the whole institution for its managers, or the groups a member
 * facilitates (none for other members: an empty list).
 */
export async function moderationListing(db: HearthDb, access: RequestAccess, groupId: string | null): Promise<ModerationListing> {
  const viewer = access.viewer;
  if (groupId) {
    const group = await access.group(groupId);
    return { scope: { groupIds: [groupId] }, managed: group !== null && access.managesInstitution(group.institution_id) };
  }
  if (viewer.institutionId && access.managesInstitution(viewer.institutionId)) {
    return { scope: { institutionId: viewer.institutionId }, managed: true };
  }
  if (viewer.kind !== 'member') return { scope: { groupIds: [] }, managed: false };
  return { scope: { groupIds: await findGroupsFacilitatedBy(db, viewer.member.id) }, managed: false };
}

/**
 * The scope a moderation mutation requires: `groupFacilitator` of the group of the case or item it names. A case
 * or item that does not exist passes to the resolver, which answers NotFoundError. Finer rules (who may reveal an
 * author, suspend an anonymous one) are the resolvers', on the rows they lock.
 */
export async function moderatedGroupScope(
  db: HearthDb,
  target: { caseId: string | null; subject: SubjectRef | null },
): Promise<{ groupFacilitator: string } | { signedIn: true; institutionManager: true }> {
  const [row] = target.subject ? await findSubjects(db, [target.subject]) : target.caseId ? await findCasesByIds(db, [target.caseId]) : [];
  if (!row) return { signedIn: true, institutionManager: true };
  return { groupFacilitator: row.group_id };
}
