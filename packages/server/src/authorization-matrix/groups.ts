import { decide, everyone, facilitatorsAndManagers, managers, only, readGroupField, type Operation } from '../../test-support/authorization-matrix.js';
import { encodeGlobalId as globalId } from '../schema/global-ids.js';

/** Groups: reading them by id, creating, changing and archiving them (the matrix's cells, run by authorization.matrix.test.ts). */
export const groupOperations: Operation[] = [
  {
    name: 'read a PUBLIC group by node(id)',
    run: readGroupField('name'),
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
    run: decide(
      'createGroup',
      'CreateGroupInput',
      async () => ({ slug: `matrix-${Math.random().toString(36).slice(2, 10)}`, name: 'Matrix group', languages: ['en'], facilitation: 'PEER_LED', visibility: 'PUBLIC', joinPolicy: 'OPEN' }),
      ['Group'],
    ),
    // createGroup always acts in the actor's own institution, so the tenant column is the same.
    same: only(managers, 'deny'),
    other: only(managers, 'deny'),
  },
  {
    name: 'updateGroup description',
    run: decide('updateGroup', 'UpdateGroupInput', async ({ groupId }) => ({ groupId, description: 'Changed in the matrix.' }), ['Group']),
    same: only(facilitatorsAndManagers, 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'updateGroup visibility',
    run: decide('updateGroup', 'UpdateGroupInput', async ({ groupId }) => ({ groupId, visibility: 'UNLISTED' }), ['Group']),
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'updateGroup capacity',
    run: decide('updateGroup', 'UpdateGroupInput', async ({ groupId }) => ({ groupId, capacity: 30 }), ['Group']),
    same: only(['professionalFacilitator', ...managers], 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'archiveGroup',
    run: decide('archiveGroup', 'ArchiveGroupInput', async ({ groupId }) => ({ groupId }), ['Group']),
    same: only(managers, 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'read a PUBLIC group by group(slug)',
    run: async ({ api, actor, group }) => {
      const result = await api.graphql(`query($slug: String!) { group(slug: $slug) { name } }`, { slug: group.slug }, actor);
      return result.data?.group?.name ? 'allow' : 'hidden';
    },
    // A slug is looked up in the viewer's own institution: another institution's group by that slug is not there.
    same: { ...everyone('allow'), otherTenantMember: 'hidden' },
    other: { ...everyone('hidden'), otherTenantMember: 'allow' },
  },
  {
    name: 'read a PRIVATE group by group(slug)',
    run: async ({ api, db, actor, group }) => {
      await db.updateTable('groups').set({ visibility: 'PRIVATE' }).where('id', '=', group.id).execute();
      const result = await api.graphql(`query($slug: String!) { group(slug: $slug) { name } }`, { slug: group.slug }, actor);
      return result.data?.group?.name ? 'allow' : 'hidden';
    },
    same: only(['applicant', 'member', ...facilitatorsAndManagers], 'hidden'),
    other: everyone('hidden'),
  },
];
