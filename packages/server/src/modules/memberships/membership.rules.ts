import type { RequestAccess } from '../../auth/request-access.js';
import { isInstitutionManager, type Viewer } from '../../auth/viewer.js';
import type { HearthDb } from '../../db/database.js';
import type { GroupRole, GroupRow, InvitationRow, MembershipRow } from '../../db/tables.js';
import { isFacilitatorRole, roleInForce } from './membership-standing.queries.js';
import { findMembershipsOfMember, type MembershipListViewer } from './membership.queries.js';

/**
 * Who may do what with memberships. The decisions here are pure functions of rows, so that a write can take
 * them again inside its transaction, on the rows it has locked, rather than trust what was read before.
 */

/** Someone acting on a membership of a group: their own membership there (in force) and whether they manage it. */
export interface GroupActor {
  /** Null for a service token. */
  memberId: string | null;
  managesInstitution: boolean;
  /** The actor's role in the group, if their membership there is in force. */
  role: GroupRole | null;
}

// Kept importable from here for the modules that take actors from this file (moderation.rules.ts).
export { isFacilitatorRole };

/**
 * Why the actor may not decide about this membership (approve, reject, remove, suspend, ban, reinstate), or null
 * when they may. Facilitators and the institution's managers act; nobody acts on their own membership (leaving
 * is `leaveGroup`); a peer facilitator does not act on a professional facilitator.
 */
export function facilitatorActionRefusal(actor: GroupActor, target: MembershipRow): string | null {
  if (actor.memberId !== null && target.member_id === actor.memberId) return 'You cannot decide about your own membership.';
  if (actor.managesInstitution) return null;
  if (!isFacilitatorRole(actor.role)) return "Only the group's facilitators and the institution's admins can do this.";
  if (actor.role === 'PEER_FACILITATOR' && target.role === 'PROFESSIONAL_FACILITATOR') {
    return 'A peer facilitator cannot act on a professional facilitator.';
  }
  return null;
}

/**
 * Why the actor may not give this membership that role, or null. Managers appoint any role; a professional
 * facilitator makes members and peer facilitators (not professionals, and does not demote one); peer
 * facilitators change no roles; and nobody changes their own.
 */
export function roleChangeRefusal(actor: GroupActor, target: MembershipRow, role: GroupRole): string | null {
  if (actor.memberId !== null && target.member_id === actor.memberId) return 'Nobody can change their own role.';
  if (actor.managesInstitution) return null;
  if (actor.role !== 'PROFESSIONAL_FACILITATOR') return "Only the group's professional facilitators and the institution's admins change roles.";
  if (role === 'PROFESSIONAL_FACILITATOR' || target.role === 'PROFESSIONAL_FACILITATOR') {
    return "Only the institution's admins appoint or change professional facilitators.";
  }
  return null;
}

/** Why this viewer may not apply to join this group at all, or null: only members of the group's own institution. */
export function applicationRefusal(viewer: Viewer, group: GroupRow): string | null {
  if (viewer.kind !== 'member') return 'Sign in to join a group.';
  if (viewer.institutionId !== group.institution_id) return "Only members of the group's institution can join it.";
  return null;
}

/** Whether an invitation can still let someone in, and if not, why (for the preview and for joins). */
export function invitationProblem(invitation: InvitationRow, now = new Date()): string | null {
  if (invitation.revoked_at) return 'This invitation was withdrawn.';
  if (invitation.expires_at && invitation.expires_at <= now) return 'This invitation has expired.';
  if (invitation.max_uses !== null && invitation.use_count >= invitation.max_uses) return 'This invitation has been used up.';
  return null;
}

/** True when the viewer is the member of this membership. */
export function isOwnMembership(viewer: Viewer, membership: MembershipRow): boolean {
  return viewer.kind === 'member' && viewer.member.id === membership.member_id;
}

/**
 * Who may load a membership at all: the member, the group's facilitators, the institution's managers. Answers,
 * reasons and receipts are narrowed further on their fields.
 */
export async function membershipVisibleTo(access: RequestAccess, membership: MembershipRow): Promise<boolean> {
  if (isOwnMembership(access.viewer, membership)) return true;
  return access.isFacilitator(membership.group_id);
}

/**
 * What a member's profile lists of their memberships: all of them to the member and to their institution's
 * managers, and to a facilitator only those in groups they facilitate. Belonging to one support group says
 * something private; a facilitator elsewhere has no need to know it.
 */
export function membershipListViewer(viewer: Viewer): MembershipListViewer {
  return {
    memberId: viewer.kind === 'member' ? viewer.member.id : null,
    managedInstitutionId: viewer.institutionId && isInstitutionManager(viewer, viewer.institutionId) ? viewer.institutionId : null,
  };
}

/**
 * The actor's standing in a group, read inside a membership write's transaction (through `trx`, after the group
 * lock), so that a facilitator demoted a moment ago no longer counts as one.
 */
export async function readGroupActor(trx: HearthDb, viewer: Viewer, group: GroupRow): Promise<GroupActor> {
  const memberId = viewer.kind === 'member' ? viewer.member.id : null;
  const [own] = memberId ? await findMembershipsOfMember(trx, memberId, [group.id]) : [];
  return {
    memberId,
    managesInstitution: isInstitutionManager(viewer, group.institution_id),
    role: roleInForce(own),
  };
}
