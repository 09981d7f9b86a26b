import { Kind, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GroupRow, SubjectType } from '../src/db/tables.js';
import type { HearthDb } from '../src/db/database.js';
import { openOrUpdateModerationCase } from '../src/modules/moderation/moderation-cases.queries.js';
import { encodeGlobalId as globalId } from '../src/schema/global-ids.js';
import { hearthSchema } from '../src/schema/index.js';
import { addTestMembership, createTestGroup, createTestMember, createTestPost, createTestReply, type TestInstitution, type TestMember } from './factories.js';
import { describeEachDatabase, type TestApi } from './test-api.js';
import { withTestInstitution, type TestContext } from './test-context.js';

/**
 * The authorization matrix: every role × every operation × same / other tenant, each cell asserted.
 *
 * Roles act from their home institution on a target group that is either in their own institution ("same") or in
 * another ("other"). `otherTenantMember` belongs to that other institution, so in the "other" column they act at
 * home, as a member who holds no role in the group. Each cell gets a fresh target group with the roles' memberships, so a mutation in one cell
 * never changes what another cell sees. Outcomes:
 *   allow  — the operation did its job (the success type, or the data)
 *   deny   — a typed ForbiddenError (mutations) or an UNAUTHENTICATED/FORBIDDEN error (queries)
 *   hidden — the target does not exist for this viewer (null, empty list, or NotFoundError)
 *   conflict — authorized, but the state forbids it (a ConflictError: e.g. joining a group one already belongs to)
 */
export type Role =
  | 'guest'
  | 'otherTenantMember'
  | 'applicant'
  | 'member'
  | 'peerFacilitator'
  | 'professionalFacilitator'
  | 'institutionAdmin'
  | 'serviceToken';
export type Outcome = 'allow' | 'deny' | 'hidden' | 'conflict';
export type Tenant = 'same' | 'other';

export const roles: Role[] = ['guest', 'otherTenantMember', 'applicant', 'member', 'peerFacilitator', 'professionalFacilitator', 'institutionAdmin', 'serviceToken'];

export interface Actor {
  token?: string;
  institution?: string;
}

export interface CellContext {
  api: TestApi;
  db: HearthDb;
  actor: Actor;
  role: Role;
  /** The group the operation targets (in the actor's institution or another one, per the cell's tenant). */
  group: GroupRow;
  groupId: string;
  targetInstitution: TestInstitution;
  /**
   * The person whose own things a row may act on (their post, their thread), chosen so that exactly one role owns
   * them in each column: `member` in the same tenant, `otherTenantMember` (at home) in the other. Rows that use it
   * make them an active member of the target group first (`ownerInGroup`).
   */
  owner: { role: Role; member: TestMember };
}

export interface Operation {
  name: string;
  run(cell: CellContext): Promise<Outcome>;
  /** Expected outcome per role when the target is in the actor's own institution. */
  same: Record<Role, Outcome>;
  /** Expected outcome per role when the target is in another institution. */
  other: Record<Role, Outcome>;
}

/** Reads a mutation result union: the typename decides the outcome. */
export function mutationOutcome(result: { data?: Record<string, any> | null; errors?: unknown[] }, field: string, success: string[]): Outcome {
  const typename = result.data?.[field]?.__typename;
  if (typename === 'ForbiddenError') return 'deny';
  if (typename === 'NotFoundError') return 'hidden';
  if (typename === 'ConflictError') return 'conflict';
  if (success.includes(typename)) return 'allow';
  throw new Error(`${field}: unexpected result ${JSON.stringify(result)}`);
}

export const everyone = (outcome: Outcome): Record<Role, Outcome> => Object.fromEntries(roles.map((role) => [role, outcome])) as Record<Role, Outcome>;
export const only = (allowed: Role[], otherwise: Outcome): Record<Role, Outcome> =>
  Object.fromEntries(roles.map((role) => [role, allowed.includes(role) ? 'allow' : otherwise])) as Record<Role, Outcome>;

export const managers: Role[] = ['institutionAdmin', 'serviceToken'];
export const facilitatorsAndManagers: Role[] = ['peerFacilitator', 'professionalFacilitator', ...managers];

