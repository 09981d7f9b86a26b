import { sql, type Kysely } from 'kysely';

/**
 * Institutions, identity, groups and memberships. Enumerations are text with CHECK constraints rather than
 * Postgres enum types, so that adding a value later is a plain constraint change inside a transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  // array_to_string is only STABLE (it could format other element types by locale); on text[] it is immutable,
  // which generated search columns require.
  await sql`
    create function hearth_join_words(words text[]) returns text
    language sql immutable parallel safe
    as $$ select array_to_string(words, ' ') $$`.execute(db);

  await sql`
    create table institutions (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name text not null,
      default_locale text not null default 'en',
      allowed_origins text[] not null default '{}',
      jwks_url text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table sso_keys (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null references institutions(id) on delete cascade,
      kid text not null,
      algorithm text not null check (algorithm in ('HS256')),
      secret text not null,
      created_at timestamptz not null default now(),
      retired_at timestamptz,
      unique (institution_id, kid)
    )`.execute(db);

  await sql`
    create table service_tokens (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null references institutions(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);

  await sql`
    create table members (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null references institutions(id) on delete cascade,
      external_id text not null,
      display_name text not null,
      locale text not null default 'en',
      bio text,
      credential text,
      is_institution_admin boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (institution_id, external_id),
      unique (institution_id, id)
    )`.execute(db);

  await sql`
    create table groups (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null references institutions(id) on delete cascade,
      slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name text not null,
      description text not null default '',
      topics text[] not null default '{}',
      languages text[] not null default '{}',
      facilitation text not null check (facilitation in ('PEER_LED', 'PROFESSIONAL')),
      visibility text not null check (visibility in ('PUBLIC', 'UNLISTED', 'PRIVATE')),
      join_policy text not null check (join_policy in ('OPEN', 'APPROVAL', 'INVITE_ONLY', 'FEE')),
      entry_questions text[] not null default '{}',
      capacity integer check (capacity is null or capacity > 0),
      formats text[] not null default '{FORUM}',
      location text,
      time_zone text not null default 'UTC',
      guidelines text not null default '',
      anonymity_policy text not null default 'DISABLED'
        check (anonymity_policy in ('DISABLED', 'ANONYMOUS', 'ANONYMOUS_REVEALABLE_IN_CRISIS')),
      held_first_posts integer not null default 0 check (held_first_posts >= 0),
      fee_description text,
      archived_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- Name, description and topics, weighted, in the three text-search configurations the design names:
      -- Arabic and English stemming, plus 'simple' for words neither stemmer knows.
      search_document tsvector generated always as (
        setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
        setweight(to_tsvector('arabic', coalesce(name, '')), 'A') ||
        setweight(to_tsvector('simple', hearth_join_words(topics)), 'B') ||
        setweight(to_tsvector('english', hearth_join_words(topics)), 'B') ||
        setweight(to_tsvector('arabic', hearth_join_words(topics)), 'B') ||
        setweight(to_tsvector('english', coalesce(description, '')), 'C') ||
        setweight(to_tsvector('arabic', coalesce(description, '')), 'C')
      ) stored,
      -- What fuzzy (trigram) matching compares a misspelt query against.
      search_words text generated always as (lower(name || ' ' || hearth_join_words(topics))) stored,
      unique (institution_id, slug),
      unique (institution_id, id)
    )`.execute(db);
  await sql`create index groups_search_document_idx on groups using gin (search_document)`.execute(db);
  await sql`create index groups_search_words_trgm_idx on groups using gin (search_words gin_trgm_ops)`.execute(db);
  await sql`create index groups_listing_idx on groups (institution_id, name, id) where archived_at is null`.execute(db);

  await sql`
    create table memberships (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null,
      group_id uuid not null,
      member_id uuid not null,
      role text not null default 'MEMBER'
        check (role in ('MEMBER', 'PEER_FACILITATOR', 'PROFESSIONAL_FACILITATOR')),
      status text not null
        check (status in ('PENDING', 'ACTIVE', 'WAITLISTED', 'REJECTED', 'LEFT', 'SUSPENDED', 'BANNED')),
      answers text[] not null default '{}',
      pseudonym text,
      fee_receipt text,
      status_reason text,
      suspended_until timestamptz,
      decided_by uuid references members(id) on delete set null,
      waitlisted_at timestamptz,
      requested_at timestamptz not null default now(),
      joined_at timestamptz,
      updated_at timestamptz not null default now(),
      unique (group_id, member_id),
      -- A membership can never join a group and a member of two different institutions.
      foreign key (institution_id, group_id) references groups (institution_id, id) on delete cascade,
      foreign key (institution_id, member_id) references members (institution_id, id) on delete cascade
    )`.execute(db);
  await sql`create index memberships_member_idx on memberships (member_id)`.execute(db);
  await sql`create index memberships_group_status_idx on memberships (group_id, status, role)`.execute(db);
  await sql`create index memberships_waitlist_idx on memberships (group_id, waitlisted_at, id) where status = 'WAITLISTED'`.execute(db);
  await sql`create unique index memberships_pseudonym_idx on memberships (group_id, lower(pseudonym)) where pseudonym is not null`.execute(db);

  await sql`
    create table invitations (
      id uuid primary key default gen_random_uuid(),
      institution_id uuid not null,
      group_id uuid not null,
      code text not null unique,
      created_by uuid references members(id) on delete set null,
      expires_at timestamptz,
      max_uses integer check (max_uses is null or max_uses > 0),
      use_count integer not null default 0,
      revoked_at timestamptz,
      created_at timestamptz not null default now(),
      foreign key (institution_id, group_id) references groups (institution_id, id) on delete cascade
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['invitations', 'memberships', 'groups', 'members', 'service_tokens', 'sso_keys', 'institutions']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists hearth_join_words(text[])`.execute(db);
}
