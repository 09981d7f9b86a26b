import { beforeAll, expect, it } from 'vitest';
import { databaseFingerprint, internalDetailPattern } from '../test-support/database-fingerprint.js';
import { addTestMembership, createTestGroup, testAudience, type TestInstitution, type TestMember } from '../test-support/factories.js';
import { describeEachDatabase } from '../test-support/test-api.js';
import { withTestInstitution } from '../test-support/test-context.js';
import { mutationDocument } from '../test-support/test-documents.js';
import type { GroupRow } from './db/tables.js';
import { encodeGlobalId as globalId } from './schema/global-ids.js';
import { signSsoToken } from './auth/sso-tokens.js';

/**
 * Bad input of every kind gets a clear, typed error, leaks nothing internal, and leaves the database exactly as
 * it was. Each case runs a request and compares a fingerprint of every table before and after.
 */

const createGroup = mutationDocument('createGroup', 'CreateGroupInput');
const updateGroup = mutationDocument('updateGroup', 'UpdateGroupInput');
const validGroup = { slug: 'valid-slug', name: 'Valid name', languages: ['en'], facilitation: 'PEER_LED', visibility: 'PUBLIC', joinPolicy: 'OPEN' };

interface BadInputCase {
  name: string;
  query: string;
  variables: (fixture: Fixture) => Record<string, unknown>;
  /** Which token to send. */
  as?: 'admin' | 'otherAdmin' | 'member' | 'none';
  /** A token made for the case instead (a crafted SSO token). */
  token?: (fixture: Fixture) => Promise<string>;
  /** The HTTP status, when the case is about it (typed results are always 200). */
  status?: number;
  /** The typed outcome: a result-union typename, or a top-level error code. */
  expect: { typename: string; field?: string; path?: string } | { code: string | string[] };
}

interface Fixture {
  home: TestInstitution;
  away: TestInstitution;
  admin: TestMember;
  otherAdmin: TestMember;
  group: GroupRow;
  awayGroup: GroupRow;
  approvalGroup: GroupRow;
  member: TestMember;
  awayMembershipId: string;
}

/** updateGroup given a groupId that is no Group's id: a ValidationError on that field, before anything is read. */
const badGroupIdCase = (name: string, groupId: (fixture: Fixture) => string): BadInputCase => ({
  name,
  query: updateGroup,
  variables: (fixture) => ({ input: { groupId: groupId(fixture), description: 'x' } }),
  expect: { typename: 'ValidationError', path: 'input.groupId' },
});

const cases: BadInputCase[] = [
  { name: 'an empty name', query: createGroup, variables: () => ({ input: { ...validGroup, name: '   ' } }), expect: { typename: 'ValidationError', path: 'input.name' } },
  { name: 'an over-long name', query: createGroup, variables: () => ({ input: { ...validGroup, name: 'x'.repeat(121) } }), expect: { typename: 'ValidationError', path: 'input.name' } },
  { name: 'an over-long description', query: createGroup, variables: () => ({ input: { ...validGroup, description: 'x'.repeat(4001) } }), expect: { typename: 'ValidationError', path: 'input.description' } },
  { name: 'control characters in a name', query: createGroup, variables: () => ({ input: { ...validGroup, name: 'Bad\u0000name' } }), expect: { typename: 'ValidationError', path: 'input.name' } },
  { name: 'a right-to-left override in a name', query: createGroup, variables: () => ({ input: { ...validGroup, name: 'Support \u202Egnp.exe' } }), expect: { typename: 'ValidationError', path: 'input.name' } },
  { name: 'a zero-width space in a name', query: createGroup, variables: () => ({ input: { ...validGroup, name: 'Sup\u200Bport' } }), expect: { typename: 'ValidationError', path: 'input.name' } },
  {
    name: 'a right-to-left override in a pseudonym',
    query: `mutation($input: SetPseudonymInput!) { setPseudonym(input: $input) { __typename ... on ValidationError { fields { path message } } } }`,
    variables: ({ group }) => ({ input: { groupId: globalId('Group', group.id), pseudonym: 'Sara\u202Enimda' } }),
    as: 'member',
    expect: { typename: 'ValidationError', path: 'input.pseudonym' },
  },
  { name: 'too many topics', query: createGroup, variables: () => ({ input: { ...validGroup, topics: Array.from({ length: 13 }, (_, i) => `topic ${i}`) } }), expect: { typename: 'ValidationError', path: 'input.topics' } },
  { name: 'an unknown time zone', query: createGroup, variables: () => ({ input: { ...validGroup, timeZone: 'Mars/Olympus_Mons' } }), expect: { typename: 'ValidationError', path: 'input.timeZone' } },
  { name: 'a negative capacity', query: createGroup, variables: () => ({ input: { ...validGroup, capacity: -3 } }), expect: { typename: 'ValidationError', path: 'input.capacity' } },
  { name: 'an invalid enum value', query: createGroup, variables: () => ({ input: { ...validGroup, joinPolicy: 'WHENEVER' } }), expect: { code: 'BAD_USER_INPUT' } },
  { name: 'a string where a number goes', query: createGroup, variables: () => ({ input: { ...validGroup, capacity: 'ten' } }), expect: { code: 'BAD_USER_INPUT' } },
  badGroupIdCase('a Member id where a Group id goes', ({ admin }) => globalId('Member', admin.row.id)),
  badGroupIdCase('a malformed global id', () => '%%%not-an-id'),
  badGroupIdCase('a global id that is not a UUID', () => globalId('Group', "1'; drop table groups; --")),
  {
    name: "another tenant's group id",
    query: updateGroup,
    variables: ({ awayGroup }) => ({ input: { groupId: globalId('Group', awayGroup.id), description: 'Hijacked' } }),
    expect: { typename: 'ForbiddenError' },
  },
  {
    name: 'a group id that does not exist',
    query: updateGroup,
    variables: () => ({ input: { groupId: globalId('Group', '00000000-0000-4000-8000-000000000000'), description: 'x' } }),
    expect: { typename: 'ForbiddenError' },
  },
];

