import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Row types of Hearth's tables, as Kysely sees them. They stay inside the data layer (`*.queries.ts`). */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type Facilitation = 'PEER_LED' | 'PROFESSIONAL';
export type Visibility = 'PUBLIC' | 'UNLISTED' | 'PRIVATE';
export type JoinPolicy = 'OPEN' | 'APPROVAL' | 'INVITE_ONLY' | 'FEE';
export type GroupFormat = 'FORUM' | 'IN_PERSON' | 'VIDEO' | 'PHONE';
export type AnonymityPolicy = 'DISABLED' | 'ANONYMOUS' | 'ANONYMOUS_REVEALABLE_IN_CRISIS';
export type GroupRole = 'MEMBER' | 'PEER_FACILITATOR' | 'PROFESSIONAL_FACILITATOR';
export type MembershipStatus =
  | 'PENDING'
  | 'ACTIVE'
  | 'WAITLISTED'
  | 'REJECTED'
  | 'LEFT'
  | 'SUSPENDED'
  | 'BANNED';
export type SsoKeyAlgorithm = 'HS256';

export interface InstitutionsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  default_locale: string;
  allowed_origins: ColumnType<string[], string[] | undefined, string[]>;
  jwks_url: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SsoKeysTable {
  id: Generated<string>;
  institution_id: string;
  kid: string;
  algorithm: SsoKeyAlgorithm;
  secret: string;
  created_at: CreatedAt;
  retired_at: Timestamp | null;
}

export interface ServiceTokensTable {
  id: Generated<string>;
  institution_id: string;
  name: string;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface MembersTable {
  id: Generated<string>;
  institution_id: string;
  external_id: string;
  display_name: string;
  locale: string;
  bio: string | null;
  credential: string | null;
  is_institution_admin: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface GroupsTable {
  id: Generated<string>;
  institution_id: string;
  slug: string;
  name: string;
  description: string;
  topics: ColumnType<string[], string[] | undefined, string[]>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  facilitation: Facilitation;
  visibility: Visibility;
  join_policy: JoinPolicy;
  entry_questions: ColumnType<string[], string[] | undefined, string[]>;
  capacity: number | null;
  formats: ColumnType<GroupFormat[], GroupFormat[] | undefined, GroupFormat[]>;
  location: string | null;
  time_zone: Generated<string>;
  guidelines: Generated<string>;
  anonymity_policy: Generated<AnonymityPolicy>;
  held_first_posts: Generated<number>;
  fee_description: string | null;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MembershipsTable {
  id: Generated<string>;
  institution_id: string;
  group_id: string;
  member_id: string;
  role: GroupRole;
  status: MembershipStatus;
  answers: ColumnType<string[], string[] | undefined, string[]>;
  pseudonym: string | null;
  fee_receipt: string | null;
  status_reason: string | null;
  suspended_until: Timestamp | null;
  decided_by: string | null;
  /** Orders the waitlist: set when the membership enters WAITLISTED. */
  waitlisted_at: Timestamp | null;
  requested_at: CreatedAt;
  joined_at: Timestamp | null;
  updated_at: UpdatedAt;
}

export interface InvitationsTable {
  id: Generated<string>;
  institution_id: string;
  group_id: string;
  code: string;
  created_by: string | null;
  expires_at: Timestamp | null;
  max_uses: number | null;
  use_count: Generated<number>;
  revoked_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface HearthDatabase {
  institutions: InstitutionsTable;
  sso_keys: SsoKeysTable;
  service_tokens: ServiceTokensTable;
  members: MembersTable;
  groups: GroupsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
}

export type InstitutionRow = Selectable<InstitutionsTable>;
export type SsoKeyRow = Selectable<SsoKeysTable>;
export type ServiceTokenRow = Selectable<ServiceTokensTable>;
export type MemberRow = Selectable<MembersTable>;
export type GroupRow = Selectable<GroupsTable>;
export type NewGroup = Insertable<GroupsTable>;
export type GroupUpdate = Updateable<GroupsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
