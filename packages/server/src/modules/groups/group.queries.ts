import { sql } from 'kysely';
import type { HearthDb } from '../../db/database.js';
import type { AppearanceKind, GroupRole, GroupRow, GroupUpdate, NewGroup } from '../../db/tables.js';
import { facilitatorMembershipSql, holdsSeatSql } from '../memberships/membership-standing.queries.js';

/** Columns a query returns for a group: everything but the generated search columns. */
export const groupColumns = [
  'groups.id',
  'groups.institution_id',
  'groups.slug',
  'groups.name',
  'groups.description',
  'groups.topics',
  'groups.languages',
  'groups.facilitation',
  'groups.visibility',
  'groups.join_policy',
  'groups.entry_questions',
  'groups.capacity',
  'groups.formats',
  'groups.location',
  'groups.time_zone',
  'groups.guidelines',
  'groups.anonymity_policy',
  'groups.held_first_posts',
  'groups.public_reading',
  'groups.fee_description',
  'groups.archived_at',
  'groups.created_at',
  'groups.updated_at',
] as const;

export async function findGroupsByIds(db: HearthDb, ids: readonly string[]): Promise<GroupRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('groups').select(groupColumns).where('id', 'in', ids).execute();
}

export async function findGroupBySlug(db: HearthDb, institutionId: string, slug: string): Promise<GroupRow | undefined> {
  return db
    .selectFrom('groups')
    .select(groupColumns)
    .where('institution_id', '=', institutionId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function insertGroup(db: HearthDb, group: NewGroup): Promise<GroupRow> {
  return db.insertInto('groups').values(group).returning(groupColumns).executeTakeFirstOrThrow();
}

export async function updateGroup(db: HearthDb, id: string, changes: GroupUpdate): Promise<GroupRow> {
  return db
    .updateTable('groups')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returning(groupColumns)
    .executeTakeFirstOrThrow();
}

/** Locks the group row for the rest of the transaction: joins and leaves of one group queue up behind it. */
export async function lockGroup(trx: HearthDb, id: string): Promise<GroupRow | undefined> {
  return trx.selectFrom('groups').select(groupColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Active members per group (suspended members keep their seat), in one statement for any number of groups. */
export async function countSeatsTaken(db: HearthDb, groupIds: readonly string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('memberships')
    .select(['group_id', sql<number>`count(*)::int`.as('seats')])
    .where('group_id', 'in', groupIds)
    .where(holdsSeatSql('memberships'))
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((row) => [row.group_id, row.seats]));
}

export interface FacilitatorRow {
  group_id: string;
  membership_id: string;
  role: GroupRole;
  display_name: string;
  pseudonym: string | null;
  appearance: AppearanceKind;
  credential: string | null;
}

/** Facilitators of many groups in one statement, professional first, then by when they joined. */
export async function findFacilitators(db: HearthDb, groupIds: readonly string[]): Promise<FacilitatorRow[]> {
  if (groupIds.length === 0) return [];
  return db
    .selectFrom('memberships')
    .innerJoin('members', 'members.id', 'memberships.member_id')
    .select([
      'memberships.group_id',
      'memberships.id as membership_id',
      'memberships.role',
      'members.display_name',
      'memberships.pseudonym',
      'memberships.appearance',
      'members.credential',
    ])
    .where('memberships.group_id', 'in', groupIds)
    .where(facilitatorMembershipSql('memberships'))
    .orderBy('memberships.group_id')
    .orderBy(sql`memberships.role = 'PROFESSIONAL_FACILITATOR'`, 'desc')
    .orderBy('memberships.joined_at')
    .execute();
}
