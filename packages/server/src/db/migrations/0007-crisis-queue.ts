import { sql, type Kysely } from 'kysely';

/**
 * The crisis queue:
 * - a case keeps the risk level and warning signs the content pipeline found (the most urgent level any signal
 *   brought, and every sign), and who acknowledged it and when;
 * - ACKNOWLEDGE is an audited action;
 * - the queue's order is a stored generated column, `queue_rank`: crisis first by risk (IMMINENT, HIGH, CONCERN),
 *   unacknowledged before acknowledged within a level, then everything else. The queue pages by keyset on
 *   (queue_rank, created_at, id) with an index per scope, replacing the (crisis, created_at, id) indexes of 0003.
 *   A crisis case without a level (none is written after this migration, but older rows have none) ranks as HIGH.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table moderation_cases
      add column risk_level text check (risk_level in ('IMMINENT', 'HIGH', 'CONCERN')),
      add column warning_signs text[] not null default '{}',
      add column acknowledged_at timestamptz,
      add column acknowledged_by uuid references members(id) on delete set null`.execute(db);
  await sql`
    alter table moderation_cases add column queue_rank smallint generated always as (
      case
        when not crisis then 6
        when risk_level = 'IMMINENT' then 0
        when risk_level = 'CONCERN' then 4
        else 2
      end + (case when acknowledged_at is null then 0 else 1 end)
    ) stored`.execute(db);
  await sql`drop index if exists moderation_cases_queue_idx`.execute(db);
  await sql`drop index if exists moderation_cases_institution_queue_idx`.execute(db);
  await sql`create index moderation_cases_queue_idx on moderation_cases (group_id, queue_rank, created_at, id) where status = 'OPEN'`.execute(db);
  await sql`create index moderation_cases_institution_queue_idx on moderation_cases (institution_id, queue_rank, created_at, id) where status = 'OPEN'`.execute(db);
  await sql`alter table moderation_actions drop constraint if exists moderation_actions_action_check`.execute(db);
  await sql`
    alter table moderation_actions add constraint moderation_actions_action_check check (action in (
      'APPROVE', 'HIDE', 'RESTORE', 'REMOVE', 'LOCK', 'UNLOCK', 'PIN', 'UNPIN', 'WARN', 'SUSPEND', 'BAN', 'DISMISS', 'REVEAL_AUTHOR',
      'ACKNOWLEDGE'
    ))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from moderation_actions where action = 'ACKNOWLEDGE'`.execute(db);
  await sql`alter table moderation_actions drop constraint if exists moderation_actions_action_check`.execute(db);
  await sql`
    alter table moderation_actions add constraint moderation_actions_action_check check (action in (
      'APPROVE', 'HIDE', 'RESTORE', 'REMOVE', 'LOCK', 'UNLOCK', 'PIN', 'UNPIN', 'WARN', 'SUSPEND', 'BAN', 'DISMISS', 'REVEAL_AUTHOR'
    ))`.execute(db);
  await sql`drop index if exists moderation_cases_queue_idx`.execute(db);
  await sql`drop index if exists moderation_cases_institution_queue_idx`.execute(db);
  await sql`
    alter table moderation_cases
      drop column if exists queue_rank,
      drop column if exists acknowledged_by,
      drop column if exists acknowledged_at,
      drop column if exists warning_signs,
      drop column if exists risk_level`.execute(db);
  await sql`create index moderation_cases_queue_idx on moderation_cases (group_id, crisis desc, created_at, id) where status = 'OPEN'`.execute(db);
  await sql`create index moderation_cases_institution_queue_idx on moderation_cases (institution_id, crisis desc, created_at, id) where status = 'OPEN'`.execute(db);
}
