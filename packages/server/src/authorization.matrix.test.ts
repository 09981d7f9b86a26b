import { beforeAll, describe, expect, it } from 'vitest';
import type { GroupRow } from './db/tables.js';
import type { HearthDb } from './db/database.js';
import { addTestMembership, createTestGroup, createTestInstitution, createTestMember, type TestInstitution } from '../test-support/factories.js';
import { describeEachDatabase, type TestApi } from '../test-support/test-api.js';
import { openOrUpdateModerationCase } from './modules/moderation/moderation-cases.queries.js';
import { encodeGlobalId as globalId } from './schema/global-ids.js';

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
type Role =
  | 'guest'
  | 'otherTenantMember'
  | 'applicant'
  | 'member'
  | 'peerFacilitator'
  | 'professionalFacilitator'
  | 'institutionAdmin'
  | 'serviceToken';
type Outcome = 'allow' | 'deny' | 'hidden' | 'conflict';
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


/** Reads a mutation result union: the typename decides the outcome. */
function mutationOutcome(result: { data?: Record<string, any> | null; errors?: unknown[] }, field: string, success: string[]): Outcome {
  const typename = result.data?.[field]?.__typename;
  if (typename === 'ForbiddenError') return 'deny';
  if (typename === 'NotFoundError') return 'hidden';
  if (typename === 'ConflictError') return 'conflict';
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
    other: everyone('deny'),
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
  {
    name: 'updateInstitution (crisisClassifierUrl)',
    run: async ({ api, actor }) => {
      const set = (url: string | null) =>
        api.graphql(`mutation($url: String) { updateInstitution(input: { crisisClassifierUrl: $url }) { __typename } }`, { url }, actor);
      const outcome = mutationOutcome(await set('https://classifier.matrix.invalid/check'), 'updateInstitution', ['Institution']);
      // Cleared at once, so later cells' posts in the actor's institution never call it.
      if (outcome === 'allow') await set(null);
      return outcome;
    },
    same: only(managers, 'deny'),
    other: only(managers, 'deny'),
  },
  {
    name: "read an institution's crisisClassifierUrl",
    run: async ({ api, db, actor, targetInstitution }) => {
      const setUrl = (url: string | null) => db.updateTable('institutions').set({ crisis_classifier_url: url }).where('id', '=', targetInstitution.row.id).execute();
      await setUrl('https://classifier.matrix.invalid/check?key=secret');
      try {
        const result = await api.graphql(`query($slug: String!) { institution(slug: $slug) { name crisisClassifierUrl } }`, { slug: targetInstitution.row.slug }, actor);
        if (!result.data?.institution) return 'hidden';
        return result.data.institution.crisisClassifierUrl ? 'allow' : 'deny';
      } finally {
        await setUrl(null);
      }
    },
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
];


/** A person who is not one of the roles, with a membership of `status` in the cell's target group. */
async function subjectMembership(cell: CellContext, options: { status?: 'PENDING' | 'ACTIVE' } = {}) {
  const subject = await createTestMember(cell.db, cell.targetInstitution);
  const membership = await addTestMembership(cell.db, cell.group, subject.row, { status: options.status ?? 'ACTIVE', answers: ['My answer.'] });
  return globalId('Membership', membership.id);
}

const decide = (mutation: string, input: string, prepare: (cell: CellContext) => Promise<Record<string, unknown>>, success = ['Membership']) =>
  async (cell: CellContext): Promise<Outcome> => {
    const result = await cell.api.graphql(`mutation($input: ${input}!) { ${mutation}(input: $input) { __typename ... on Error { message } } }`, { input: await prepare(cell) }, cell.actor);
    return mutationOutcome(result, mutation, success);
  };

const members: Role[] = ['member', 'peerFacilitator', 'professionalFacilitator'];
const denyAllButFacilitatorsAndManagers = only(facilitatorsAndManagers, 'deny');

const membershipOperations: Operation[] = [
  {
    name: 'joinGroup (OPEN)',
    run: async (cell) => {
      await cell.db.updateTable('groups').set({ join_policy: 'OPEN' }).where('id', '=', cell.group.id).execute();
      return decide('joinGroup', 'JoinGroupInput', async () => ({ groupId: cell.groupId }))(cell);
    },
    // Anyone already in the group, or waiting on a request, conflicts; an admin may join like any member.
    same: { guest: 'deny', otherTenantMember: 'deny', applicant: 'conflict', member: 'conflict', peerFacilitator: 'conflict', professionalFacilitator: 'conflict', institutionAdmin: 'allow', serviceToken: 'deny' },
    // The group is in otherTenantMember's own institution: they may join it; nobody from the first institution may.
    other: { ...everyone('deny'), otherTenantMember: 'allow' },
  },
  {
    name: 'approveJoinRequest',
    run: decide('approveJoinRequest', 'DecideJoinRequestInput', async (cell) => ({ membershipId: await subjectMembership(cell, { status: 'PENDING' }) })),
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: 'rejectJoinRequest',
    run: decide('rejectJoinRequest', 'DecideJoinRequestInput', async (cell) => ({ membershipId: await subjectMembership(cell, { status: 'PENDING' }), reason: 'Not a fit.' })),
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: 'recordFeePayment',
    run: async (cell) => {
      await cell.db.updateTable('groups').set({ join_policy: 'FEE', fee_description: '10 EUR' }).where('id', '=', cell.group.id).execute();
      return decide('recordFeePayment', 'RecordFeePaymentInput', async () => ({ membershipId: await subjectMembership(cell, { status: 'PENDING' }), receiptReference: 'R-1' }))(cell);
    },
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'createInvitation',
    run: decide('createInvitation', 'CreateInvitationInput', async (cell) => ({ groupId: cell.groupId }), ['Invitation']),
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: 'removeMember',
    run: decide('removeMember', 'RemoveMemberInput', async (cell) => ({ membershipId: await subjectMembership(cell), reason: 'Left the area.' })),
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: 'suspendMember',
    run: decide('suspendMember', 'SuspendMemberInput', async (cell) => ({ membershipId: await subjectMembership(cell), until: new Date(Date.now() + 86_400_000).toISOString(), reason: 'Cooling off.' })),
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: 'banMember',
    run: decide('banMember', 'BanMemberInput', async (cell) => ({ membershipId: await subjectMembership(cell), reason: 'Harassment.' })),
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: 'changeMembershipRole to PEER_FACILITATOR',
    run: decide('changeMembershipRole', 'ChangeMembershipRoleInput', async (cell) => ({ membershipId: await subjectMembership(cell), role: 'PEER_FACILITATOR' })),
    same: only(['professionalFacilitator', ...managers], 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'leaveGroup',
    run: decide('leaveGroup', 'LeaveGroupInput', async (cell) => ({ groupId: cell.groupId })),
    // Without a membership in the group there is nothing to leave: NotFound, in any institution.
    same: { ...only(['applicant', ...members], 'deny'), otherTenantMember: 'hidden', institutionAdmin: 'hidden' },
    other: { ...everyone('hidden'), guest: 'deny', serviceToken: 'deny' },
  },
  {
    name: 'setPseudonym',
    run: decide('setPseudonym', 'SetPseudonymInput', async (cell) => ({ groupId: cell.groupId, pseudonym: `Alias ${Math.random().toString(36).slice(2, 8)}` })),
    same: { ...only(['applicant', ...members], 'deny'), otherTenantMember: 'hidden', institutionAdmin: 'hidden' },
    other: { ...everyone('hidden'), guest: 'deny', serviceToken: 'deny' },
  },
  {
    name: "read a group's joinRequests",
    run: async ({ api, actor, groupId }) => {
      const result = await api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { joinRequests { edges { node { answers } } } } } }`, { id: groupId }, actor);
      if (!result.data?.node) return 'hidden';
      return result.data.node.joinRequests ? 'allow' : 'deny';
    },
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: 'list a PRIVATE group in groups()',
    run: async ({ api, db, actor, group, targetInstitution }) => {
      await db.updateTable('groups').set({ visibility: 'PRIVATE' }).where('id', '=', group.id).execute();
      // Walk every page: the institution holds a group per matrix cell by now.
      for (let after: string | null = null; ; ) {
        const result: { data?: Record<string, any> | null } = await api.graphql(
          `query($filter: GroupFilter, $after: String) { groups(filter: $filter, first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { filter: { institution: targetInstitution.row.slug }, after },
          actor,
        );
        const page = result.data?.groups;
        if (page?.edges.some((edge: { node: { id: string } }) => edge.node.id === globalId('Group', group.id))) return 'allow';
        if (!page?.pageInfo.hasNextPage) return 'hidden';
        after = page.pageInfo.endCursor;
      }
    },
    same: only(['applicant', ...members, ...managers], 'hidden'),
    other: everyone('hidden'),
  },
  {
    name: 'joinWaitlist (full group)',
    run: async (cell) => {
      await cell.db.updateTable('groups').set({ join_policy: 'OPEN', capacity: 2 }).where('id', '=', cell.group.id).execute();
      if (cell.role === 'otherTenantMember' || !['member', 'peerFacilitator', 'professionalFacilitator'].includes(cell.role)) {
        // fill the seats for cells where the roles' own memberships don't already
        await subjectMembership(cell);
        await subjectMembership(cell);
      }
      return decide('joinWaitlist', 'JoinWaitlistInput', async () => ({ groupId: cell.groupId }))(cell);
    },
    same: { guest: 'deny', otherTenantMember: 'deny', applicant: 'conflict', member: 'conflict', peerFacilitator: 'conflict', professionalFacilitator: 'conflict', institutionAdmin: 'allow', serviceToken: 'deny' },
    other: { ...everyone('deny'), otherTenantMember: 'allow' },
  },
  {
    name: 'reinstateMember (a suspended member)',
    run: decide('reinstateMember', 'ReinstateMemberInput', async (cell) => {
      const membershipId = await subjectMembership(cell);
      await cell.db.updateTable('memberships').set({ status: 'SUSPENDED', suspended_until: new Date(Date.now() + 86_400_000) }).where('id', '=', Buffer.from(membershipId, 'base64').toString().split(':')[1]!).execute();
      return { membershipId, reason: 'Welcome back.' };
    }),
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: 'revokeInvitation',
    run: decide('revokeInvitation', 'RevokeInvitationInput', async (cell) => {
      const invitation = await cell.db
        .insertInto('invitations')
        .values({ institution_id: cell.group.institution_id, group_id: cell.group.id, code: `matrix-${Math.random().toString(36).slice(2)}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { invitationId: globalId('Invitation', invitation.id) };
    }, ['Invitation']),
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: "read a membership's entry answers",
    run: async (cell) => {
      const membershipId = await subjectMembership(cell, { status: 'PENDING' });
      const result = await cell.api.graphql(`query($id: ID!) { node(id: $id) { ... on Membership { answers } } }`, { id: membershipId }, cell.actor);
      if (!result.data?.node) return 'hidden';
      return result.data.node.answers.length > 0 ? 'allow' : 'deny';
    },
    // A membership is seen by its member, the group's facilitators and managers; to anyone else it does not exist.
    same: only(facilitatorsAndManagers, 'hidden'),
    other: everyone('hidden'),
  },
  {
    name: "read a group's waitlist",
    run: async ({ api, actor, groupId }) => {
      const result = await api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { waitlist { edges { node { id } } } } } }`, { id: groupId }, actor);
      if (!result.data?.node) return 'hidden';
      return result.data.node.waitlist ? 'allow' : 'deny';
    },
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
];

const institutionAdminOperations: Operation[] = [
  {
    name: 'rotateSsoKey',
    run: async ({ api, actor }) => mutationOutcome(await api.graphql(`mutation { rotateSsoKey { __typename } }`, {}, actor), 'rotateSsoKey', ['RotateSsoKeyPayload']),
    same: only(managers, 'deny'),
    other: only(managers, 'deny'),
  },
  {
    name: 'createServiceToken',
    run: decide('createServiceToken', 'CreateServiceTokenInput', async () => ({ name: 'matrix' }), ['CreateServiceTokenPayload']),
    same: only(managers, 'deny'),
    other: only(managers, 'deny'),
  },
  {
    name: "setInstitutionAdmin on the target institution's member",
    run: async (cell) => {
      const subject = await createTestMember(cell.db, cell.targetInstitution);
      return decide('setInstitutionAdmin', 'SetInstitutionAdminInput', async () => ({ memberId: globalId('Member', subject.row.id), admin: true }), ['Member'])(cell);
    },
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
  {
    name: "read an institution's ssoKeys and serviceTokens",
    run: async ({ api, actor, targetInstitution }) => {
      const result = await api.graphql(`query($slug: String!) { institution(slug: $slug) { ssoKeys { kid } serviceTokens { name } } }`, { slug: targetInstitution.row.slug }, actor);
      if (!result.data?.institution) return 'hidden';
      const { ssoKeys, serviceTokens } = result.data.institution;
      if (ssoKeys && serviceTokens) return 'allow';
      if (!ssoKeys && !serviceTokens) return 'deny';
      throw new Error(`ssoKeys and serviceTokens disagree: ${JSON.stringify(result.data)}`);
    },
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'retireSsoKey (one of two)',
    run: async (cell) => {
      // A spare key in the target institution, so retiring it never leaves the institution without one.
      const kid = `spare-${Math.random().toString(36).slice(2, 8)}`;
      await cell.db.insertInto('sso_keys').values({ institution_id: cell.targetInstitution.row.id, kid, secret: 'spare-secret-spare-secret-spare-secret', algorithm: 'HS256' }).execute();
      return decide('retireSsoKey', 'RetireSsoKeyInput', async () => ({ kid }), ['SsoKey'])(cell);
    },
    same: only(managers, 'deny'),
    // Another institution's managers retire keys of their own institution only: the key is not found there.
    other: { ...everyone('deny'), institutionAdmin: 'hidden', serviceToken: 'hidden' },
  },
  {
    name: 'revokeServiceToken',
    run: async (cell) => {
      const token = await cell.db
        .insertInto('service_tokens')
        .values({ institution_id: cell.targetInstitution.row.id, name: 'spare', token_hash: `matrix-${Math.random().toString(36).slice(2)}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      return decide('revokeServiceToken', 'RevokeServiceTokenInput', async () => ({ serviceTokenId: globalId('ServiceToken', token.id) }), ['ServiceToken'])(cell);
    },
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
];

/** A post in the cell's target group by someone who holds none of the roles. */
async function subjectPost(cell: CellContext, options: { anonymous?: boolean; crisisCase?: boolean } = {}) {
  const author = await createTestMember(cell.db, cell.targetInstitution);
  await addTestMembership(cell.db, cell.group, author.row);
  const post = await cell.db
    .insertInto('posts')
    .values({
      institution_id: cell.group.institution_id,
      group_id: cell.group.id,
      author_id: author.row.id,
      anonymous: options.anonymous ?? false,
      title: 'A post in the matrix',
      body: 'Written by someone outside the roles.',
      content_warning: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let caseId: string | null = null;
  if (options.crisisCase) {
    const opened = await openOrUpdateModerationCase(cell.db, {
      institutionId: cell.group.institution_id,
      groupId: cell.group.id,
      subjectType: 'POST',
      subjectId: post.id,
      crisis: true,
      reasons: ['CRISIS'],
      reports: 1,
    });
    caseId = globalId('ModerationItem', opened.id);
  }
  return { postId: globalId('Post', post.id), caseId };
}

/** Reads a query result: a FORBIDDEN error, null or empty (hidden), or data. */
function queryOutcome(result: { data?: Record<string, any> | null; errors?: Array<{ extensions?: Record<string, any> }> }, hasData: (data: Record<string, any>) => boolean): Outcome {
  if (result.errors?.some((error) => error.extensions?.code === 'FORBIDDEN')) return 'deny';
  if (result.errors?.length) throw new Error(`unexpected errors ${JSON.stringify(result.errors)}`);
  return result.data && hasData(result.data) ? 'allow' : 'hidden';
}

const writers: Role[] = ['member', 'peerFacilitator', 'professionalFacilitator'];
/** Signed-in people of the first institution reach nothing of another's group: NotFound; others are refused. */
const elsewhereNotFound: Record<Role, Outcome> = { ...everyone('hidden'), guest: 'deny', serviceToken: 'deny' };

const conversationOperations: Operation[] = [
  {
    name: "read a group's posts (no public reading)",
    run: async (cell) => {
      await subjectPost(cell);
      const result = await cell.api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { posts { edges { node { title } } } } } }`, { id: cell.groupId }, cell.actor);
      return queryOutcome(result, (data) => (data.node?.posts?.edges.length ?? 0) > 0);
    },
    same: only([...writers, ...managers], 'hidden'),
    other: everyone('hidden'),
  },
  {
    name: 'read a PUBLIC group\'s posts with public reading on',
    run: async (cell) => {
      await cell.db.updateTable('groups').set({ public_reading: true }).where('id', '=', cell.group.id).execute();
      await subjectPost(cell);
      const result = await cell.api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { posts { edges { node { title } } } } } }`, { id: cell.groupId }, cell.actor);
      return queryOutcome(result, (data) => (data.node?.posts?.edges.length ?? 0) > 0);
    },
    same: everyone('allow'),
    other: everyone('allow'),
  },
  {
    name: 'createPost',
    run: decide('createPost', 'CreatePostInput', async (cell) => ({ groupId: cell.groupId, title: 'Hello', body: 'A first post.' }), ['CreatePostPayload']),
    same: only(writers, 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'createReply',
    run: decide('createReply', 'CreateReplyInput', async (cell) => ({ postId: (await subjectPost(cell)).postId, body: 'You are not alone.' }), ['CreateReplyPayload']),
    same: { ...only(writers, 'deny'), otherTenantMember: 'hidden', applicant: 'hidden' },
    other: elsewhereNotFound,
  },
  {
    name: 'react',
    run: decide('react', 'ReactInput', async (cell) => ({ subjectId: (await subjectPost(cell)).postId, kind: 'HUG', on: true }), ['Post']),
    same: { ...only(writers, 'deny'), otherTenantMember: 'hidden', applicant: 'hidden' },
    other: elsewhereNotFound,
  },
  {
    name: "editPost (someone else's)",
    run: decide('editPost', 'EditPostInput', async (cell) => ({ postId: (await subjectPost(cell)).postId, body: 'Rewritten by someone else.' }), ['EditPostPayload']),
    same: { ...everyone('deny'), otherTenantMember: 'hidden', applicant: 'hidden' },
    other: elsewhereNotFound,
  },
  {
    name: "deletePost (someone else's)",
    run: decide('deletePost', 'DeletePostInput', async (cell) => ({ postId: (await subjectPost(cell)).postId }), ['Post']),
    same: { ...everyone('deny'), otherTenantMember: 'hidden', applicant: 'hidden' },
    other: elsewhereNotFound,
  },
  {
    name: 'report',
    run: decide('report', 'ReportInput', async (cell) => ({ subjectId: (await subjectPost(cell)).postId, reason: 'HARASSMENT', note: 'Unkind.' }), ['Report']),
    same: { ...only(writers, 'deny'), otherTenantMember: 'hidden' },
    // At home, otherTenantMember holds no membership in the group: refused; the first institution's people find nothing.
    other: { ...elsewhereNotFound, otherTenantMember: 'deny' },
  },
  {
    name: 'moderate (HIDE a post)',
    run: decide('moderate', 'ModerateInput', async (cell) => ({ subjectId: (await subjectPost(cell)).postId, action: 'HIDE', reason: 'Off topic.' }), ['ModerationAction']),
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: "read a group's moderation queue",
    run: async (cell) => {
      await subjectPost(cell, { crisisCase: true });
      const result = await cell.api.graphql(`query($groupId: ID) { moderationQueue(groupId: $groupId) { edges { node { crisis } } } }`, { groupId: cell.groupId }, cell.actor);
      return queryOutcome(result, (data) => data.moderationQueue.edges.length > 0);
    },
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: "read a group's audit log",
    run: async (cell) => {
      const result = await cell.api.graphql(`query($groupId: ID) { auditLog(groupId: $groupId) { edges { node { id } } } }`, { groupId: cell.groupId }, cell.actor);
      return queryOutcome(result, (data) => Array.isArray(data.auditLog.edges));
    },
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: 'acknowledgeModerationItem (crisis case)',
    run: async (cell) => {
      const { caseId } = await subjectPost(cell, { crisisCase: true });
      return decide('acknowledgeModerationItem', 'AcknowledgeModerationItemInput', async () => ({ itemId: caseId }), ['ModerationItem'])(cell);
    },
    // A person acknowledges (it names who is on it): not a service token.
    same: only(['peerFacilitator', 'professionalFacilitator', 'institutionAdmin'], 'deny'),
    other: everyone('deny'),
  },
  {
    name: "read a queue item's risk level, warning signs and acknowledgement",
    run: async (cell) => {
      await subjectPost(cell, { crisisCase: true });
      const result = await cell.api.graphql(
        `query($groupId: ID) { moderationQueue(groupId: $groupId) { edges { node { riskLevel warningSigns acknowledgedAt acknowledgedBy { id } waitingSince } } } }`,
        { groupId: cell.groupId },
        cell.actor,
      );
      return queryOutcome(result, (data) => data.moderationQueue.edges.some((edge: any) => edge.node.riskLevel === 'HIGH' && edge.node.waitingSince));
    },
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  ...(['PROFESSIONAL', 'PEER_LED'] as const).map((facilitation): Operation => ({
    name: `revealAnonymousAuthor (crisis case, revealable ${facilitation} group)`,
    run: async (cell) => {
      await cell.db.updateTable('groups').set({ anonymity_policy: 'ANONYMOUS_REVEALABLE_IN_CRISIS', facilitation }).where('id', '=', cell.group.id).execute();
      const { postId, caseId } = await subjectPost(cell, { anonymous: true, crisisCase: true });
      return decide('revealAnonymousAuthor', 'RevealAnonymousAuthorInput', async () => ({ subjectId: postId, caseId, reason: 'Crisis report: checking in.' }), ['RevealedAuthor'])(cell);
    },
    // The group's anonymity rule (anonymity-policy.ts): a peer-led group has admins only; a person, never a token.
    same: only(facilitation === 'PROFESSIONAL' ? ['professionalFacilitator', 'institutionAdmin'] : ['institutionAdmin'], 'deny'),
    other: everyone('deny'),
  })),
];

const safetyAdminOperations: Operation[] = [
  {
    name: 'setCrisisResources',
    run: decide('setCrisisResources', 'SetCrisisResourcesInput', async () => ({ locale: 'en', resources: [{ name: 'Clinic line', phone: '+44 20 7946 0000' }] }), ['SetCrisisResourcesPayload']),
    // Acts on the actor's own institution, whichever group the cell targets.
    same: only(managers, 'deny'),
    other: only(managers, 'deny'),
  },
  {
    name: 'addWordListEntry',
    run: decide('addWordListEntry', 'AddWordListEntryInput', async () => ({ phrase: `matrix ${Math.random().toString(36).slice(2, 8)}`, action: 'HOLD' }), ['WordListEntry']),
    same: only(managers, 'deny'),
    other: only(managers, 'deny'),
  },
  {
    name: 'removeWordListEntry',
    run: async (cell) => {
      const entry = await cell.db
        .insertInto('word_list_entries')
        .values({ institution_id: cell.targetInstitution.row.id, phrase: 'spare', normalized_phrase: `spare ${Math.random().toString(36).slice(2)}`, action: 'HOLD' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return decide('removeWordListEntry', 'RemoveWordListEntryInput', async () => ({ entryId: globalId('WordListEntry', entry.id) }), ['WordListEntry'])(cell);
    },
    same: only(managers, 'deny'),
    // Another institution's managers look in their own list: the entry is not there.
    other: { ...everyone('deny'), institutionAdmin: 'hidden', serviceToken: 'hidden' },
  },
  {
    name: "read an institution's word list",
    run: async ({ api, actor, targetInstitution }) => {
      const result = await api.graphql(`query($slug: String!) { institution(slug: $slug) { wordListEntries { edges { node { phrase } } } } }`, { slug: targetInstitution.row.slug }, actor);
      if (!result.data?.institution) return 'hidden';
      return result.data.institution.wordListEntries ? 'allow' : 'deny';
    },
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
];

/** Identity (issue 8): how members appear in a group, and the standing fields widgets read instead of roles. */
const identityOperations: Operation[] = [
  {
    name: 'joinGroup (OPEN) with an appearance',
    run: async (cell) => {
      await cell.db.updateTable('groups').set({ join_policy: 'OPEN' }).where('id', '=', cell.group.id).execute();
      return decide('joinGroup', 'JoinGroupInput', async () => ({ groupId: cell.groupId, appearance: { kind: 'NAME' } }))(cell);
    },
    same: { guest: 'deny', otherTenantMember: 'deny', applicant: 'conflict', member: 'conflict', peerFacilitator: 'conflict', professionalFacilitator: 'conflict', institutionAdmin: 'allow', serviceToken: 'deny' },
    other: { ...everyone('deny'), otherTenantMember: 'allow' },
  },
  {
    name: 'setGroupAppearance',
    run: decide('setGroupAppearance', 'SetGroupAppearanceInput', async (cell) => ({
      groupId: cell.groupId,
      appearance: { kind: 'PSEUDONYM', pseudonym: `Alias ${Math.random().toString(36).slice(2, 8)}` },
    })),
    same: { ...only(['applicant', ...members], 'deny'), otherTenantMember: 'hidden', institutionAdmin: 'hidden' },
    other: { ...everyone('hidden'), guest: 'deny', serviceToken: 'deny' },
  },
  {
    name: "read another member's Membership.appearance",
    run: async (cell) => {
      const id = await subjectMembership(cell);
      const result = await cell.api.graphql(`query($id: ID!) { node(id: $id) { ... on Membership { appearance { kind } } } }`, { id }, cell.actor);
      return result.data?.node?.appearance ? 'allow' : 'hidden';
    },
    same: only(facilitatorsAndManagers, 'hidden'),
    other: everyone('hidden'),
  },
  {
    name: 'read own Membership.appearance (viewerMembership)',
    run: async ({ api, actor, groupId }) => {
      const result = await api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { viewerMembership { appearance { kind pseudonym } } } } }`, { id: groupId }, actor);
      return result.data?.node?.viewerMembership?.appearance ? 'allow' : 'hidden';
    },
    same: only(['applicant', ...members], 'hidden'),
    other: everyone('hidden'),
  },
  {
    name: 'Group.suggestedPseudonym',
    run: async ({ api, actor, groupId }) => {
      const result = await api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { suggestedPseudonym } } }`, { id: groupId }, actor);
      return result.data?.node?.suggestedPseudonym ? 'allow' : 'hidden';
    },
    // Signed-in people of the group's institution, who could join it; nobody else gets a name to take.
    same: only(['applicant', ...members, 'institutionAdmin'], 'hidden'),
    other: { ...everyone('hidden'), otherTenantMember: 'allow' },
  },
  {
    name: 'Group.postsReadableBy',
    run: async ({ api, actor, groupId }) => {
      const result = await api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { postsReadableBy } } }`, { id: groupId }, actor);
      return result.data?.node?.postsReadableBy ? 'allow' : 'hidden';
    },
    same: everyone('allow'),
    other: everyone('allow'),
  },
  {
    name: 'Group.viewerCanModerate (true = allow, false = deny)',
    run: async ({ api, actor, groupId }) => {
      const result = await api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { viewerCanModerate } } }`, { id: groupId }, actor);
      const answer = result.data?.node?.viewerCanModerate;
      if (answer === undefined || answer === null) return 'hidden';
      return answer ? 'allow' : 'deny';
    },
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
];

/** Every operation of the API so far. */
const operations: Operation[] = [
  ...groupOperations,
  ...profileOperations,
  ...membershipOperations,
  ...institutionAdminOperations,
  ...conversationOperations,
  ...safetyAdminOperations,
  ...identityOperations,
];

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
            expect(observed, `observed ${JSON.stringify(observed)}`).toEqual(operation[tenant]);
          });
        }
      });
    }
  });
}

describeMatrix('authorization matrix', operations);
