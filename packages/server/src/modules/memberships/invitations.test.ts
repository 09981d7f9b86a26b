import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { mutationDocument } from '../../../test-support/test-documents.js';
import { membershipMutations, membershipSuite, inTwoDays } from './memberships-test-fixtures.js';

const { joinGroup } = membershipMutations;

const invitationFields = '... on Invitation { id code expiresAt maxUses useCount revokedAt valid }';
const createInvitation = mutationDocument('createInvitation', 'CreateInvitationInput', invitationFields);
const revokeInvitation = mutationDocument('revokeInvitation', 'RevokeInvitationInput', invitationFields);
const previewInvitation = `query($code: String!) { invitation(code: $code) { groupId groupName groupDescription facilitation joinPolicy expired valid problem } }`;

/** INVITE_ONLY groups: creating, previewing, using and revoking invitations. */
describeEachDatabase('memberships: invitations', (api) => {
  const t = withTestInstitution(api);
  const { groupId, result, membershipRows, facilitatedGroup } = membershipSuite(t);

  describe('INVITE_ONLY groups and invitations', () => {
    it('refuse people without a code', async () => {
      const row = await t.group({ join_policy: 'INVITE_ONLY' });
      const refused = await result(joinGroup, { groupId: groupId(row) }, (await t.member()).token);
      expect(refused).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('invitation only') });
      expect(await membershipRows(row)).toHaveLength(0);
    });

    it('are created by facilitators (long random codes), not by members, and previewed by anyone holding the code', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'INVITE_ONLY', visibility: 'PRIVATE', name: 'Carers after stroke' });
      const plain = await t.join(row);
      expect((await result(createInvitation, { groupId: groupId(row) }, plain.token)).__typename).toBe('ForbiddenError');

      const created = await result(createInvitation, { groupId: groupId(row), maxUses: 3, expiresAt: inTwoDays() }, facilitator.token);
      expect(created).toMatchObject({ __typename: 'Invitation', maxUses: 3, useCount: 0, revokedAt: null, valid: true });
      expect(created.code).toMatch(/^[A-Za-z0-9_-]{16,}$/);
      const another = await result(createInvitation, { groupId: groupId(row) }, facilitator.token);
      expect(another.code).not.toBe(created.code);

      const preview = await api().graphql(previewInvitation, { code: created.code });
      expect(preview.data?.invitation).toEqual({
        groupId: groupId(row),
        groupName: 'Carers after stroke',
        groupDescription: row.description,
        facilitation: 'PEER_LED',
        joinPolicy: 'INVITE_ONLY',
        expired: false,
        valid: true,
        problem: null,
      });
      const unknown = await api().graphql(previewInvitation, { code: 'x'.repeat(24) });
      expect(unknown.data?.invitation).toBeNull();
      const list = await api().graphql(`query($id: ID!) { node(id: $id) { ... on Group { invitations { edges { node { code } } } } } }`, { id: groupId(row) }, { token: facilitator.token });
      expect(list.data?.node.invitations.edges.map((edge: any) => edge.node.code)).toEqual([another.code, created.code]);
    });

    it('let a holder join a private group at once, counting each use', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'INVITE_ONLY', visibility: 'PRIVATE' });
      const invitation = await result(createInvitation, { groupId: groupId(row), maxUses: 2 }, facilitator.token);
      const invitee = await t.member();
      const joined = await result(joinGroup, { groupId: groupId(row), inviteCode: invitation.code }, invitee.token);
      expect(joined).toMatchObject({ status: 'ACTIVE', group: { name: row.name } });
      const stored = await t.db.selectFrom('invitations').select('use_count').where('code', '=', invitation.code).executeTakeFirstOrThrow();
      expect(stored.use_count).toBe(1);
    });

    it('refuse expired, revoked and used-up codes, and codes of another group, writing nothing', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'INVITE_ONLY' });
      const expired = await result(createInvitation, { groupId: groupId(row), expiresAt: inTwoDays() }, facilitator.token);
      await t.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('code', '=', expired.code).execute();
      const revoked = await result(createInvitation, { groupId: groupId(row) }, facilitator.token);
      const revokedResult = await result(revokeInvitation, { invitationId: revoked.id }, facilitator.token);
      expect(revokedResult.revokedAt).toEqual(expect.any(String));
      const single = await result(createInvitation, { groupId: groupId(row), maxUses: 1 }, facilitator.token);
      await result(joinGroup, { groupId: groupId(row), inviteCode: single.code }, (await t.member()).token);
      const { group: otherGroup, facilitator: otherFacilitator } = await facilitatedGroup({ join_policy: 'INVITE_ONLY' });
      const foreignCode = await result(createInvitation, { groupId: groupId(otherGroup) }, otherFacilitator.token);

      const person = await t.member();
      const before = await membershipRows(row);
      const cases: Array<[string, string]> = [
        [expired.code, 'expired'],
        [revoked.code, 'withdrawn'],
        [single.code, 'used up'],
        [foreignCode.code, 'not valid for this group'],
      ];
      for (const [code, message] of cases) {
        const refused = await result(joinGroup, { groupId: groupId(row), inviteCode: code }, person.token);
        expect(refused).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining(message) });
      }
      expect(await membershipRows(row)).toEqual(before);
      const counts = await t.db.selectFrom('invitations').select(['code', 'use_count']).where('group_id', '=', row.id).execute();
      expect(Object.fromEntries(counts.map((c) => [c.code, c.use_count]))).toMatchObject({ [expired.code]: 0, [revoked.code]: 0, [single.code]: 1 });

      const preview = await api().graphql(previewInvitation, { code: expired.code });
      expect(preview.data?.invitation).toMatchObject({ expired: true, valid: false, problem: 'This invitation has expired.' });
    });

    it('are revoked by facilitators only', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'INVITE_ONLY' });
      const invitation = await result(createInvitation, { groupId: groupId(row) }, facilitator.token);
      const plain = await t.join(row);
      expect((await result(revokeInvitation, { invitationId: invitation.id }, plain.token)).__typename).toBe('ForbiddenError');
      const stored = await t.db.selectFrom('invitations').select('revoked_at').where('code', '=', invitation.code).executeTakeFirstOrThrow();
      expect(stored.revoked_at).toBeNull();
    });

    it('must expire in the future and allow at least one use', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'INVITE_ONLY' });
      const invalid = await result(createInvitation, { groupId: groupId(row), expiresAt: new Date(Date.now() - 60_000).toISOString(), maxUses: 0 }, facilitator.token);
      expect(invalid.__typename).toBe('ValidationError');
      expect(invalid.fields.map((field: { path: string[] }) => field.path.join('.')).sort()).toEqual(['input.expiresAt', 'input.maxUses']);
    });
  });
});