/** A person who is not one of the roles, with a membership of `status` in the cell's target group. */
export async function subjectMembership(cell: CellContext, options: { status?: 'PENDING' | 'ACTIVE' } = {}) {
  const subject = await createTestMember(cell.db, cell.targetInstitution);
  const membership = await addTestMembership(cell.db, cell.group, subject.row, { status: options.status ?? 'ACTIVE', answers: ['My answer.'] });
  return globalId('Membership', membership.id);
}

/** Runs a mutation with the input `prepare` makes for the cell; the result union's typename is the outcome. */
export const decide = (mutation: string, input: string, prepare: (cell: CellContext) => Promise<Record<string, unknown>>, success = ['Membership']) =>
  async (cell: CellContext): Promise<Outcome> => {
    const result = await cell.api.graphql(`mutation($input: ${input}!) { ${mutation}(input: $input) { __typename ... on Error { message } } }`, { input: await prepare(cell) }, cell.actor);
    return mutationOutcome(result, mutation, success);
  };

/** Reads one field of the cell's target group by node(id): a value is 'allow', none 'hidden'. */
export const readGroupField =
  (field: string) =>
  async ({ api, actor, groupId }: CellContext): Promise<Outcome> => {
    const result = await api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { ${field} } } }`, { id: groupId }, actor);
    return result.data?.node?.[field] ? 'allow' : 'hidden';
  };

/** Reads a field of the target group that only some may see: no group at all is 'hidden', no field 'deny'. */
export const readRestrictedGroupField =
  (field: string, selection: string) =>
  async ({ api, actor, groupId }: CellContext): Promise<Outcome> => {
    const result = await api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { ${field} ${selection} } } }`, { id: groupId }, actor);
    if (!result.data?.node) return 'hidden';
    return result.data.node[field] ? 'allow' : 'deny';
  };

export const members: Role[] = ['member', 'peerFacilitator', 'professionalFacilitator'];
export const denyAllButFacilitatorsAndManagers = only(facilitatorsAndManagers, 'deny');

/** Someone who holds none of the roles, an active member of the cell's target group. */
export async function subjectMember(cell: CellContext): Promise<TestMember> {
  const person = await createTestMember(cell.db, cell.targetInstitution);
  await addTestMembership(cell.db, cell.group, person.row);
  return person;
}

/** The cell's owner, an active member of the target group (the `member` role already is one in the same tenant). */
export async function ownerInGroup(cell: CellContext): Promise<TestMember> {
  const owner = cell.owner.member;
  const existing = await cell.db.selectFrom('memberships').select('id').where('group_id', '=', cell.group.id).where('member_id', '=', owner.row.id).executeTakeFirst();
  if (!existing) await addTestMembership(cell.db, cell.group, owner.row);
  return owner;
}

/** How a row wants the post or reply it acts on. */
export interface SubjectOptions {
  anonymous?: boolean;
  /** An open crisis case about it (a crisis report). */
  crisisCase?: boolean;
  /** Crisis language found by the content pipeline (the item's `crisis` flag). */
  crisis?: boolean;
  /** Written by the cell's owner rather than by someone outside the roles. */
  byOwner?: boolean;
}

/** A post in the cell's target group by someone who holds none of the roles (or, with `byOwner`, by the cell's owner). */
export async function subjectPost(cell: CellContext, options: SubjectOptions = {}) {
  const author = options.byOwner ? await ownerInGroup(cell) : await subjectMember(cell);
  const post = await createTestPost(cell.db, cell.group, author.row, {
    anonymous: options.anonymous ?? false,
    title: 'A post in the matrix',
    body: 'Written by someone outside the roles.',
    crisis: options.crisis ?? false,
  });
  const caseId = options.crisisCase ? await crisisCaseAbout(cell, 'POST', post.id) : null;
  return { post, postId: globalId('Post', post.id), postRowId: post.id, authorId: author.row.id, caseId };
}

