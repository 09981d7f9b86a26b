import { sql, type Expression, type SqlBool } from 'kysely';
import type { HearthDb } from '../../db/database.js';
import type { GroupRole, InvitationRow, MembershipRow, MembershipStatus } from '../../db/tables.js';
import { facilitatorMembershipSql } from './membership-standing.queries.js';

export async function findMembershipsOfMember(db: HearthDb, memberId: string, groupIds: readonly string[]): Promise<MembershipRow[]> {
  if (groupIds.length === 0) return [];
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('group_id', 'in', groupIds)
    .execute();
}

/** Of `memberIds`, those with any membership in a group that `facilitatorId` facilitates (membership in force). */
export async function findMembersInGroupsFacilitatedBy(
  db: HearthDb,
  facilitatorId: string,
  memberIds: readonly string[],
): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships as subject')
    .innerJoin('memberships as facilitator', 'facilitator.group_id', 'subject.group_id')
    .select('subject.member_id')
    .distinct()
    .where('facilitator.member_id', '=', facilitatorId)
    .where(facilitatorMembershipSql('facilitator'))
    .where('subject.member_id', 'in', memberIds)
    .execute();
  return rows.map((row) => row.member_id);
}

export async function findMembershipsByIds(db: HearthDb, ids: readonly string[]): Promise<MembershipRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('memberships').selectAll().where('id', 'in', ids).execute();
}

/**
 * The row lock a membership write takes after its group's (see seats.ts): reads the row as committed by whoever
 * held the group before, and keeps it until the transaction ends.
 */
