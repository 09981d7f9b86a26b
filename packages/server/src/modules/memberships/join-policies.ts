import type { Viewer } from '../../auth/viewer.js';
import type { HearthDb } from '../../db/database.js';
import type { GroupRow, MembershipRow, MembershipStatus } from '../../db/tables.js';
import { ConflictError, ForbiddenError, GroupFullError, NotFoundError, ValidationError } from '../../schema/errors.js';
import {
  consumeInvitation,
  findInvitationByCode,
  insertMembership,
  lockMembershipOfMember,
  updateMembership,
} from './membership.queries.js';
import { pseudonymForChoice, type AppearanceChoice } from './group-appearance.js';
import { applicationRefusal, facilitatorActionRefusal, invitationProblem, readGroupActor } from './membership.rules.js';
import { changeGroupMemberships, changeMembership, type GroupSeats, type SeatChangeResult } from './seats.js';

/**
 * How people get into a group, per its join policy:
 *
 * - OPEN: a seat at once, or the waitlist when the group is full.
 * - APPROVAL: a PENDING request carrying answers to the entry questions; a facilitator approves (a seat, or the
 *   waitlist when full) or rejects it, with a reason the applicant sees.
 * - INVITE_ONLY: as OPEN, for people holding a valid invitation (each join uses it once).
 * - FEE: PENDING until the institution records the payment with an external receipt reference (Hearth handles no
 *   cards); then a seat, or the waitlist when full.
 *
 * An invitation also lets its holder find a PRIVATE group, whatever its policy.
 */
export interface JoinApplication {
  groupId: string;
  answers: string[] | null;
  inviteCode: string | null;
  /** How to appear in the group; undefined: as before for a returning member, else under a suggested pseudonym. */
  appearance: AppearanceChoice | undefined;
}

/** `join` asks for a seat (or a request, by policy); `waitlist` asks for a place in line when the group is full. */
export type JoinIntent = 'join' | 'waitlist';

export async function applyToJoin(
  db: HearthDb,
  viewer: Viewer,
  application: JoinApplication,
  intent: JoinIntent,
): Promise<SeatChangeResult<MembershipRow>> {
  return changeGroupMemberships(db, application.groupId, async (trx, seats) => {
    const { group } = seats;
    const refusal = applicationRefusal(viewer, group);
    if (refusal || viewer.kind !== 'member') throw new ForbiddenError(refusal ?? undefined);
    const existing = await lockMembershipOfMember(trx, group.id, viewer.member.id);
    if (existing?.status === 'BANNED') throw new ForbiddenError('You have been banned from this group.');
    if (existing?.status === 'LEFT' && existing.suspended_until && existing.suspended_until > new Date()) {
      // Leaving does not end a suspension: otherwise leaving and joining again would.
      throw new ForbiddenError(`You are suspended from this group until ${existing.suspended_until.toISOString()}.`);
    }

    const invitation = application.inviteCode ? await findInvitationByCode(trx, application.inviteCode) : undefined;
    const invited = invitation !== undefined && invitation.group_id === group.id;
    // A PRIVATE group exists only for its members and the holders of its invitations.
    const knowsGroup = existing !== undefined && existing.status !== 'REJECTED';
    if (group.visibility === 'PRIVATE' && !invited && !knowsGroup) throw new NotFoundError('No such group.');
    if (group.archived_at) throw new ForbiddenError('This group is archived and takes no new members.');
    if (existing) refuseOngoingMembership(existing, group);

    if (application.inviteCode) {
      if (!invited) throw new ForbiddenError('This invitation is not valid for this group.');
      const problem = invitationProblem(invitation);
      if (problem) throw new ForbiddenError(problem);
    } else if (group.join_policy === 'INVITE_ONLY') {
      throw new ForbiddenError('This group takes new members by invitation only.');
    }
    const answers = entryAnswers(group, application.answers);
    const pseudonym = await pseudonymForChoice(trx, group.id, viewer.member, existing, application.appearance);
    const status = await entryStatus(group, intent, seats);

    // Writes only from here on, after every check.
    if (invited && !(await consumeInvitation(trx, invitation.id))) throw new ForbiddenError('This invitation has been used up.');
    const write = {
      status,
      role: 'MEMBER' as const,
      answers,
      pseudonym,
      feeReceipt: null,
      statusReason: null,
      suspendedUntil: null,
      decidedBy: null,
    };
    if (!existing) return insertMembership(trx, { institutionId: group.institution_id, groupId: group.id, memberId: viewer.member.id, ...write });
    // Someone who left or was rejected asks again on the same row (one row per person and group).
    return updateMembership(trx, existing.id, write, { request: true, join: status === 'ACTIVE' });
  });
}

