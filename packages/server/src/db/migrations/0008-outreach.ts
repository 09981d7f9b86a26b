import { sql, type Kysely } from 'kysely';

/**
 * Private outreach (issue 8): a thread between the facilitators of a group and the writer of one of its posts or
 * replies — started by a facilitator about a crisis item, or by the member ("talk to a facilitator now").
 *
 * The thread stores who the writer is (`writer_member_id`) so only they read it on their side, but nothing on the
 * facilitators' side ever reads that column: facilitators see the writer under `writer_anonymous` + `writer_alias`
 * (the thread alias of an anonymous subject, "Anonymous 3") or, for a named subject, the name the group shows.
 * One thread per subject, and one per member and group without a subject: writing again continues it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table outreach_threads (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null,
      group_id uuid not null,
      subject_type text check (subject_type in ('POST', 'REPLY')),
      subject_id uuid,
      writer_member_id uuid not null,
      started_by text not null check (started_by in ('FACILITATORS', 'WRITER')),
      writer_anonymous boolean not null default false,
      writer_alias integer check (writer_alias > 0),
      created_at timestamptz not null default now(),
      last_message_at timestamptz not null default now(),
      check ((subject_type is null) = (subject_id is null)),
      foreign key (institution_id, group_id) references groups (institution_id, id) on delete cascade,
      foreign key (institution_id, writer_member_id) references members (institution_id, id) on delete cascade
    )`.execute(db);
  await sql`create unique index outreach_threads_subject_idx on outreach_threads (subject_id) where subject_id is not null`.execute(db);
  // One "talk to a facilitator" thread per member and group: writing again continues it.
  await sql`create unique index outreach_threads_direct_idx on outreach_threads (group_id, writer_member_id) where subject_id is null`.execute(db);
  // The two sides of Query.outreachThreads: the writer's threads, and the threads of the groups a facilitator moderates.
  await sql`create index outreach_threads_writer_idx on outreach_threads (writer_member_id, last_message_at desc, id desc)`.execute(db);
  await sql`create index outreach_threads_group_idx on outreach_threads (group_id, last_message_at desc, id desc)`.execute(db);
  await sql`create index outreach_threads_institution_idx on outreach_threads (institution_id, last_message_at desc, id desc)`.execute(db);

  await sql`
    create table outreach_messages (
      id uuid primary key default gen_random_uuid(),
      thread_id uuid not null references outreach_threads(id) on delete cascade,
      from_side text not null check (from_side in ('FACILITATORS', 'WRITER')),
      -- The facilitator who wrote it; null on the writer's side (the thread knows the writer).
      sender_member_id uuid references members(id) on delete set null,
      body text not null,
      crisis boolean not null default false,
      created_at timestamptz not null default now(),
      check (from_side = 'FACILITATORS' or sender_member_id is null)
    )`.execute(db);
  await sql`create index outreach_messages_thread_idx on outreach_messages (thread_id, created_at, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists outreach_messages`.execute(db);
  await sql`drop table if exists outreach_threads`.execute(db);
}
