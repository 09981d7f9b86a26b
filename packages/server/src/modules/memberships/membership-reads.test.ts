import { describe, expect, it } from 'vitest';
import { addTestMembership } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';
import { membershipMutations, membershipSuite } from './memberships-test-fixtures.js';

const { joinGroup } = membershipMutations;

/** Reading memberships: who sees which, paging join requests, and the statements it takes. */
describeEachDatabase('memberships: reading', (api) => {
  const t = withTestInstitution(api);
  const { groupId, result, facilitatedGroup } = membershipSuite(t);

  describe('reading memberships', () => {
    it('shows a membership to its member and the group facilitators, never to other members', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'APPROVAL', entry_questions: ['Why?'] });
      const applicant = await t.member();
      const pending = await result(joinGroup, { groupId: groupId(row), answers: ['Private reasons.'] }, applicant.token);
      const otherMember = await t.join(row);
      const read = (token?: string) =>
        api().graphql(`query($id: ID!) { node(id: $id) { ... on Membership { answers member { displayName } } } }`, { id: pending.id }, { token });
      const expected = { answers: ['Private reasons.'], member: { displayName: applicant.row.display_name } };
      expect((await read(applicant.token)).data?.node).toEqual(expected);
      expect((await read(facilitator.token)).data?.node).toEqual(expected);
      expect((await read(t.admin.token)).data?.node).toEqual(expected);
      expect((await read(otherMember.token)).data?.node).toBeNull();
      expect((await read()).data?.node).toBeNull();
    });

    it("lists a member's memberships to a facilitator only in the groups they facilitate", async () => {
      const { group: supportGroup, facilitator } = await facilitatedGroup();
      const privateGroup = await t.group();
      const person = await t.member();
      await result(joinGroup, { groupId: groupId(supportGroup) }, person.token);
      await result(joinGroup, { groupId: groupId(privateGroup) }, person.token);
      const query = `query($id: ID!) { node(id: $id) { ... on Member { memberships { edges { node { group { id } } } } } } }`;
      const groupsSeen = async (token: string) =>
        ((await api().graphql(query, { id: globalId('Member', person.row.id) }, { token })).data?.node.memberships.edges ?? []).map((edge: any) => edge.node.group.id);
      expect(await groupsSeen(facilitator.token)).toEqual([groupId(supportGroup)]);
      expect(await groupsSeen(person.token)).toEqual([groupId(supportGroup), groupId(privateGroup)]);
      expect(await groupsSeen(t.admin.token)).toEqual([groupId(supportGroup), groupId(privateGroup)]);
    });

    it('pages join requests by cursor without repeating or skipping anyone', async () => {
      const { group: row, facilitator } = await facilitatedGroup({ join_policy: 'APPROVAL', entry_questions: ['Why?'] });
      const applicants = [];
      for (let index = 0; index < 5; index += 1) {
        const applicant = await t.member();
        applicants.push(applicant);
        // Half through the factory (timestamps from the database clock), half through the API.
        if (index % 2 === 0) await addTestMembership(t.db, row, applicant.row, { status: 'PENDING', answers: [`#${index}`] });
        else await result(joinGroup, { groupId: groupId(row), answers: [`#${index}`] }, applicant.token);
      }
      const page = `query($id: ID!, $after: String) { node(id: $id) { ... on Group { joinRequests(first: 2, after: $after) { edges { node { answers } } pageInfo { hasNextPage endCursor } } } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 5; guard += 1) {
        const response: { data?: Record<string, any> } = await api().graphql(page, { id: groupId(row), after }, { token: facilitator.token });
        const connection: { edges: any[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = response.data?.node.joinRequests;
        seen.push(...connection.edges.map((edge: any) => edge.node.answers[0]));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      // PGlite's clock ticks in milliseconds, so two requests may share a time; ties are ordered by id, the same way
      // on every page, so paging must give exactly the one-page list.
      const whole = await api().graphql(page.replace('first: 2', 'first: 10'), { id: groupId(row) }, { token: facilitator.token });
      expect(seen).toEqual(whole.data?.node.joinRequests.edges.map((edge: any) => edge.node.answers[0]));
      expect([...seen].sort()).toEqual(['#0', '#1', '#2', '#3', '#4']);
      const badCursor = await api().graphql(page, { id: groupId(row), after: 'bm90LWEtY3Vyc29y' }, { token: facilitator.token });
      expect(badCursor.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    });

    it('loads memberships with their groups, members and waitlist places in a fixed number of statements', async () => {
      const statementsFor = async (groupCount: number) => {
        const person = await t.member();
        for (let index = 0; index < groupCount; index += 1) {
          const { group: row } = await facilitatedGroup({ join_policy: 'APPROVAL', entry_questions: ['Why?'] });
          await result(joinGroup, { groupId: groupId(row), answers: ['Hello.'] }, person.token);
        }
        const response = await api().graphql(
          `{ me { memberships(first: 20) { edges { node { status waitlistPosition member { displayName } group { name viewerMembership { status } } } } } } }`,
          {},
          { token: person.token },
        );
        expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
        expect(response.data?.me.memberships.edges).toHaveLength(groupCount);
        return response.statements;
      };
      expect(await statementsFor(5)).toBe(await statementsFor(2));
    });

    it("batches the join requests of a facilitator's groups into one statement", async () => {
      const statementsFor = async (groupCount: number) => {
        const facilitator = await t.member();
        for (let index = 0; index < groupCount; index += 1) {
          const row = await t.group({ join_policy: 'APPROVAL', entry_questions: ['Why?'] });
          await addTestMembership(t.db, row, facilitator.row, { role: 'PEER_FACILITATOR' });
          await addTestMembership(t.db, row, (await t.member()).row, { status: 'PENDING', answers: ['Hello.'] });
        }
        const response = await api().graphql(
          `{ me { memberships { edges { node { group { joinRequests { edges { node { answers } } } } } } } } }`,
          {},
          { token: facilitator.token },
        );
        expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
        const requests = response.data?.me.memberships.edges.map((edge: any) => edge.node.group.joinRequests.edges.length);
        expect(requests).toEqual(Array.from({ length: groupCount }, () => 1));
        return response.statements;
      };
      expect(await statementsFor(4)).toBe(await statementsFor(1));
    });
  });
});