export async function lockMembership(trx: HearthDb, id: string): Promise<MembershipRow | undefined> {
  return trx.selectFrom('memberships').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function lockMembershipOfMember(trx: HearthDb, groupId: string, memberId: string): Promise<MembershipRow | undefined> {
  return trx
    .selectFrom('memberships')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('member_id', '=', memberId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Timestamps that order people (who asked first, who waited longest) come from the database clock at the moment
 * of the write: writes to one group run one after another under its lock, so these never tie or run backwards.
 */
const writeTime = sql<Date>`clock_timestamp()`;

export interface MembershipWrite {
  status: MembershipStatus;
  role?: GroupRole;
  answers?: string[];
  pseudonym?: string | null;
  feeReceipt?: string | null;
  statusReason?: string | null;
  suspendedUntil?: Date | null;
  decidedBy?: string | null;
}

/** Column values of a write, with the timestamps its new status implies. */
function membershipColumns(write: MembershipWrite) {
  return {
    status: write.status,
    ...(write.role !== undefined && { role: write.role }),
    ...(write.answers !== undefined && { answers: write.answers }),
    ...(write.pseudonym !== undefined && { pseudonym: write.pseudonym, appearance: write.pseudonym === null ? ('NAME' as const) : ('PSEUDONYM' as const) }),
    ...(write.feeReceipt !== undefined && { fee_receipt: write.feeReceipt }),
    ...(write.statusReason !== undefined && { status_reason: write.statusReason }),
    ...(write.suspendedUntil !== undefined && { suspended_until: write.suspendedUntil }),
    ...(write.decidedBy !== undefined && { decided_by: write.decidedBy }),
    ...(write.status === 'WAITLISTED' && { waitlisted_at: writeTime }),
    updated_at: new Date(),
  };
}

export async function insertMembership(
  trx: HearthDb,
  membership: { institutionId: string; groupId: string; memberId: string } & MembershipWrite,
): Promise<MembershipRow> {
  return trx
    .insertInto('memberships')
    .values({
      institution_id: membership.institutionId,
      group_id: membership.groupId,
      member_id: membership.memberId,
      role: 'MEMBER',
      ...membershipColumns(membership),
      requested_at: writeTime,
      joined_at: membership.status === 'ACTIVE' ? writeTime : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Changes a membership. `entering` says which moment the change starts: a new request (someone who left or was
 * rejected asks again, so they queue behind those who asked before them) or joining (a seat was taken).
 */
export async function updateMembership(
  trx: HearthDb,
  id: string,
  write: MembershipWrite,
  entering: { request?: boolean; join?: boolean } = {},
): Promise<MembershipRow> {
  // requested_at is insert-only in the row types (when someone asked never changes), except for a new request on
  // a reused row: unique (group_id, member_id) keeps one row per person and group, so a re-application restarts it.
  const restartedRequest = entering.request ? ({ requested_at: writeTime } as object) : {};
  return trx
    .updateTable('memberships')
    .set({ ...membershipColumns(write), ...restartedRequest, ...(entering.join && { joined_at: writeTime }) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets how the member appears in the group: under this pseudonym, or (null) under their name. */
export async function updateAppearance(trx: HearthDb, id: string, pseudonym: string | null): Promise<MembershipRow> {
  return trx
    .updateTable('memberships')
    .set({ pseudonym, appearance: pseudonym === null ? 'NAME' : 'PSEUDONYM', updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The pseudonyms a new one must not repeat, with where each is used: every pseudonym in these groups (whatever
 * the status: someone who left keeps theirs for when they come back) and, when `memberId` is given, that
 * member's pseudonyms everywhere. Compared by pseudonym-names.ts `pseudonymKey`, not here: the rule that two
 * names are the same is one function.
 */
export async function findPseudonymsNear(
  db: HearthDb,
  groupIds: readonly string[],
  memberId: string | null,
): Promise<Array<{ id: string; group_id: string; member_id: string; pseudonym: string }>> {
  if (groupIds.length === 0 && memberId === null) return [];
  const rows = await db
    .selectFrom('memberships')
    .select(['id', 'group_id', 'member_id', 'pseudonym'])
    .where('pseudonym', 'is not', null)
    .where((eb) => {
      const near = [];
      if (groupIds.length > 0) near.push(eb('group_id', 'in', groupIds));
      if (memberId !== null) near.push(eb('member_id', '=', memberId));
      return eb.or(near);
    })
    .execute();
  return rows.map((row) => ({ ...row, pseudonym: row.pseudonym! }));
}

/** Moves up to `seats` of the longest-waiting WAITLISTED memberships (all when null) to ACTIVE, in waiting order. */
export async function promoteFromWaitlist(trx: HearthDb, groupId: string, seats: number | null): Promise<MembershipRow[]> {
  if (seats !== null && seats <= 0) return [];
  return trx
    .updateTable('memberships')
    .set({ status: 'ACTIVE', joined_at: writeTime, status_reason: null, updated_at: new Date() })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('memberships')
        .select('id')
        .where('group_id', '=', groupId)
        .where('status', '=', 'WAITLISTED')
        .orderBy('waitlisted_at')
        .orderBy('id')
        .limit(seats),
    )
    .returningAll()
    .execute();
}

export async function countWaitlisted(trx: HearthDb, groupId: string): Promise<number> {
  const row = await trx
    .selectFrom('memberships')
    .select(sql<number>`count(*)::int`.as('waiting'))
    .where('group_id', '=', groupId)
    .where('status', '=', 'WAITLISTED')
    .executeTakeFirstOrThrow();
  return row.waiting;
}

/** 1-based places in their group's waitlist of those of `ids` that are WAITLISTED, in one statement. */
export async function findWaitlistPositions(db: HearthDb, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('memberships as m')
    .select([
      'm.id',
      sql<number>`(
        select count(*)::int from memberships w
        where w.group_id = m.group_id and w.status = 'WAITLISTED' and (w.waitlisted_at, w.id) <= (m.waitlisted_at, m.id)
      )`.as('position'),
    ])
    .where('m.id', 'in', ids)
    .where('m.status', '=', 'WAITLISTED')
    .execute();
  return new Map(rows.map((row) => [row.id, row.position]));
}

/**
 * A point in a keyset-ordered list: the id of the last row seen; the statement reads that row's sort time itself.
 * The cursor carries no time, so a facilitator paging through members learns no exact join or request time
 * (see schema/member-times.ts).
 */
export interface RowCursor {
  id: string;
}

/** Who lists memberships through someone's profile, and so which of them they may see (membership.rules.ts). */
export interface MembershipListViewer {
  memberId: string | null;
  managedInstitutionId: string | null;
}

export interface MembershipPageQuery {
  /** The parents of the pages: one page per group, or per member. */
  by: 'group_id' | 'member_id';
  keys: readonly string[];
  statuses?: readonly MembershipStatus[] | undefined;
  orderBy: 'requested_at' | 'waitlisted_at';
  after: RowCursor | null;
  /** Rows per page, counting the extra one that tells whether another page follows. */
  limit: number;
  /** When set, only memberships this viewer may see: their own, their institution's, those of groups they facilitate. */
  visibleTo?: MembershipListViewer | undefined;
}

export type MembershipPageRow = MembershipRow;

/**
 * One keyset page of memberships for each of many groups (or members), in one statement: rows are ranked within
 * their parent after the cursor, and the first `limit` of each parent kept.
 */
export async function findMembershipPages(db: HearthDb, query: MembershipPageQuery): Promise<MembershipPageRow[]> {
  if (query.keys.length === 0 || query.limit <= 0) return [];
  const { by, orderBy, after, statuses, visibleTo } = query;
  const ranked = db
    .selectFrom('memberships')
    .selectAll('memberships')
    .select([
      sql<number>`row_number() over (partition by ${sql.ref(`memberships.${by}`)} order by ${sql.ref(`memberships.${orderBy}`)}, memberships.id)`.as(
        'rank',
      ),
    ])
    .where(`memberships.${by}`, 'in', query.keys)
    .$if(statuses !== undefined, (q) => q.where('memberships.status', 'in', statuses!))
    .$if(after !== null, (q) =>
      q.where(
        sql<SqlBool>`(${sql.ref(`memberships.${orderBy}`)}, memberships.id) > (select ${sql.ref(`seen.${orderBy}`)}, seen.id from memberships seen where seen.id = ${after!.id}::uuid)`,
      ),
    )
    .$if(visibleTo !== undefined, (q) =>
      q.where((eb) => {
        const allowed: Expression<SqlBool>[] = [];
        if (visibleTo!.memberId) {
          allowed.push(eb('memberships.member_id', '=', visibleTo!.memberId));
          allowed.push(
            eb(
              'memberships.group_id',
              'in',
              eb
                .selectFrom('memberships')
                .select('memberships.group_id')
                .where('memberships.member_id', '=', visibleTo!.memberId)
                .where(facilitatorMembershipSql('memberships')),
            ),
          );
        }
        if (visibleTo!.managedInstitutionId) allowed.push(eb('memberships.institution_id', '=', visibleTo!.managedInstitutionId));
        return allowed.length > 0 ? eb.or(allowed) : sql<SqlBool>`false`;
      }),
    )
    .as('ranked');
  const rows = await db
    .selectFrom(ranked)
    .selectAll()
    .where('ranked.rank', '<=', query.limit)
    .orderBy(`ranked.${by}`)
    .orderBy('ranked.rank')
    .execute();
  return rows.map(({ rank: _rank, ...row }) => row as MembershipPageRow);
}

// Invitations: links that let people into INVITE_ONLY groups (and let them see PRIVATE ones).

export async function insertInvitation(
  db: HearthDb,
  invitation: { institutionId: string; groupId: string; code: string; createdBy: string | null; expiresAt: Date | null; maxUses: number | null },
): Promise<InvitationRow> {
  return db
    .insertInto('invitations')
    .values({
      institution_id: invitation.institutionId,
      group_id: invitation.groupId,
      code: invitation.code,
      created_by: invitation.createdBy,
      expires_at: invitation.expiresAt,
      max_uses: invitation.maxUses,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findInvitationsByIds(db: HearthDb, ids: readonly string[]): Promise<InvitationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('invitations').selectAll().where('id', 'in', ids).execute();
}

export async function findInvitationByCode(db: HearthDb, code: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('code', '=', code).executeTakeFirst();
}

/**
 * Uses the invitation once if it is still good, in one conditional statement: two people racing for its last use
 * cannot both get it. Undefined when it was revoked, expired or used up meanwhile.
 */
export async function consumeInvitation(trx: HearthDb, id: string): Promise<InvitationRow | undefined> {
  return trx
    .updateTable('invitations')
    .set((eb) => ({ use_count: eb('use_count', '+', 1) }))
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('use_count', '<', eb.ref('max_uses'))]))
    .returningAll()
    .executeTakeFirst();
}

export async function revokeInvitation(db: HearthDb, id: string): Promise<InvitationRow | undefined> {
  return db
    .updateTable('invitations')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export type InvitationPageRow = InvitationRow;

/** One page of invitations per group, newest first, in one statement. */
export async function findInvitationPages(
  db: HearthDb,
  query: { groupIds: readonly string[]; after: RowCursor | null; limit: number },
): Promise<InvitationPageRow[]> {
  if (query.groupIds.length === 0 || query.limit <= 0) return [];
  const { after } = query;
  const ranked = db
    .selectFrom('invitations')
    .selectAll('invitations')
    .select([
      sql<number>`row_number() over (partition by invitations.group_id order by invitations.created_at desc, invitations.id desc)`.as('rank'),
    ])
    .where('invitations.group_id', 'in', query.groupIds)
    .$if(after !== null, (q) =>
      q.where(
        sql<SqlBool>`(invitations.created_at, invitations.id) < (select seen.created_at, seen.id from invitations seen where seen.id = ${after!.id}::uuid)`,
      ),
    )
    .as('ranked');
  const rows = await db
    .selectFrom(ranked)
    .selectAll()
    .where('ranked.rank', '<=', query.limit)
    .orderBy('ranked.group_id')
    .orderBy('ranked.rank')
    .execute();
  return rows.map(({ rank: _rank, ...row }) => row as InvitationPageRow);
}
