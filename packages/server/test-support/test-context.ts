import { beforeAll, expect } from 'vitest';
import type { HearthDb } from '../src/db/database.js';
import type { GroupRole, GroupRow, MemberRow, MembershipStatus, NewGroup, PostRow, ReplyRow } from '../src/db/tables.js';
import { encodeGlobalId } from '../src/schema/global-ids.js';
import {
  addTestMembership,
  createTestGroup,
  createTestInstitution,
  createTestMember,
  createTestPost,
  createTestReply,
  type TestContentOptions,
  type TestInstitution,
  type TestMember,
} from './factories.js';
import type { GraphQLResponse, RequestOptions, TestApi } from './test-api.js';

/**
 * Who sends a request: a member (their SSO token), a bearer token (an SSO JWT or a service token), request
 * options as they are (`{ institution: slug }` for a guest), or nobody (no credentials at all).
 */
export type Caller = TestMember | string | RequestOptions | undefined;

export function requestOptionsFor(caller: Caller): RequestOptions {
  if (caller === undefined) return {};
  if (typeof caller === 'string') return { token: caller };
  if ('row' in caller) return { token: caller.token };
  return caller;
}

/**
 * The data of a request that must not fail as a whole (typed errors are data: they come back here), and the
 * one root field it asked for: a mutation's result union, for instance.
 */
export function dataOf(response: GraphQLResponse): Record<string, any> {
  expect(response.errors).toBeUndefined();
  return response.data!;
}

export function resultOf(response: GraphQLResponse): Record<string, any> {
  return Object.values(dataOf(response))[0] as Record<string, any>;
}

/** A member of the institution to create: options of `createTestMember`. */
export interface TestMemberOptions {
  name?: string;
  locale?: string;
  admin?: boolean;
  externalId?: string;
}

/** A seat in a group: a role, or a membership in full (a new member takes it). */
export type TestSeat = GroupRole | (TestMemberOptions & { role?: GroupRole; status?: MembershipStatus; answers?: string[] });

/** A group and the members seated in it, named as the test asked; `join` seats one more. */
export type TestGroupWith<Seats> = { group: GroupRow; groupId: string; join(seat?: TestSeat): Promise<TestMember> } & { [Name in keyof Seats]: TestMember };

/** The parties a context sets up. */
export interface TestParties {
  institution: TestInstitution;
  admin: TestMember;
  viewer: TestMember;
  otherInstitution?: TestInstitution;
}

export interface TestContextOptions {
  /** How the institution is created (a default locale, embedding origins, a slug). */
  institution?: Parameters<typeof createTestInstitution>[1];
  /** How the admin and the viewer are created (a name, a locale); the admin is one whatever this says. */
  admin?: TestMemberOptions;
  viewer?: TestMemberOptions;
  /** A second institution (`otherInstitution`), for what must not cross tenants: `true`, or how to create it. */
  otherInstitution?: boolean | Parameters<typeof createTestInstitution>[1];
}

/**
 * One test context per suite (after Kysely's `example/test/test-context.ts`): the database, an institution with
 * its admin and a signed-in member (`viewer`, in no group), and every fixture inserted through one path each —
 * members, groups, memberships, posts and replies — so a module's tests start from
 *
 * ```ts
 * describeEachDatabase('meetings', (api) => {
 *   const t = withTestInstitution(api);
 *   it('…', async () => { const { group, member } = await t.groupWith({ member: 'MEMBER' }); … });
 * ```
 *
 * Its parties exist once `setUp()` has run: `withTestInstitution` runs it before the suite's tests,
 * `createTestContext` before it returns (for a fresh institution per test).
 */
export class TestContext {
  readonly #api: () => TestApi;
  readonly #options: TestContextOptions;
  #parties?: TestParties;

  constructor(api: () => TestApi, options: TestContextOptions = {}) {
    this.#api = api;
    this.#options = options;
  }

