import { beforeAll, describe, expect, it } from 'vitest';
import type { GroupRow } from './db/tables.js';
import type { HearthDb } from './db/database.js';
import { addTestMembership, createTestGroup, createTestInstitution, createTestMember, type TestInstitution } from '../test-support/factories.js';
import { describeEachDatabase, type TestApi } from '../test-support/test-api.js';

/**
 * The authorization matrix: every role × every operation × same / other tenant, each cell asserted.
 *
 * Roles act from their home institution on a target group that is either in their own institution ("same") or in
 * another ("other"). Each cell gets a fresh target group with the roles' memberships, so a mutation in one cell
 * never changes what another cell sees. Outcomes:
 *   allow  — the operation did its job (the success type, or the data)
 *   deny   — a typed ForbiddenError (mutations) or an UNAUTHENTICATED/FORBIDDEN error (queries)
 *   hidden — the target does not exist for this viewer (null, empty list, or NotFoundError)
 */
type Role =
  | 'guest'
  | 'otherTenantMember'
  | 'applicant'
  | 'member'
  | 'peerFacilitator'
  | 'professionalFacilitator'
  | 'institutionAdmin'
  | 'serviceToken';
type Outcome = 'allow' | 'deny' | 'hidden';
type Tenant = 'same' | 'other';

const roles: Role[] = ['guest', 'otherTenantMember', 'applicant', 'member', 'peerFacilitator', 'professionalFacilitator', 'institutionAdmin', 'serviceToken'];

interface Actor {
  token?: string;
  institution?: string;
}

interface CellContext {
  api: TestApi;
  db: HearthDb;
  actor: Actor;
  role: Role;
  /** The group the operation targets (in the actor's institution or another one, per the cell's tenant). */
  group: GroupRow;
  groupId: string;
  targetInstitution: TestInstitution;
}

