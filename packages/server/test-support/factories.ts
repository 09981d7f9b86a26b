import { randomBytes } from 'node:crypto';
import type { HearthDb } from '../src/db/database.js';
import type { GroupRole, GroupRow, InstitutionRow, MemberRow, MembershipRow, MembershipStatus, NewGroup } from '../src/db/tables.js';
import { generateServiceToken, generateSsoSecret } from '../src/auth/service-tokens.js';
import { signSsoToken } from '../src/auth/sso-tokens.js';
import { insertInstitution, insertServiceToken, insertSsoKey } from '../src/modules/institutions/institution.queries.js';
import { insertGroup } from '../src/modules/groups/group.queries.js';
import { upsertMemberFromClaims } from '../src/modules/members/member.queries.js';

/**
 * Test data inserted through the same query functions the API uses. Each factory returns what a test needs to
 * act as that party: an institution with its SSO secret, a member with a signed token, a service token.
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
