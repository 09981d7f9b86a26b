import { sql } from 'kysely';
import type { HearthDb } from '../../db/database.js';

/**
 * How many of the member's posts and replies in the group are published, counting no further than `atMost`
 * (pre-moderation only needs to know whether the member has reached the group's number).
 */
export async function countPublishedContributions(db: HearthDb, groupId: string, memberId: string, atMost: number): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    select count(*)::int as count from (
      (select 1 from posts where group_id = ${groupId} and author_id = ${memberId} and status = 'PUBLISHED' limit ${atMost})
      union all
      (select 1 from replies where group_id = ${groupId} and author_id = ${memberId} and status = 'PUBLISHED' limit ${atMost})
    ) as published`.execute(db);
  return Math.min(rows[0]?.count ?? 0, atMost);
}