/**
 * A reply in the cell's target group, under a post of someone outside the roles (with `toOwnersPost`, the owner's),
 * by someone else outside the roles (or, with `byOwner`, by the owner).
 */
export async function subjectReply(cell: CellContext, options: SubjectOptions & { toOwnersPost?: boolean } = {}) {
  const { post, postId } = await subjectPost(cell, { byOwner: options.toOwnersPost ?? false });
  const author = options.byOwner ? await ownerInGroup(cell) : await subjectMember(cell);
  const reply = await createTestReply(cell.db, post, author.row, {
    anonymous: options.anonymous ?? false,
    body: 'A reply in the matrix.',
    crisis: options.crisis ?? false,
  });
  const caseId = options.crisisCase ? await crisisCaseAbout(cell, 'REPLY', reply.id) : null;
  return { postId, replyId: globalId('Reply', reply.id), replyRowId: reply.id, authorId: author.row.id, caseId };
}

/** An open crisis case about the item, as a crisis report opens one; its ModerationItem id. */
async function crisisCaseAbout(cell: CellContext, subjectType: SubjectType, subjectId: string): Promise<string> {
  const opened = await openOrUpdateModerationCase(cell.db, {
    institutionId: cell.group.institution_id,
    groupId: cell.group.id,
    subjectType,
    subjectId,
    crisis: true,
    reasons: ['CRISIS'],
    reports: 1,
  });
  return globalId('ModerationItem', opened.id);
}

/** Reads a query result: a FORBIDDEN error, null or empty (hidden), or data. */
export function queryOutcome(result: { data?: Record<string, any> | null; errors?: Array<{ extensions?: Record<string, any> }> }, hasData: (data: Record<string, any>) => boolean): Outcome {
  if (result.errors?.some((error) => error.extensions?.code === 'FORBIDDEN')) return 'deny';
  if (result.errors?.length) throw new Error(`unexpected errors ${JSON.stringify(result.errors)}`);
  return result.data && hasData(result.data) ? 'allow' : 'hidden';
}

/** Who writes in a group: its active members, whatever their role. */
export const writers: Role[] = members;
/** Signed-in people of the first institution reach nothing of another's group: NotFound; others are refused. */
export const elsewhereNotFound: Record<Role, Outcome> = { ...everyone('hidden'), guest: 'deny', serviceToken: 'deny' };

interface World {
  home: TestInstitution;
  away: TestInstitution;
  actors: Record<Role, Actor>;
  /** Member rows of the roles that are people (the other tenant's member included). */
  memberRows: Partial<Record<Role, TestMember>>;
}

/** The roles' people, in the test context's institution ("home") and its other one ("away"). */
async function buildWorld(t: TestContext): Promise<World> {
  const home = t.institution;
  const away = t.otherInstitution;
  const memberRows: World['memberRows'] = {};
  for (const role of ['applicant', 'member', 'peerFacilitator', 'professionalFacilitator'] as const) {
    memberRows[role] = await t.member();
  }
  memberRows.institutionAdmin = t.admin;
  const stranger = await t.member({}, away);
  memberRows.otherTenantMember = stranger;
  const actors: Record<Role, Actor> = {
    guest: { institution: home.row.slug },
    otherTenantMember: { token: stranger.token },
    applicant: { token: memberRows.applicant!.token },
    member: { token: memberRows.member!.token },
    peerFacilitator: { token: memberRows.peerFacilitator!.token },
    professionalFacilitator: { token: memberRows.professionalFacilitator!.token },
    institutionAdmin: { token: memberRows.institutionAdmin!.token },
    serviceToken: { token: home.serviceToken },
  };
  return { home, away, actors, memberRows };
}

/**
 * A fresh target group for one cell. In the "same" tenant it carries the roles' memberships; in the "other" tenant
 * it belongs to another institution, where none of the roles' people belongs (only `otherTenantMember` is at home
 * there), so a cell fails if a role leaks across institutions.
 */