interface Operation {
  name: string;
  run(cell: CellContext): Promise<Outcome>;
  /** Expected outcome per role when the target is in the actor's own institution. */
  same: Record<Role, Outcome>;
  /** Expected outcome per role when the target is in another institution. */
  other: Record<Role, Outcome>;
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** Reads a mutation result union: the typename decides the outcome. */
function mutationOutcome(result: { data?: Record<string, any> | null; errors?: unknown[] }, field: string, success: string[]): Outcome {
  const typename = result.data?.[field]?.__typename;
  if (typename === 'ForbiddenError') return 'deny';
  if (typename === 'NotFoundError') return 'hidden';
  if (success.includes(typename)) return 'allow';
  throw new Error(`${field}: unexpected result ${JSON.stringify(result)}`);
}

const everyone = (outcome: Outcome): Record<Role, Outcome> => Object.fromEntries(roles.map((role) => [role, outcome])) as Record<Role, Outcome>;
const only = (allowed: Role[], otherwise: Outcome): Record<Role, Outcome> =>
  Object.fromEntries(roles.map((role) => [role, allowed.includes(role) ? 'allow' : otherwise])) as Record<Role, Outcome>;

const managers: Role[] = ['institutionAdmin', 'serviceToken'];
const facilitatorsAndManagers: Role[] = ['peerFacilitator', 'professionalFacilitator', ...managers];

const groupOperations: Operation[] = [
  {
    name: 'read a PUBLIC group by node(id)',
    run: async ({ api, actor, groupId }) => {
      const result = await api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { name } } }`, { id: groupId }, actor);
      return result.data?.node?.name ? 'allow' : 'hidden';
    },
    same: everyone('allow'),
    // Public group data is public: anyone holding the link reads it, whatever their institution.
    other: everyone('allow'),
  },
  {
    name: 'read a PRIVATE group by node(id)',
    run: async ({ api, db, actor, group }) => {
      await db.updateTable('groups').set({ visibility: 'PRIVATE' }).where('id', '=', group.id).execute();
      const result = await api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { name } } }`, { id: globalId('Group', group.id) }, actor);
      return result.data?.node?.name ? 'allow' : 'hidden';
    },
    same: only(['applicant', 'member', ...facilitatorsAndManagers], 'hidden'),
    other: everyone('hidden'),
  },
  {
    name: 'createGroup',
    run: async ({ api, actor }) => {
      const result = await api.graphql(
        `mutation($input: CreateGroupInput!) { createGroup(input: $input) { __typename } }`,
        { input: { slug: `matrix-${Math.random().toString(36).slice(2, 10)}`, name: 'Matrix group', languages: ['en'], facilitation: 'PEER_LED', visibility: 'PUBLIC', joinPolicy: 'OPEN' } },
        actor,
      );
      return mutationOutcome(result, 'createGroup', ['Group']);
    },
    // createGroup always acts in the actor's own institution, so the tenant column is the same.
    same: only(managers, 'deny'),
    other: only(managers, 'deny'),
  },
  {
    name: 'updateGroup description',
    run: async ({ api, actor, groupId }) => {
      const result = await api.graphql(
        `mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { __typename } }`,
        { input: { groupId, description: 'Changed in the matrix.' } },
        actor,
      );
      return mutationOutcome(result, 'updateGroup', ['Group']);
    },
    same: only(facilitatorsAndManagers, 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'updateGroup visibility',
    run: async ({ api, actor, groupId }) => {
      const result = await api.graphql(
        `mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { __typename } }`,
        { input: { groupId, visibility: 'UNLISTED' } },
        actor,
      );
      return mutationOutcome(result, 'updateGroup', ['Group']);
    },
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'updateGroup capacity',
    run: async ({ api, actor, groupId }) => {
      const result = await api.graphql(
        `mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { __typename } }`,
        { input: { groupId, capacity: 30 } },
        actor,
      );
      return mutationOutcome(result, 'updateGroup', ['Group']);
    },
    same: only(['professionalFacilitator', ...managers], 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'archiveGroup',
    run: async ({ api, actor, groupId }) => {
      const result = await api.graphql(
        `mutation($input: ArchiveGroupInput!) { archiveGroup(input: $input) { __typename } }`,
        { input: { groupId } },
        actor,
      );
      return mutationOutcome(result, 'archiveGroup', ['Group']);
    },
    same: only(managers, 'deny'),
    // Managers of another institution pass the `institutionManager` scope, but the group is not theirs to find.
    other: { ...everyone('deny'), institutionAdmin: 'hidden', serviceToken: 'hidden' },
  },
];

const profileOperations: Operation[] = [
  {
    name: 'me',
    run: async ({ api, actor }) => {
      const result = await api.graphql(`{ me { displayName } }`, {}, actor);
      return result.data?.me?.displayName ? 'allow' : 'hidden';
    },
    same: { ...everyone('allow'), guest: 'hidden', serviceToken: 'hidden' },
    other: { ...everyone('allow'), guest: 'hidden', serviceToken: 'hidden' },
  },
  {
    name: 'updateProfile',
    run: async ({ api, actor }) => {
      const result = await api.graphql(`mutation { updateProfile(input: { bio: "Matrix" }) { __typename } }`, {}, actor);
      return mutationOutcome(result, 'updateProfile', ['Member']);
    },
    same: { ...everyone('allow'), guest: 'deny', serviceToken: 'deny' },
    other: { ...everyone('allow'), guest: 'deny', serviceToken: 'deny' },
  },
  {
    name: 'updateInstitution',
    run: async ({ api, actor }) => {
      const result = await api.graphql(`mutation { updateInstitution(input: { name: "Renamed in matrix" }) { __typename } }`, {}, actor);
      return mutationOutcome(result, 'updateInstitution', ['Institution']);
    },
    same: only(managers, 'deny'),
    other: only(managers, 'deny'),
  },
  {
    name: "read an institution's allowedOrigins",
    run: async ({ api, actor, targetInstitution }) => {
      const result = await api.graphql(`query($slug: String!) { institution(slug: $slug) { name allowedOrigins } }`, { slug: targetInstitution.row.slug }, actor);
      if (!result.data?.institution) return 'hidden';
      return result.data.institution.allowedOrigins ? 'allow' : 'deny';
    },
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
];

/** Every operation the matrix covers; later modules append theirs. */
const operations: Operation[] = [...groupOperations, ...profileOperations];

interface World {
  home: TestInstitution;
  away: TestInstitution;
  actors: Record<Role, Actor>;
  /** Member rows of the roles that hold memberships in target groups, per institution. */
  memberRows: Partial<Record<Role, Awaited<ReturnType<typeof createTestMember>>>>;
}

async function buildWorld(db: HearthDb): Promise<World> {
  const home = await createTestInstitution(db);
  const away = await createTestInstitution(db);
  const memberRows: World['memberRows'] = {};
  for (const role of ['applicant', 'member', 'peerFacilitator', 'professionalFacilitator'] as const) {
    memberRows[role] = await createTestMember(db, home);
  }
  memberRows.institutionAdmin = await createTestMember(db, home, { admin: true });
  const stranger = await createTestMember(db, away);
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
 * it belongs to another institution, where the same people hold the same roles in a look-alike group, so a cell
 * fails if a role leaks across institutions.
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

function describeMatrix(title: string, matrixOperations: Operation[]): void {
  describeEachDatabase(title, (api) => {
    let world: World;
    beforeAll(async () => {
      world = await buildWorld(api().database.db);
    });
    for (const operation of matrixOperations) {
      describe(operation.name, () => {
        for (const tenant of ['same', 'other'] as const) {
          it(`${tenant} tenant: ${roles.map((role) => `${role}=${operation[tenant][role]}`).join(' ')}`, async () => {
            const observed: Record<string, Outcome> = {};
            for (const role of roles) {
              const { group, institution } = await targetGroup(api().database.db, world, tenant);
              observed[role] = await operation.run({
                api: api(),
                db: api().database.db,
                actor: world.actors[role],
                role,
                group,
                groupId: globalId('Group', group.id),
                targetInstitution: institution,
              });
            }
            expect(observed).toEqual(operation[tenant]);
          });
        }
      });
    }
  });
}

describeMatrix('authorization matrix: groups, profiles, institutions', operations);