function refuseOngoingMembership(existing: MembershipRow, group: GroupRow): void {
  switch (existing.status) {
    case 'ACTIVE':
    case 'SUSPENDED':
      throw new ConflictError('You are already a member of this group.');
    case 'PENDING':
      throw new ConflictError(
        group.join_policy === 'FEE' ? 'Your membership is waiting for the fee to be recorded.' : 'Your request to join is waiting for a decision.',
      );
    case 'WAITLISTED':
      throw new ConflictError("You are already on this group's waitlist.");
    default:
  }
}

/**
 * The answers to store. An APPROVAL group needs one answer per entry question (that is what the facilitators
 * decide on); in other groups answers are optional, but when given they must match the questions one to one.
 * Each answer's own length is checked by the input schema.
 */
function entryAnswers(group: GroupRow, answers: string[] | null): string[] {
  const questions = group.entry_questions;
  if (!answers || answers.length === 0) {
    if (group.join_policy === 'APPROVAL' && questions.length > 0) {
      throw ValidationError.field(['input', 'answers'], `Answer each of the group's ${questions.length} entry question(s).`);
    }
    return [];
  }
  if (answers.length !== questions.length) {
    throw ValidationError.field(['input', 'answers'], `Give one answer for each of the group's ${questions.length} entry question(s).`);
  }
  return answers;
}

async function entryStatus(group: GroupRow, intent: JoinIntent, seats: GroupSeats): Promise<MembershipStatus> {
  if (group.join_policy === 'APPROVAL' || group.join_policy === 'FEE') {
    if (intent === 'waitlist') {
      throw new ConflictError(
        group.join_policy === 'APPROVAL'
          ? 'This group reviews requests first: use joinGroup. An approved request waits for a seat when the group is full.'
          : 'This group takes a fee first: use joinGroup. Once the fee is recorded you get a seat, or a place on the waitlist.',
      );
    }
    // Seats are counted when the request is approved or the fee recorded, not now.
    return 'PENDING';
  }
  const full = await seats.isFull();
  if (intent === 'join') {
    if (full) throw new GroupFullError(true);
    return 'ACTIVE';
  }
  if (!full) throw new ConflictError('This group has a free seat: use joinGroup.');
  return 'WAITLISTED';
}

/** Approves a PENDING request: a seat, or the waitlist when the group is full (never a failure for being full). */
export async function approveJoinRequest(
  db: HearthDb,
  viewer: Viewer,
  membershipId: string,
  reason: string | null,
): Promise<SeatChangeResult<MembershipRow>> {
  return changeMembership(db, membershipId, async (trx, target, seats) => {
    const actor = await readGroupActor(trx, viewer, seats.group);
    const refusal = facilitatorActionRefusal(actor, target);
    if (refusal) throw new ForbiddenError(refusal);
    if (target.status !== 'PENDING') throw new ConflictError('This membership is not a request waiting for a decision.');
    if (seats.group.join_policy === 'FEE') {
      throw new ConflictError('This membership waits for its fee; the institution records the payment (recordFeePayment).');
    }
    const status = (await seats.isFull()) ? 'WAITLISTED' : 'ACTIVE';
    return updateMembership(trx, target.id, { status, statusReason: reason, decidedBy: actor.memberId }, { join: status === 'ACTIVE' });
  });
}

export async function rejectJoinRequest(db: HearthDb, viewer: Viewer, membershipId: string, reason: string): Promise<SeatChangeResult<MembershipRow>> {
  return changeMembership(db, membershipId, async (trx, target, seats) => {
    const actor = await readGroupActor(trx, viewer, seats.group);
    const refusal = facilitatorActionRefusal(actor, target);
    if (refusal) throw new ForbiddenError(refusal);
    if (target.status !== 'PENDING') throw new ConflictError('This membership is not a request waiting for a decision.');
    return updateMembership(trx, target.id, { status: 'REJECTED', statusReason: reason, decidedBy: actor.memberId });
  });
}

/**
 * Records a FEE group's payment, made outside Hearth, by its receipt reference: the membership gets a seat, or the
 * waitlist when the group is full. The institution's managers only (an admin, or its backend's service token).
 */
export async function recordFeePayment(
  db: HearthDb,
  viewer: Viewer,
  membershipId: string,
  receiptReference: string,
): Promise<SeatChangeResult<MembershipRow>> {
  return changeMembership(db, membershipId, async (trx, target, seats) => {
    const actor = await readGroupActor(trx, viewer, seats.group);
    if (!actor.managesInstitution) throw new ForbiddenError("Only the institution's admins and backend record fee payments.");
    if (seats.group.join_policy !== 'FEE') throw new ConflictError('This group takes no fee.');
    if (target.status !== 'PENDING') throw new ConflictError('This membership is not waiting for a fee.');
    const status = (await seats.isFull()) ? 'WAITLISTED' : 'ACTIVE';
    return updateMembership(trx, target.id, { status, feeReceipt: receiptReference, decidedBy: actor.memberId }, { join: status === 'ACTIVE' });
  });
}
