import type { Viewer } from '../../auth/viewer.js';
import type { HearthDb } from '../../db/database.js';
import type { GroupRole, MembershipRow, MembershipStatus } from '../../db/tables.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../schema/errors.js';
import { seatHoldingStatuses as seatHolding } from './membership-standing.queries.js';
import { setGroupAppearance } from './group-appearance.js';
import { lockMembershipOfMember, updateMembership } from './membership.queries.js';
import { facilitatorActionRefusal, readGroupActor, roleChangeRefusal } from './membership.rules.js';
import { changeGroupMemberships, changeMembership, type SeatChangeResult } from './seats.js';

/**
 * A member's standing once they are in: leaving; removal, suspension, bans and reinstatement by facilitators;
 * roles; pseudonyms. Every change runs through `seats.ts`, so a freed seat goes to the waitlist at once.
 */

/** Leaves a group, withdraws a request, or steps off the waitlist. A suspension outlives leaving (join-policies.ts). */
export async function leaveGroup(db: HearthDb, viewer: Viewer, groupId: string): Promise<SeatChangeResult<MembershipRow>> {
  return changeGroupMemberships(db, groupId, async (trx) => {
    if (viewer.kind !== 'member') throw new ForbiddenError('Sign in to leave a group.');
    const own = await lockMembershipOfMember(trx, groupId, viewer.member.id);
    if (!own) throw new NotFoundError('You have no membership in this group.');
    if (own.status === 'BANNED') throw new ConflictError('You have been banned from this group.');
    if (own.status === 'LEFT' || own.status === 'REJECTED') throw new ConflictError('You are not in this group.');
    return updateMembership(trx, own.id, { status: 'LEFT', statusReason: null });
  });
}


/**
 * Runs a facilitator's decision about someone else's membership, after the rules on the rows as locked: who may
 * act (facilitators and managers, not on themselves, peers not on professionals) and on what statuses.
 */
async function decide(
  db: HearthDb,
  viewer: Viewer,
  membershipId: string,
  allowed: ReadonlySet<MembershipStatus>,
  refusedStatus: string,
  write: (trx: HearthDb, target: MembershipRow, decidedBy: string | null, isFull: () => Promise<boolean>) => Promise<MembershipRow>,
): Promise<SeatChangeResult<MembershipRow>> {
  return changeMembership(db, membershipId, async (trx, target, seats) => {
    const actor = await readGroupActor(trx, viewer, seats.group);
    const refusal = facilitatorActionRefusal(actor, target);
    if (refusal) throw new ForbiddenError(refusal);
    if (!allowed.has(target.status)) throw new ConflictError(refusedStatus);
    return write(trx, target, actor.memberId, seats.isFull);
  });
}

/** Removes someone from the group (or its waitlist). They may join again; a suspension they were under remains. */
export async function removeMember(db: HearthDb, viewer: Viewer, membershipId: string, reason: string | null) {
  return decide(db, viewer, membershipId, new Set(['ACTIVE', 'SUSPENDED', 'WAITLISTED']), 'Only members and people on the waitlist can be removed.', (trx, target, decidedBy) =>
    updateMembership(trx, target.id, { status: 'LEFT', statusReason: reason, decidedBy }),
  );
}

/** Suspends a member until a date. They keep their seat; the suspension ends by itself (`isMembershipInForce`). */
export async function suspendMember(db: HearthDb, viewer: Viewer, membershipId: string, until: Date, reason: string) {
  return decide(db, viewer, membershipId, seatHolding, 'Only members can be suspended.', (trx, target, decidedBy) =>
    updateMembership(trx, target.id, { status: 'SUSPENDED', suspendedUntil: until, statusReason: reason, decidedBy }),
  );
}

/** Bans someone for good (until reinstated): they lose their seat and any role, and cannot join again. */
export async function banMember(db: HearthDb, viewer: Viewer, membershipId: string, reason: string) {
  return decide(
    db,
    viewer,
    membershipId,
    new Set(['ACTIVE', 'SUSPENDED', 'WAITLISTED', 'PENDING', 'LEFT', 'REJECTED']),
    'This person is already banned.',
    (trx, target, decidedBy) => updateMembership(trx, target.id, { status: 'BANNED', role: 'MEMBER', suspendedUntil: null, statusReason: reason, decidedBy }),
  );
}

/**
 * Lifts a suspension (the member kept their seat) or a ban (a seat if one is free, else the end of the waitlist).
 */
export async function reinstateMember(db: HearthDb, viewer: Viewer, membershipId: string, reason: string | null) {
  return decide(db, viewer, membershipId, new Set(['SUSPENDED', 'BANNED']), 'Only suspended or banned people can be reinstated.', async (trx, target, decidedBy, isFull) => {
    const common = { suspendedUntil: null, statusReason: reason, decidedBy };
    if (target.status === 'SUSPENDED') return updateMembership(trx, target.id, { status: 'ACTIVE', ...common });
    const status = (await isFull()) ? 'WAITLISTED' : 'ACTIVE';
    return updateMembership(trx, target.id, { status, ...common }, { join: status === 'ACTIVE' });
  });
}

export async function changeMembershipRole(db: HearthDb, viewer: Viewer, membershipId: string, role: GroupRole): Promise<SeatChangeResult<MembershipRow>> {
  return changeMembership(db, membershipId, async (trx, target, seats) => {
    const actor = await readGroupActor(trx, viewer, seats.group);
    const refusal = roleChangeRefusal(actor, target, role);
    if (refusal) throw new ForbiddenError(refusal);
    if (!seatHolding.has(target.status)) throw new ConflictError('Only members of the group hold a role.');
    if (target.role === role) return target;
    return updateMembership(trx, target.id, { status: target.status, role });
  });
}

/**
 * Sets (or, with null, clears) the viewer's own pseudonym in a group: the older form of `setGroupAppearance`
 * (a pseudonym is PSEUDONYM, null is NAME), with the same uniqueness rule.
 */
export async function setPseudonym(db: HearthDb, viewer: Viewer, groupId: string, pseudonym: string | null): Promise<SeatChangeResult<MembershipRow>> {
  return setGroupAppearance(db, viewer, groupId, pseudonym === null ? { kind: 'NAME', pseudonym: null } : { kind: 'PSEUDONYM', pseudonym });
}
