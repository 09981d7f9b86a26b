import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';

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
/** How a member appears in a group (0009): under their pseudonym there, or under their name. */
export type AppearanceKind = 'PSEUDONYM' | 'NAME';
export type SsoKeyAlgorithm = 'HS256';

export interface InstitutionsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  default_locale: string;
  allowed_origins: ColumnType<string[], string[] | undefined, string[]>;
  jwks_url: string | null;
  /** The institution's own crisis classifier (0011); null: the built-in detector alone decides. */
  crisis_classifier_url: ColumnType<string | null, string | null | undefined, string | null>;
  /** What happens to a post or reply in crisis (0012). */
  crisis_post_handling: Generated<CrisisPostHandling>;
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
  /** A PUBLIC group whose posts anyone may read, guests included (0004). */
  public_reading: Generated<boolean>;
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
  /** PSEUDONYM exactly when `pseudonym` is set (a check constraint). */
  appearance: ColumnType<AppearanceKind, AppearanceKind | undefined, AppearanceKind>;
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

export type ContentStatus = 'PUBLISHED' | 'PENDING_REVIEW' | 'HIDDEN' | 'REMOVED' | 'DELETED';
export type SubjectType = 'POST' | 'REPLY';

/**
 * A post or a reply through the columns that every module acting on one reads (moderation, outreach): where it
 * is, who wrote it, whether anonymously, its status. `post_id` is the thread: the post itself, or the reply's post.
 */
export interface ContentSubject {
  type: SubjectType;
  id: string;
  institution_id: string;
  group_id: string;
  post_id: string;
  author_id: string;
  anonymous: boolean;
  status: ContentStatus;
}
export type CrisisPostHandling = 'PUBLISH_WITH_WARNING' | 'HOLD_FOR_FACILITATOR';
/** The writer's choice for their own item in crisis (0012): behind the automatic warning, plain, or facilitators only. */
export type CrisisVisibility = 'WITH_WARNING' | 'VISIBLE' | 'FACILITATORS_ONLY';
export type ReactionKind = 'SUPPORT' | 'HUG' | 'ME_TOO' | 'THANK_YOU' | 'HELPFUL';
export type ReportReason = 'CRISIS' | 'SELF_HARM' | 'HARASSMENT' | 'SPAM' | 'MISINFORMATION' | 'OTHER';

export interface PostsTable {
  id: Generated<string>;
  institution_id: string;
  group_id: string;
  author_id: string;
  anonymous: Generated<boolean>;
  title: string;
  body: string;
  content_warning: string | null;
  status: Generated<ContentStatus>;
  crisis: Generated<boolean>;
  crisis_visibility: Generated<CrisisVisibility>;
  pinned_at: Timestamp | null;
  locked_at: Timestamp | null;
  created_at: CreatedAt;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
  last_activity_at: UpdatedAt;
}

export interface RepliesTable {
  id: Generated<string>;
  institution_id: string;
  group_id: string;
  post_id: string;
  parent_reply_id: string | null;
  author_id: string;
  anonymous: Generated<boolean>;
  body: string;
  content_warning: string | null;
  status: Generated<ContentStatus>;
  crisis: Generated<boolean>;
  crisis_visibility: Generated<CrisisVisibility>;
  created_at: CreatedAt;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
}

export interface ThreadAliasesTable {
  post_id: string;
  member_id: string;
  alias_number: number;
}

export interface ContentEditsTable {
  id: Generated<string>;
  institution_id: string;
  subject_type: SubjectType;
  subject_id: string;
  previous_title: string | null;
  previous_body: string;
  previous_content_warning: string | null;
  edited_at: CreatedAt;
}

export interface ReactionsTable {
  institution_id: string;
  group_id: string;
  subject_type: SubjectType;
  subject_id: string;
  member_id: string;
  kind: ReactionKind;
  created_at: CreatedAt;
}