  async setUp(): Promise<void> {
    const db = this.db;
    const other = this.#options.otherInstitution;
    const institution = await createTestInstitution(db, this.#options.institution);
    this.#parties = {
      institution,
      admin: await createTestMember(db, institution, { ...this.#options.admin, admin: true }),
      viewer: await createTestMember(db, institution, this.#options.viewer),
      ...(other ? { otherInstitution: await createTestInstitution(db, other === true ? {} : other) } : {}),
    };
  }

  get api(): TestApi {
    return this.#api();
  }

  get db(): HearthDb {
    return this.#api().database.db;
  }

  get institution(): TestInstitution {
    return this.#party('institution');
  }

  /** An institution admin (SSO role `institution_admin`), in no group. */
  get admin(): TestMember {
    return this.#party('admin');
  }

  /** A signed-in member of the institution, in no group. */
  get viewer(): TestMember {
    return this.#party('viewer');
  }

  /** Request options of a guest of the institution (no token, its slug in X-Hearth-Institution). */
  get guest(): RequestOptions {
    return { institution: this.institution.row.slug };
  }

  get otherInstitution(): TestInstitution {
    if (!this.#options.otherInstitution) throw new Error('Ask withTestInstitution(api, { otherInstitution: true }) for a second institution.');
    return this.#party('otherInstitution');
  }

  #party<Name extends keyof TestParties>(name: Name): NonNullable<TestParties[Name]> {
    const party = this.#parties?.[name];
    if (!party) throw new Error('The test context is not set up yet: read it inside a test or hook, not while declaring the suite.');
    return party as NonNullable<TestParties[Name]>;
  }

  graphql<Data = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, as?: Caller): Promise<GraphQLResponse<Data>> {
    return this.api.graphql<Data>(query, variables, requestOptionsFor(as));
  }

  /** The data of an operation that must not fail as a whole. */
  async data(query: string, variables: Record<string, unknown> = {}, as?: Caller): Promise<Record<string, any>> {
    return dataOf(await this.graphql(query, variables, as));
  }

  /** Runs a mutation with `{ input }` and returns its result union (the payload or a typed error). */
  async mutate(mutation: string, input: Record<string, unknown>, as?: Caller): Promise<Record<string, any>> {
    return resultOf(await this.graphql(mutation, { input }, as));
  }

  /** A new member of the institution (of another one, when given), with a signed token. */
  member(options: TestMemberOptions = {}, institution: TestInstitution = this.institution): Promise<TestMember> {
    return createTestMember(this.db, institution, options);
  }

  /** A new group of the institution: public, open, peer-led unless overridden. */
  group(overrides: Partial<NewGroup> = {}): Promise<GroupRow> {
    return createTestGroup(this.db, this.institution, overrides);
  }

  /** A new member of the group's institution seated in the group: an active MEMBER unless the seat says otherwise. */
  async join(group: GroupRow, seat: TestSeat = {}): Promise<TestMember> {
    const { role, status, answers, ...member } = typeof seat === 'string' ? { role: seat } : seat;
    const person = await createTestMember(this.db, this.#institutionOf(group), member);
    await addTestMembership(this.db, group, person.row, { ...(role ? { role } : {}), ...(status ? { status } : {}), ...(answers ? { answers } : {}) });
    return person;
  }

  /**
   * A new group with a new member in each seat, seated in the order given:
   * `await t.groupWith({ peer: 'PEER_FACILITATOR', author: 'MEMBER', applicant: { status: 'PENDING' } })`.
   */
  async groupWith<Seats extends Record<string, TestSeat>>(seats: Seats, overrides: Partial<NewGroup> = {}): Promise<TestGroupWith<Seats>> {
    const group = await this.group(overrides);
    const seated: Record<string, TestMember> = {};
    for (const [name, seat] of Object.entries(seats)) seated[name] = await this.join(group, seat);
    return { ...(seated as { [Name in keyof Seats]: TestMember }), group, groupId: encodeGlobalId('Group', group.id), join: (seat) => this.join(group, seat) };
  }

  /** A post as the posts module stores one, skipping the content pipeline (see `createTestPost`). */
  post(group: GroupRow, author: TestMember | MemberRow, options: TestContentOptions & { title?: string } = {}): Promise<PostRow> {
    return createTestPost(this.db, group, 'row' in author ? author.row : author, options);
  }

  reply(post: PostRow, author: TestMember | MemberRow, options: TestContentOptions & { parent?: ReplyRow } = {}): Promise<ReplyRow> {
    return createTestReply(this.db, post, 'row' in author ? author.row : author, options);
  }

  #institutionOf(group: GroupRow): TestInstitution {
    const other = this.#parties?.otherInstitution;
    if (other && group.institution_id === other.row.id) return other;
    if (group.institution_id !== this.institution.row.id) throw new Error("The group is not of this context's institutions: seat members with createTestMember and addTestMembership.");
    return this.institution;
  }
}

/** The suite's test context, set up before its tests (`beforeAll`): see `TestContext`. */
export function withTestInstitution(api: () => TestApi, options: TestContextOptions = {}): TestContext {
  const context = new TestContext(api, options);
  beforeAll(() => context.setUp());
  return context;
}

/** A test context of its own, for a test that wants a fresh institution. */
export async function createTestContext(api: TestApi, options: TestContextOptions = {}): Promise<TestContext> {
  const context = new TestContext(() => api, options);
  await context.setUp();
  return context;
}