const yearsAhead = (years: number) => new Date(Date.now() + years * 365.25 * 24 * 3600 * 1000).toISOString();
const somePost = globalId('Post', '00000000-0000-4000-8000-000000000001');

// DateTime input: one bound for every instant a decision takes (schema/date-input.ts), and the scalar's years.
cases.push(
  {
    name: 'a suspension until the year 275760',
    query: mutationDocument('suspendMember', 'SuspendMemberInput'),
    variables: ({ awayMembershipId }) => ({ input: { membershipId: awayMembershipId, reason: 'A break.', until: '+275760-09-13T00:00:00.000Z' } }),
    expect: { code: ['BAD_USER_INPUT', 'VALIDATION'] },
  },
  {
    name: 'a suspension six years ahead',
    query: mutationDocument('suspendMember', 'SuspendMemberInput'),
    variables: ({ awayMembershipId }) => ({ input: { membershipId: awayMembershipId, reason: 'A break.', until: yearsAhead(6) } }),
    expect: { typename: 'ValidationError', path: 'input.until' },
  },
  {
    name: 'a moderation suspension ten years ahead',
    query: mutationDocument('moderate', 'ModerateInput'),
    variables: () => ({ input: { subjectId: somePost, action: 'SUSPEND', reason: 'A break.', suspendUntil: yearsAhead(10) } }),
    expect: { typename: 'ValidationError', path: 'input.suspendUntil' },
  },
  {
    name: 'an invitation expiring in the year 9999',
    query: mutationDocument('createInvitation', 'CreateInvitationInput'),
    variables: ({ group }) => ({ input: { groupId: globalId('Group', group.id), expiresAt: '9999-12-31T23:59:59.000Z' } }),
    expect: { typename: 'ValidationError', path: 'input.expiresAt' },
  },
);

// NUL bytes, in any argument (schema/refuse-nul.ts), and cursors decoded by one rule with ranges
// (schema/keyset-pagination.ts): each a typed error, never PostgreSQL's.
const cursorOf = (key: unknown[]) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
const someId = '00000000-0000-4000-8000-000000000002';
const groupPosts = `query($id: ID!, $after: String) { node(id: $id) { ... on Group { posts(after: $after) { edges { cursor } } } } }`;
const groupsAfter = `query($after: String) { groups(after: $after) { edges { cursor } } }`;
const joinRequestsAfter = `query($id: ID!, $after: String) { node(id: $id) { ... on Group { joinRequests(after: $after) { edges { cursor } } } } }`;
const groupPostsCase = (name: string, after: string): BadInputCase => ({
  name,
  query: groupPosts,
  variables: ({ group }) => ({ id: globalId('Group', group.id), after }),
  expect: { code: 'VALIDATION' },
});

