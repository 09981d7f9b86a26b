import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { HearthDb } from '../src/db/database.js';
import type {
  ContentStatus,
  GroupRole,
  GroupRow,
  InstitutionRow,
  MemberRow,
  MembershipRow,
  MembershipStatus,
  NewGroup,
  PostRow,
  ReplyRow,
} from '../src/db/tables.js';
import { generateServiceToken, generateSsoSecret } from '../src/auth/service-tokens.js';
import { signSsoToken } from '../src/auth/sso-tokens.js';
import { insertInstitution, insertServiceToken, insertSsoKey } from '../src/modules/institutions/institution.queries.js';
import { insertGroup } from '../src/modules/groups/group.queries.js';
import { upsertMemberFromClaims } from '../src/modules/members/member.queries.js';
import { insertPost } from '../src/modules/posts/post.queries.js';
import { insertReply, threadAliasFor } from '../src/modules/posts/reply.queries.js';

/**
 * Test data inserted through the same query functions the API uses. Each factory returns what a test needs to
 * act as that party: an institution with its SSO secret, a member with a signed token, a service token.
 * Posts and replies are stored as the posts module stores them, without its content pipeline, so fixtures
 * neither spend the posting rate limit nor depend on what the detectors make of their text.
 */
export const testAudience = 'hearth';

