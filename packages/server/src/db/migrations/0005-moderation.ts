import { sql, type Kysely } from 'kysely';

/**
 * What the moderation module needs beyond the conversations schema (0003):
 * - each report belongs to the moderation case it fed, so a case lists its own reports even after it closed and
 *   the item was reported again (a new case);
 * - the audit log is read per case and per warned member (a member's warnings are rows of the audit log), and
 *   only holds the actions the API knows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table reports add column case_id uuid references moderation_cases(id) on delete set null`.execute(db);
  await sql`create index reports_case_idx on reports (case_id, created_at, id)`.execute(db);
  await sql`create index moderation_actions_case_idx on moderation_actions (case_id, created_at, id) where case_id is not null`.execute(db);
  await sql`create index moderation_actions_warnings_idx on moderation_actions (target_member_id, group_id, created_at) where action = 'WARN'`.execute(db);
  await sql`
    alter table moderation_actions add constraint moderation_actions_action_check check (action in (
      'APPROVE', 'HIDE', 'RESTORE', 'REMOVE', 'LOCK', 'UNLOCK', 'PIN', 'UNPIN', 'WARN', 'SUSPEND', 'BAN', 'DISMISS', 'REVEAL_AUTHOR'
    ))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table moderation_actions drop constraint if exists moderation_actions_action_check`.execute(db);
  await sql`drop index if exists moderation_actions_warnings_idx`.execute(db);
  await sql`drop index if exists moderation_actions_case_idx`.execute(db);
  await sql`drop index if exists reports_case_idx`.execute(db);
  await sql`alter table reports drop column if exists case_id`.execute(db);
}