cases.push(
  { name: 'a NUL byte in a slug', query: `query($slug: String!) { group(slug: $slug) { id } }`, variables: () => ({ slug: 'support\u0000group' }), expect: { code: 'VALIDATION' } },
  { name: "a NUL byte in an institution's slug", query: `query($slug: String!) { institution(slug: $slug) { id } }`, variables: () => ({ slug: 'a\u0000' }), as: 'none', expect: { code: 'VALIDATION' } },
  { name: 'a NUL byte in a search', query: `query($text: String!) { groups(filter: { text: $text }) { edges { cursor } } }`, variables: () => ({ text: 'grief\u0000' }), expect: { code: 'VALIDATION' } },
  { name: 'a NUL byte in a cursor', query: groupsAfter, variables: () => ({ after: 'WyJuYW1l\u0000' }), expect: { code: 'VALIDATION' } },
  { name: 'a NUL byte inside a decoded cursor', query: groupsAfter, variables: () => ({ after: cursorOf(['name', 'a\u0000b', someId]) }), expect: { code: 'VALIDATION' } },
  { name: 'a lone surrogate inside a decoded cursor', query: groupsAfter, variables: () => ({ after: cursorOf(['name', 'a\uD800b', someId]) }), expect: { code: 'VALIDATION' } },
  { name: 'a relevance score out of range in a cursor', query: `query($after: String) { groups(filter: { text: "grief" }, after: $after) { edges { cursor } } }`, variables: () => ({ after: cursorOf(['relevance', 'x', '1e309', someId]) }), expect: { code: 'VALIDATION' } },
  { name: 'a cursor that is not base64url', query: groupsAfter, variables: () => ({ after: 'not a cursor!' }), expect: { code: 'VALIDATION' } },
  { name: 'an over-long cursor', query: groupsAfter, variables: () => ({ after: 'A'.repeat(5000) }), expect: { code: 'VALIDATION' } },
  groupPostsCase('a feed cursor past the year 9999', cursorOf([0, 253_402_300_800, someId])),
  groupPostsCase('a feed cursor with a huge time', cursorOf([0, 1e300, someId])),
  groupPostsCase('a feed cursor with a negative time', cursorOf([0, -1, someId])),
  groupPostsCase('a feed cursor with a fractional time', cursorOf([1, 1.5, someId])),
  groupPostsCase('a feed cursor with a pinned flag of 2', cursorOf([2, 100, someId])),
  groupPostsCase('a feed cursor with a NUL in its id', cursorOf([0, 100, `${someId}\u0000`])),
  {
    name: 'a membership cursor that is not an id',
    query: joinRequestsAfter,
    variables: ({ approvalGroup }) => ({ id: globalId('Group', approvalGroup.id), after: cursorOf(['2026-01-01T00:00:00.000000Z', someId]) }),
    expect: { code: 'VALIDATION' },
  },
  {
    name: 'a NUL byte in a mutation input',
    query: createGroup,
    variables: () => ({ input: { ...validGroup, slug: 'nul\u0000slug' } }),
    expect: { typename: 'ValidationError', path: 'input.slug' },
  },
  badGroupIdCase('a NUL byte in an id', () => 'R3JvdXA6\u0000'),
  {
    name: 'a NUL byte in node(id:)',
    query: `query($id: ID!) { node(id: $id) { id } }`,
    variables: () => ({ id: `${globalId('Group', someId)}\u0000` }),
    expect: { code: 'VALIDATION' },
  },
  {
    name: "a NUL byte in a token's iss",
    query: `query { me { id } }`,
    variables: () => ({}),
    token: ({ home }) =>
      signSsoToken({ institutionSlug: `${home.row.slug}\u0000`, kid: home.kid, secret: home.secret, subject: 'nul-iss', audience: testAudience }),
    status: 401,
    expect: { code: 'UNAUTHENTICATED' },
  },
);

/** A document refused before execution: armor's limits and graphql-js's parser answer with one of these codes. */
const documentRefused = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED'];

const deep = (levels: number) => `${'viewerMembership { group { '.repeat(levels)}id${' } }'.repeat(levels)}`;