export interface ReportsTable {
  id: Generated<string>;
  institution_id: string;
  group_id: string;
  subject_type: SubjectType;
  subject_id: string;
  reporter_id: string;
  /** The moderation case the report fed (0005). */
  case_id: string | null;
  reason: ReportReason;
  note: string | null;
  status: Generated<'OPEN' | 'RESOLVED' | 'DISMISSED'>;
  created_at: CreatedAt;
  resolved_at: Timestamp | null;
}

export interface ModerationCasesTable {
  id: Generated<string>;
  institution_id: string;
  group_id: string;
  subject_type: SubjectType;
  subject_id: string;
  crisis: Generated<boolean>;
  held_for_review: Generated<boolean>;
  reasons: ColumnType<string[], string[] | undefined, string[]>;
  report_count: Generated<number>;
  status: Generated<'OPEN' | 'RESOLVED'>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  resolved_at: Timestamp | null;
  /** The most urgent risk level any signal brought (0007); null when not crisis. */
  risk_level: 'IMMINENT' | 'HIGH' | 'CONCERN' | null;
  warning_signs: ColumnType<string[], string[] | undefined, string[]>;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  /** Generated: the queue's first sort key (see migration 0007). */
  queue_rank: GeneratedAlways<number>;
}

export interface ModerationActionsTable {
  id: Generated<string>;
  institution_id: string;
  group_id: string | null;
  case_id: string | null;
  actor_member_id: string | null;
  actor_service_token_id: string | null;
  action: string;
  subject_type: SubjectType | null;
  subject_id: string | null;
  target_member_id: string | null;
  reason: string;
  details: ColumnType<Record<string, unknown>, Record<string, unknown> | undefined, Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface WordListEntriesTable {
  id: Generated<string>;
  institution_id: string;
  phrase: string;
  normalized_phrase: string;
  action: 'BLOCK' | 'HOLD';
  created_at: CreatedAt;
}

export interface CrisisResourcesTable {
  id: Generated<string>;
  institution_id: string;
  locale: string;
  position: Generated<number>;
  name: string;
  phone: string | null;
  url: string | null;
  description: string | null;
}

export type OutreachSide = 'FACILITATORS' | 'WRITER';

/** A private thread between a group's facilitators and a writer (0008). `writer_member_id` never leaves the server. */
export interface OutreachThreadsTable {
  id: Generated<string>;
  institution_id: string;
  group_id: string;
  subject_type: SubjectType | null;
  subject_id: string | null;
  writer_member_id: string;
  started_by: OutreachSide;
  writer_anonymous: Generated<boolean>;
  /** The thread alias number of an anonymous subject ("Anonymous 3"). */
  writer_alias: number | null;
  created_at: CreatedAt;
  last_message_at: UpdatedAt;
}

export interface OutreachMessagesTable {
  id: Generated<string>;
  thread_id: string;
  from_side: OutreachSide;
  sender_member_id: string | null;
  body: string;
  crisis: Generated<boolean>;
  created_at: CreatedAt;
}

export interface HearthDatabase {
  outreach_threads: OutreachThreadsTable;
  outreach_messages: OutreachMessagesTable;
  posts: PostsTable;
  replies: RepliesTable;
  thread_aliases: ThreadAliasesTable;
  content_edits: ContentEditsTable;
  reactions: ReactionsTable;
  reports: ReportsTable;
  moderation_cases: ModerationCasesTable;
  moderation_actions: ModerationActionsTable;
  word_list_entries: WordListEntriesTable;
  crisis_resources: CrisisResourcesTable;
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
export type PostRow = Selectable<PostsTable>;
export type ReplyRow = Selectable<RepliesTable>;
export type ReactionRow = Selectable<ReactionsTable>;
export type ReportRow = Selectable<ReportsTable>;
export type ModerationCaseRow = Selectable<ModerationCasesTable>;
export type ModerationActionRow = Selectable<ModerationActionsTable>;
export type WordListEntryRow = Selectable<WordListEntriesTable>;
export type CrisisResourceRow = Selectable<CrisisResourcesTable>;
export type OutreachThreadRow = Selectable<OutreachThreadsTable>;
export type OutreachMessageRow = Selectable<OutreachMessagesTable>;
