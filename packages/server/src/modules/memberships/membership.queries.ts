import type { HearthDb } from '../../db/database.js';
import type { MembershipRow } from '../../db/tables.js';

export async function findMembershipsOfMember(db: HearthDb, memberId: string, groupIds: readonly string[]): Promise<MembershipRow[]> {
  if (groupIds.length === 0) return [];
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('group_id', 'in', groupIds)
    .execute();
}

/** Of `memberIds`, those with any membership in a group that `facilitatorId` actively facilitates. */
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
    .where('facilitator.status', '=', 'ACTIVE')
    .where('facilitator.role', 'in', ['PEER_FACILITATOR', 'PROFESSIONAL_FACILITATOR'])
    .where('subject.member_id', 'in', memberIds)
    .execute();
  return rows.map((row) => row.member_id);
}

export async function findMembershipsByIds(db: HearthDb, ids: readonly string[]): Promise<MembershipRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('memberships').selectAll().where('id', 'in', ids).execute();
}