cases.push(
  {
    name: 'an over-deep query',
    query: `query($id: ID!) { node(id: $id) { ... on Group { ${deep(6)} } } }`,
    variables: ({ group }) => ({ id: globalId('Group', group.id) }),
    expect: { code: documentRefused },
  },
  {
    name: 'a connection nested in a connection at full page size (cost)',
    query: `query { groups(first: 100) { edges { node { joinRequests(first: 100) { edges { node { id answers pseudonym status role requestedAt } } } } } } }`,
    variables: () => ({}),
    expect: { code: documentRefused },
  },
  {
    name: 'an over-long entry answer',
    query: `mutation($input: JoinGroupInput!) { joinGroup(input: $input) { __typename ... on ValidationError { fields { path message } } } }`,
    variables: ({ approvalGroup }) => ({ input: { groupId: globalId('Group', approvalGroup.id), answers: ['x'.repeat(2001)] } }),
    as: 'member',
    expect: { typename: 'ValidationError', path: 'input.answers.0' },
  },
  {
    name: "another tenant's membership id",
    query: `mutation($input: DecideJoinRequestInput!) { approveJoinRequest(input: $input) { __typename ... on Error { message } } }`,
    variables: ({ awayMembershipId }) => ({ input: { membershipId: awayMembershipId } }),
    expect: { typename: 'ForbiddenError' },
  },
  {
    name: 'too many aliases',
    query: `query { ${Array.from({ length: 30 }, (_, i) => `a${i}: me { displayName }`).join(' ')} }`,
    variables: () => ({}),
    expect: { code: documentRefused },
  },
  {
    name: 'an oversized document (too many tokens)',
    query: `query { me { ${Array.from({ length: 1500 }, () => 'displayName').join(' ')} } }`,
    variables: () => ({}),
    expect: { code: documentRefused },
  },
  {
    name: 'a syntax error',
    query: 'query { me { displayName }',
    variables: () => ({}),
    expect: { code: 'GRAPHQL_PARSE_FAILED' },
  },
  {
    name: 'a malformed id in node(id:)',
    query: 'query { node(id: "not an id") { id } }',
    variables: () => ({}),
    expect: { code: 'VALIDATION' },
  },
);

describeEachDatabase('bad input', (api) => {
  const t = withTestInstitution(api, { otherInstitution: true });
  let fixture: Fixture;

  beforeAll(async () => {
    const away = t.otherInstitution;
    const awayGroup = await createTestGroup(t.db, away);
    const pending = await addTestMembership(t.db, awayGroup, (await t.member({}, away)).row, { status: 'PENDING' });
    fixture = {
      home: t.institution,
      away,
      admin: t.admin,
      otherAdmin: await t.member({ admin: true }, away),
      group: await t.group(),
      awayGroup,
      approvalGroup: await t.group({ join_policy: 'APPROVAL', entry_questions: ['What brings you here?'] }),
      member: t.viewer,
      awayMembershipId: globalId('Membership', pending.id),
    };
  });

  for (const badCase of cases) {
    it(`${badCase.name}: a typed error, nothing internal, nothing written`, async () => {
      const db = api().database.db;
      const before = await databaseFingerprint(db);
      const token = badCase.token
        ? await badCase.token(fixture)
        : badCase.as === 'none' ? undefined : badCase.as === 'otherAdmin' ? fixture.otherAdmin.token : badCase.as === 'member' ? fixture.member.token : fixture.admin.token;
      const response = await api().graphql(badCase.query, badCase.variables(fixture), { token });
      const text = JSON.stringify(response);
      if (badCase.status) expect(response.status, text).toBe(badCase.status);
      else if ('typename' in badCase.expect) expect(response.status, text).toBe(200);
      expect(text).not.toMatch(internalDetailPattern);
      if ('code' in badCase.expect) {
        const codes = Array.isArray(badCase.expect.code) ? badCase.expect.code : [badCase.expect.code];
        expect(codes, text).toContain(response.errors?.[0]?.extensions?.code);
        expect(response.errors?.[0]?.message.length).toBeGreaterThan(5);
      } else {
        const result = Object.values(response.data ?? {})[0] as { __typename: string; fields?: Array<{ path: string[] }> } | undefined;
        expect(result?.__typename, text).toBe(badCase.expect.typename);
        if (badCase.expect.path) expect(result?.fields?.map((field) => field.path.join('.'))).toContain(badCase.expect.path);
      }
      expect(await databaseFingerprint(db)).toEqual(before);
    });
  }

  it('lets a full page of 100 group cards through the cost limit, written as a literal', async () => {
    const response = await api().graphql(
      `query { groups(first: 100) { edges { cursor node { id slug name description topics languages facilitation joinPolicy formats capacity memberCount acceptingMembers allowsAnonymousPosts institution { name } facilitators { name role credential } } } pageInfo { hasNextPage endCursor } } }`,
      {},
      { token: fixture.admin.token },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.groups.edges.length).toBeGreaterThan(0);
  });
});