async function targetGroup(db: HearthDb, world: World, tenant: Tenant): Promise<{ group: GroupRow; institution: TestInstitution }> {
  const institution = tenant === 'same' ? world.home : world.away;
  const group = await createTestGroup(db, institution, { join_policy: 'APPROVAL', entry_questions: ['Why?'] });
  if (tenant === 'same') {
    const rows = world.memberRows;
    await addTestMembership(db, group, rows.applicant!.row, { status: 'PENDING', answers: ['Because.'] });
    await addTestMembership(db, group, rows.member!.row);
    await addTestMembership(db, group, rows.peerFacilitator!.row, { role: 'PEER_FACILITATOR' });
    await addTestMembership(db, group, rows.professionalFacilitator!.row, { role: 'PROFESSIONAL_FACILITATOR' });
  }
  return { group, institution };
}

/** The root fields a document asks for, as schema coordinates ("Mutation.createPost", "Query.node"). */
export function rootFieldsOf(document: string): string[] {
  const rootTypes = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;
  return parse(document).definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION
      ? definition.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [`${rootTypes[definition.operation]}.${selection.name.value}`] : []))
      : [],
  );
}

/** Every Mutation and Query field of the API's schema, as schema coordinates. */
export function schemaRootFields(): string[] {
  const schema = hearthSchema();
  return [schema.getMutationType(), schema.getQueryType()].flatMap((type) => (type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : []));
}

export interface MatrixOptions {
  /**
   * Root fields that need no row because nobody could be refused them, each with the reason. The completeness
   * check fails for any other Mutation or Query field that no row sends, and for a listed field that has a row
   * after all or is no longer in the schema.
   */
  withoutAuthorization: Record<string, string>;
}

export function describeMatrix(title: string, matrixOperations: Operation[], options: MatrixOptions): void {
  describeEachDatabase(title, (api) => {
    const t = withTestInstitution(api, { otherInstitution: true });
    let world: World;
    // The root fields each cell sent, for the completeness check at the end; the rows that ran (both columns).
    const sent = new Set<string>();
    const ran = new Set<string>();
    beforeAll(async () => {
      world = await buildWorld(t);
    });
    for (const operation of matrixOperations) {
      describe(operation.name, () => {
        for (const tenant of ['same', 'other'] as const) {
          it(`${tenant} tenant: ${roles.map((role) => `${role}=${operation[tenant][role]}`).join(' ')}`, async () => {
            // Counted before the cells run: a row that fails still sent what it sent.
            ran.add(`${operation.name} / ${tenant}`);
            const observed: Record<string, Outcome> = {};
            const recording: TestApi = {
              ...api(),
              graphql: (query, variables, requestOptions) => {
                for (const field of rootFieldsOf(query)) sent.add(field);
                return api().graphql(query, variables, requestOptions);
              },
            };
            for (const role of roles) {
              const { group, institution } = await targetGroup(api().database.db, world, tenant);
              observed[role] = await operation.run({
                api: recording,
                db: api().database.db,
                actor: world.actors[role],
                role,
                group,
                groupId: globalId('Group', group.id),
                targetInstitution: institution,
                owner: tenant === 'same' ? { role: 'member', member: world.memberRows.member! } : { role: 'otherTenantMember', member: world.memberRows.otherTenantMember! },
              });
            }
            expect(observed, `observed ${JSON.stringify(observed)}`).toEqual(operation[tenant]);
          });
        }
      });
    }
    describe('completeness', () => {
      it('every Mutation and Query field of the schema is sent by a row of the matrix (or is listed as needing no authorization)', () => {
        expect(ran.size, 'the check reads what the rows sent: it needs every row to have run (the whole file, unfiltered)').toBe(matrixOperations.length * 2);
        const fields = schemaRootFields();
        const unlisted = fields.filter((field) => !sent.has(field) && !(field in options.withoutAuthorization));
        expect.soft(unlisted, 'Mutation and Query fields with no row in the matrix: add rows for them').toEqual([]);
        const stale = Object.keys(options.withoutAuthorization).filter((field) => sent.has(field) || !fields.includes(field));
        expect.soft(stale, 'listed as needing no authorization, but sent by a row or not in the schema').toEqual([]);
      });
    });
  });
}
