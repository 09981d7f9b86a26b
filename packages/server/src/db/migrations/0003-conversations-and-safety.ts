import { sql, type Kysely } from 'kysely';

/**
 * Conversations (posts, replies, reactions, edit history, anonymous thread aliases) and the safety layer around
 * them (reports, moderation cases, the audit log, word lists, crisis resources).
 *
 * Posts and replies carry their group and institution so every query stays inside one tenant without a join,
 * and timestamps that clients see are cut to the second when read (see posts module) so their sub-second parts
 * can't be matched against other records.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const contentStatus = sql.raw(`('PUBLISHED', 'PENDING_REVIEW', 'HIDDEN', 'REMOVED', 'DELETED')`);

  await sql`
    create table posts (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null,
      group_id uuid not null,
      author_id uuid not null,
      anonymous boolean not null default false,
      title text not null,
      body text not null,
      content_warning text,
      status text not null default 'PUBLISHED' check (status in ${contentStatus}),
      crisis boolean not null default false,
      pinned_at timestamptz,
      locked_at timestamptz,
      created_at timestamptz not null default now(),
      edited_at timestamptz,
      deleted_at timestamptz,
      -- Bumped by each published reply: the "latest activity" feed order.
      last_activity_at timestamptz not null default now(),
      foreign key (institution_id, group_id) references groups (institution_id, id) on delete cascade,
      foreign key (institution_id, author_id) references members (institution_id, id) on delete cascade
    )`.execute(db);
  await sql`create index posts_group_created_idx on posts (group_id, created_at desc, id desc)`.execute(db);
  await sql`create index posts_group_activity_idx on posts (group_id, last_activity_at desc, id desc)`.execute(db);
  await sql`create index posts_author_idx on posts (author_id, created_at desc, id desc)`.execute(db);

  await sql`
    create table replies (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null,
      group_id uuid not null,
      post_id uuid not null references posts(id) on delete cascade,
      -- One level of threading: a reply to a reply hangs under the same top-level reply.
      parent_reply_id uuid references replies(id) on delete cascade,
      author_id uuid not null,
      anonymous boolean not null default false,
      body text not null,
      content_warning text,
      status text not null default 'PUBLISHED' check (status in ${contentStatus}),
      crisis boolean not null default false,
      created_at timestamptz not null default now(),
      edited_at timestamptz,
      deleted_at timestamptz,
      foreign key (institution_id, group_id) references groups (institution_id, id) on delete cascade,
      foreign key (institution_id, author_id) references members (institution_id, id) on delete cascade
    )`.execute(db);
  await sql`create index replies_post_created_idx on replies (post_id, created_at, id)`.execute(db);
  await sql`create index replies_parent_idx on replies (parent_reply_id, created_at, id) where parent_reply_id is not null`.execute(db);
  await sql`create index replies_author_idx on replies (author_id, created_at desc, id desc)`.execute(db);

  // "Anonymous 3": each anonymous participant of a thread gets the next number the first time they post
  // anonymously in it, and keeps it for the whole thread.
  await sql`
    create table thread_aliases (
      post_id uuid not null references posts(id) on delete cascade,
      member_id uuid not null references members(id) on delete cascade,
      alias_number integer not null check (alias_number > 0),
      primary key (post_id, member_id),
      unique (post_id, alias_number)
    )`.execute(db);

  await sql`
    create table content_edits (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null references institutions(id) on delete cascade,
      subject_type text not null check (subject_type in ('POST', 'REPLY')),
      subject_id uuid not null,
      previous_title text,
      previous_body text not null,
      previous_content_warning text,
      edited_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index content_edits_subject_idx on content_edits (subject_id, edited_at)`.execute(db);

  await sql`
    create table reactions (
      institution_id uuid not null references institutions(id) on delete cascade,
      group_id uuid not null,
      subject_type text not null check (subject_type in ('POST', 'REPLY')),
      subject_id uuid not null,
      member_id uuid not null references members(id) on delete cascade,
      kind text not null check (kind in ('SUPPORT', 'HUG', 'ME_TOO', 'THANK_YOU', 'HELPFUL')),
      created_at timestamptz not null default now(),
      primary key (subject_id, member_id, kind)
    )`.execute(db);
  await sql`create index reactions_member_idx on reactions (member_id)`.execute(db);

  await sql`
    create table reports (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null references institutions(id) on delete cascade,
      group_id uuid not null,
      subject_type text not null check (subject_type in ('POST', 'REPLY')),
      subject_id uuid not null,
      reporter_id uuid not null references members(id) on delete cascade,
      reason text not null check (reason in ('CRISIS', 'SELF_HARM', 'HARASSMENT', 'SPAM', 'MISINFORMATION', 'OTHER')),
      note text,
      status text not null default 'OPEN' check (status in ('OPEN', 'RESOLVED', 'DISMISSED')),
      created_at timestamptz not null default now(),
      resolved_at timestamptz
    )`.execute(db);
  // One open report per reporter per item.
  await sql`create unique index reports_open_once_idx on reports (subject_id, reporter_id) where status = 'OPEN'`.execute(db);

  // One open case per reported or held item: what the moderation queue lists. Crisis cases sort first.
  await sql`
    create table moderation_cases (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null references institutions(id) on delete cascade,
      group_id uuid not null,
      subject_type text not null check (subject_type in ('POST', 'REPLY')),
      subject_id uuid not null,
      crisis boolean not null default false,
      held_for_review boolean not null default false,
      reasons text[] not null default '{}',
      report_count integer not null default 0,
      status text not null default 'OPEN' check (status in ('OPEN', 'RESOLVED')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      resolved_at timestamptz
    )`.execute(db);
  await sql`create unique index moderation_cases_open_idx on moderation_cases (subject_id) where status = 'OPEN'`.execute(db);
  await sql`create index moderation_cases_queue_idx on moderation_cases (group_id, crisis desc, created_at, id) where status = 'OPEN'`.execute(db);
  await sql`create index moderation_cases_institution_queue_idx on moderation_cases (institution_id, crisis desc, created_at, id) where status = 'OPEN'`.execute(db);

  // The audit log: every moderation action and every reveal of an anonymous author, with its reason.
  await sql`
    create table moderation_actions (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null references institutions(id) on delete cascade,
      group_id uuid,
      case_id uuid references moderation_cases(id) on delete set null,
      actor_member_id uuid references members(id) on delete set null,
      actor_service_token_id uuid references service_tokens(id) on delete set null,
      action text not null,
      subject_type text check (subject_type in ('POST', 'REPLY')),
      subject_id uuid,
      target_member_id uuid references members(id) on delete set null,
      reason text not null,
      details jsonb not null default '{}',
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index moderation_actions_institution_idx on moderation_actions (institution_id, created_at desc, id desc)`.execute(db);
  await sql`create index moderation_actions_group_idx on moderation_actions (group_id, created_at desc, id desc)`.execute(db);

  await sql`
    create table word_list_entries (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null references institutions(id) on delete cascade,
      phrase text not null,
      normalized_phrase text not null,
      action text not null check (action in ('BLOCK', 'HOLD')),
      created_at timestamptz not null default now(),
      unique (institution_id, normalized_phrase)
    )`.execute(db);

  await sql`
    create table crisis_resources (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null references institutions(id) on delete cascade,
      locale text not null,
      position integer not null default 0,
      name text not null,
      phone text,
      url text,
      description text
    )`.execute(db);
  await sql`create index crisis_resources_institution_idx on crisis_resources (institution_id, locale, position)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['crisis_resources', 'word_list_entries', 'moderation_actions', 'moderation_cases', 'reports', 'reactions', 'content_edits', 'thread_aliases', 'replies', 'posts']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
