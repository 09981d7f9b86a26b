import { decide, denyAllButFacilitatorsAndManagers, everyone, facilitatorsAndManagers, managers, members, only, readGroupField, readRestrictedGroupField, type Operation, subjectMembership } from '../../test-support/authorization-matrix.js';
import { generateInvitationCode } from '../modules/memberships/invitations.js';
import { encodeGlobalId as globalId } from '../schema/global-ids.js';

/** Joining, leaving, requests, invitations, waitlists and what facilitators do to memberships. */
export const membershipOperations: Operation[] = [
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
    run: readRestrictedGroupField('joinRequests', '{ edges { node { answers } } }'),
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
    run: readRestrictedGroupField('waitlist', '{ edges { node { id } } }'),
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: 'invitation(code) preview of a PRIVATE group',
    run: async (cell) => {
      await cell.db.updateTable('groups').set({ visibility: 'PRIVATE' }).where('id', '=', cell.group.id).execute();
      const code = generateInvitationCode();
      await cell.db.insertInto('invitations').values({ institution_id: cell.group.institution_id, group_id: cell.group.id, code }).execute();
      const result = await cell.api.graphql(`query($code: String!) { invitation(code: $code) { groupName } }`, { code }, cell.actor);
      return result.data?.invitation?.groupName ? 'allow' : 'hidden';
    },
    // The code is the key: whoever holds it sees where it leads (joining stays within the viewer's institution).
    same: everyone('allow'),
    other: everyone('allow'),
  },
];

/** Identity (issue 8): how members appear in a group, and the standing fields widgets read instead of roles. */
export const identityOperations: Operation[] = [
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
    run: readGroupField('suggestedPseudonym'),
    // Signed-in people of the group's institution, who could join it; nobody else gets a name to take.
    same: only(['applicant', ...members, 'institutionAdmin'], 'hidden'),
    other: { ...everyone('hidden'), otherTenantMember: 'allow' },
  },
  {
    name: 'Group.postsReadableBy',
    run: readGroupField('postsReadableBy'),
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
