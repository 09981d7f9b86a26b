import type { HearthDb } from '../../db/database.js';
import type { GroupRow, MembershipRow } from '../../db/tables.js';
import { isUniqueViolation } from '../../db/constraint-errors.js';
import { ConflictError, GroupFullError, NotFoundError } from '../../schema/errors.js';
import { countSeatsTaken, lockGroup } from '../groups/group.queries.js';
import { countWaitlisted, findMembershipsByIds, lockMembership, promoteFromWaitlist } from './membership.queries.js';

/**
 * A group's seats, as seen by a change running under the group's lock. Seats are held by ACTIVE and SUSPENDED
 * memberships (`countSeatsTaken`); a group without a capacity never fills.
 */
export interface GroupSeats {
  group: GroupRow;
  /**
   * True when a newcomer cannot take a seat now: every seat is taken, or the free ones are owed to people already
   * waiting (after a capacity rise, until they are promoted). Counted inside the lock, so nobody else can take a
   * seat meanwhile.
   */
  isFull(): Promise<boolean>;
}

export interface SeatChangeResult<T> {
  result: T;
  /** Waitlisted memberships that the change moved into freed seats, longest waiting first. */
  promoted: MembershipRow[];
}

/**
 * Every change to a group's memberships goes through here, so the capacity rule lives in one place:
 *
 * 1. one transaction, which first locks the group row (SELECT … FOR UPDATE). Joins, approvals, leaves and bans of
 *    one group therefore run one after another; two people taking the last seat at once are served in turn and
 *    the second finds the group full. Other groups are not held up.
 * 2. the change itself, which may ask `seats.isFull()` and must only use `trx`. (On PGlite the pool has one
 *    connection: a query on the outer `db` inside the transaction would wait for it forever.)
 * 3. then, in the same transaction, any free seats go to the longest-waiting WAITLISTED memberships, in order.
 *    A leave, removal or ban frees a seat; so does a raised capacity, which the next change here picks up.
 *
 * A thrown error rolls everything back. Unique violations (a pseudonym taken in the same instant, or two requests
 * of one person) come back as a ConflictError. A newcomer refused as the group is full may have found seats owed
 * to the waitlist (after a capacity rise): those are handed out before the refusal is returned.
 */
export async function changeGroupMemberships<T>(
  db: HearthDb,
  groupId: string,
  change: (trx: HearthDb, seats: GroupSeats) => Promise<T>,
): Promise<SeatChangeResult<T>> {
  // A caller already in a transaction (a moderation action suspending an author writes its audit row in the same
  // one) has the change join it: Kysely has no nested transactions, and the rollback must take both or neither.
  const inTransaction = <R>(work: (trx: HearthDb) => Promise<R>) => (db.isTransaction ? work(db) : db.transaction().execute(work));
  try {
    return await inTransaction(async (trx) => {
      const group = await lockGroup(trx, groupId);
      if (!group) throw new NotFoundError('No such group.');
      const seats: GroupSeats = {
        group,
        isFull: async () => {
          if (group.capacity === null) return false;
          const taken = await seatsTaken(trx, group);
          return taken >= group.capacity || taken + (await countWaitlisted(trx, group.id)) >= group.capacity;
        },
      };
      const result = await change(trx, seats);
      const promoted = await fillFreeSeats(trx, group);
      return { result, promoted };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflictFrom(error);
    if (error instanceof GroupFullError) await serveWaitlist(db, groupId);
    throw error;
  }
}

/**
 * Hands a group's free seats to its waitlist, in order, on its own. For changes made elsewhere that free seats
 * without going through `changeGroupMemberships`, such as raising the capacity.
 */
export async function serveWaitlist(db: HearthDb, groupId: string): Promise<MembershipRow[]> {
  return db.transaction().execute(async (trx) => {
    const group = await lockGroup(trx, groupId);
    return group ? fillFreeSeats(trx, group) : [];
  });
}

/**
 * `changeGroupMemberships` for a change to one membership: locks its group, then the membership itself, and hands
 * the change the row as it is now (not as it was read before the lock).
 */
export async function changeMembership<T>(
  db: HearthDb,
  membershipId: string,
  change: (trx: HearthDb, target: MembershipRow, seats: GroupSeats) => Promise<T>,
): Promise<SeatChangeResult<T>> {
  // A membership never moves to another group, so its group can be read before taking the locks in their order.
  const [known] = await findMembershipsByIds(db, [membershipId]);
  if (!known) throw new NotFoundError('No such membership.');
  return changeGroupMemberships(db, known.group_id, async (trx, seats) => {
    const target = await lockMembership(trx, membershipId);
    if (!target) throw new NotFoundError('No such membership.');
    return change(trx, target, seats);
  });
}

async function seatsTaken(trx: HearthDb, group: GroupRow): Promise<number> {
  return (await countSeatsTaken(trx, [group.id])).get(group.id) ?? 0;
}

async function fillFreeSeats(trx: HearthDb, group: GroupRow): Promise<MembershipRow[]> {
  if (group.capacity === null) return promoteFromWaitlist(trx, group.id, null);
  return promoteFromWaitlist(trx, group.id, group.capacity - (await seatsTaken(trx, group)));
}

function conflictFrom(error: unknown): ConflictError {
  const constraint = typeof error === 'object' && error !== null && 'constraint' in error ? String(error.constraint) : '';
  if (constraint.includes('pseudonym')) return new ConflictError('Someone in this group already goes by that pseudonym.');
  return new ConflictError('You already have a membership in this group.');
}