export interface TestInstitution {
  row: InstitutionRow;
  kid: string;
  secret: string;
  serviceToken: string;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${(counter += 1)}-${randomBytes(2).toString('hex')}`;

export async function createTestInstitution(db: HearthDb, overrides: Partial<{ slug: string; name: string; defaultLocale: string; allowedOrigins: string[] }> = {}): Promise<TestInstitution> {
  const row = await insertInstitution(db, {
    slug: overrides.slug ?? unique('inst'),
    name: overrides.name ?? 'Test Hospital',
    defaultLocale: overrides.defaultLocale ?? 'en',
    allowedOrigins: overrides.allowedOrigins ?? [],
  });
  const secret = generateSsoSecret();
  await insertSsoKey(db, { institutionId: row.id, kid: 'k1', secret });
  const { token, tokenHash } = generateServiceToken();
  await insertServiceToken(db, { institutionId: row.id, name: 'tests', tokenHash });
  return { row, kid: 'k1', secret, serviceToken: token };
}

export interface TestMember {
  row: MemberRow;
  token: string;
}

export async function createTestMember(
  db: HearthDb,
  institution: TestInstitution,
  options: { externalId?: string; name?: string; admin?: boolean; locale?: string } = {},
): Promise<TestMember> {
  const externalId = options.externalId ?? unique('user');
  const name = options.name ?? `Member ${externalId}`;
  const row = await upsertMemberFromClaims(
    db,
    { institutionId: institution.row.id, externalId, displayName: name, isInstitutionAdmin: options.admin ?? false, locale: options.locale },
    'en',
  );
  const token = await memberToken(institution, externalId, { name, admin: options.admin ?? false });
  return { row, token };
}

/** An SSO token for anyone at an institution whose key is known (a test's own, or a seeded demo hospital's). */
export function memberToken(
  institution: { row: Pick<InstitutionRow, 'slug'>; kid: string; secret: string },
  externalId: string,
  options: { name?: string; admin?: boolean; expiresIn?: string } = {},
): Promise<string> {
  return signSsoToken({
    institutionSlug: institution.row.slug,
    kid: institution.kid,
    secret: institution.secret,
    subject: externalId,
    ...(options.name ? { name: options.name } : {}),
    roles: options.admin ? ['institution_admin'] : [],
    audience: testAudience,
    expiresIn: options.expiresIn ?? '1h',
  });
}

export async function createTestGroup(db: HearthDb, institution: TestInstitution, overrides: Partial<NewGroup> = {}): Promise<GroupRow> {
  const slug = overrides.slug ?? unique('group');
  return insertGroup(db, {
    institution_id: institution.row.id,
    slug,
    name: `Group ${slug}`,
    description: 'A test group.',
    topics: ['testing'],
    languages: ['en'],
    facilitation: 'PEER_LED',
    visibility: 'PUBLIC',
    join_policy: 'OPEN',
    ...overrides,
  });
}

export async function addTestMembership(
  db: HearthDb,
  group: GroupRow,
  member: MemberRow,
  options: { role?: GroupRole; status?: MembershipStatus; answers?: string[] } = {},
): Promise<MembershipRow> {
  const status = options.status ?? 'ACTIVE';
  return db
    .insertInto('memberships')
    .values({
      institution_id: group.institution_id,
      group_id: group.id,
      member_id: member.id,
      role: options.role ?? 'MEMBER',
      status,
      answers: options.answers ?? [],
      joined_at: status === 'ACTIVE' ? new Date() : null,
      waitlisted_at: status === 'WAITLISTED' ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** How a test post or reply is stored; everything has a default, and `createdAt` moves it back in time. */
export interface TestContentOptions {
  anonymous?: boolean;
  /** The thread alias ("Anonymous N") of an anonymous author; by default the next free number in the thread. */
  aliasNumber?: number;
  status?: ContentStatus;
  body?: string;
  contentWarning?: string | null;
  crisis?: boolean;
  createdAt?: Date;
}

/** A post as the posts module stores one (`insertPost`, then the author's thread alias when anonymous). */
export async function createTestPost(db: HearthDb, group: GroupRow, author: MemberRow, options: TestContentOptions & { title?: string } = {}): Promise<PostRow> {
  const post = await insertPost(db, {
    institutionId: group.institution_id,
    groupId: group.id,
    authorId: author.id,
    anonymous: options.anonymous ?? false,
    title: options.title ?? 'A hard week',
    body: options.body ?? 'Some days are harder than others.',
    contentWarning: options.contentWarning ?? null,
    status: options.status ?? 'PUBLISHED',
    crisis: options.crisis ?? false,
  });
  if (options.anonymous) await setThreadAlias(db, post.id, author, options.aliasNumber);
  return options.createdAt ? backdate(db, 'posts', post, { created_at: options.createdAt, last_activity_at: options.createdAt }) : post;
}

/** A reply as the posts module stores one; a reply to a reply goes under the same top-level reply, as the API nests them. */
export async function createTestReply(db: HearthDb, post: PostRow, author: MemberRow, options: TestContentOptions & { parent?: ReplyRow } = {}): Promise<ReplyRow> {
  const reply = await insertReply(db, {
    institutionId: post.institution_id,
    groupId: post.group_id,
    postId: post.id,
    parentReplyId: options.parent ? (options.parent.parent_reply_id ?? options.parent.id) : null,
    authorId: author.id,
    anonymous: options.anonymous ?? false,
    body: options.body ?? 'You are not alone.',
    contentWarning: options.contentWarning ?? null,
    status: options.status ?? 'PUBLISHED',
    crisis: options.crisis ?? false,
  });
  if (options.anonymous) await setThreadAlias(db, post.id, author, options.aliasNumber);
  return options.createdAt ? backdate(db, 'replies', reply, { created_at: options.createdAt }) : reply;
}

/** Moves a post or reply back in time, to order fixtures: created_at is insert-only in the row types. */
async function backdate<Row extends PostRow | ReplyRow>(db: HearthDb, table: 'posts' | 'replies', row: Row, times: Partial<Record<'created_at' | 'last_activity_at', Date>>): Promise<Row> {
  const assignments = sql.join(Object.entries(times).map(([column, time]) => sql`${sql.ref(column)} = ${time}`));
  await sql`update ${sql.table(table)} set ${assignments} where id = ${row.id}`.execute(db);
  return { ...row, ...times };
}

async function setThreadAlias(db: HearthDb, postId: string, author: MemberRow, aliasNumber: number | undefined): Promise<void> {
  const given = await threadAliasFor(db, postId, author.id);
  if (aliasNumber === undefined || aliasNumber === given) return;
  // As if other anonymous writers had come first: the alias a test wants to see ("Anonymous 3").
  await db.updateTable('thread_aliases').set({ alias_number: aliasNumber }).where('post_id', '=', postId).where('member_id', '=', author.id).execute();
}

/** Seconds ago, cut to the whole second as the posts module stores times. */
export function secondsAgo(seconds: number): Date {
  return new Date((Math.floor(Date.now() / 1000) - seconds) * 1000);
}
