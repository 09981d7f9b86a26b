import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { addTestMembership } from '../../../test-support/factories.js';
import { createTestContext } from '../../../test-support/test-context.js';
import type { GroupRole, MembershipStatus } from '../../db/tables.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';
import { openOrUpdateModerationCase } from '../moderation/moderation-cases.queries.js';
import {
  facilitatorMembershipSql,
  holdsSeat,
  holdsSeatSql,
  isFacilitatorMembership,
  isMembershipInForce,
  membershipInForceSql,
  professionalFacilitatorMembershipSql,
  isProfessionalFacilitatorMembership,
} from './membership-standing.queries.js';

/**
 * The standing rules, on every path that asks them. The case that drifted before they had one home: a facilitator
 * whose suspension has ended counted for access checks but not for member profiles, the facilitators list or
 * the moderation widget. Each path is asked for three facilitators: one whose suspension ended, one still
 * suspended, one ACTIVE (the control), so a path that ignores the rule fails one way or the other.
 */

const hour = 60 * 60 * 1000;

const facilitatorView = /* GraphQL */ `
  query Standing($groupId: ID!, $memberId: ID!) {
    group: node(id: $groupId) {
      ... on Group {
        viewerCanModerate
        viewerCanPost
        joinRequests(first: 5) { edges { node { id } } }
        facilitators { name }
      }
    }
    member: node(id: $memberId) { ... on Member { displayName memberships(first: 5) { edges { node { id } } } } }
    moderationQueue(first: 5) { edges { node { id } } }
  }
`;

const groupQueue = /* GraphQL */ `
  query GroupQueue($groupId: ID!) { moderationQueue(groupId: $groupId, first: 5) { edges { node { id } } } }
`;

const createPost = /* GraphQL */ `
  mutation Post($groupId: ID!) {
    createPost(input: { groupId: $groupId, title: "Checking in", body: "Back after a break." }) {
      __typename
      ... on CreatePostPayload { post { id } }
      ... on ForbiddenError { message }
    }
  }
`;

describeEachDatabase('standing rules', (api) => {
  /** A group of an institution of its own: a member with a reported post, an applicant, and three facilitators. */
  async function scene() {
    const t = await createTestContext(api());
    const { group, member } = await t.groupWith(
      { member: { name: 'Rana Member' }, applicant: { name: 'Sami Applicant', status: 'PENDING', answers: [] } },
      { join_policy: 'APPROVAL' },
    );
    const post = await t.post(group, member, { title: 'A reported post', body: 'Something to moderate.' });
    await openOrUpdateModerationCase(t.db, { institutionId: t.institution.row.id, groupId: group.id, subjectType: 'POST', subjectId: post.id, reasons: ['OTHER'], reports: 1 });

    async function facilitator(name: string, status: MembershipStatus, suspendedUntil: Date | null, role: GroupRole = 'PEER_FACILITATOR') {
      const person = await t.member({ name });
      const row = await addTestMembership(t.db, group, person.row, { role, status });
      await sql`update memberships set suspended_until = ${suspendedUntil} where id = ${row.id}`.execute(t.db);
      return person;
    }
    return {
      groupId: globalId('Group', group.id),
      memberId: globalId('Member', member.row.id),
      group,
      ended: await facilitator('Ended Suspension', 'SUSPENDED', new Date(Date.now() - hour)),
      suspended: await facilitator('Still Suspended', 'SUSPENDED', new Date(Date.now() + hour)),
      active: await facilitator('Always Active', 'ACTIVE', null),
    };
  }

  async function viewAs(token: string, ids: { groupId: string; memberId: string }) {
    const response = await api().graphql(facilitatorView, ids, { token });
    expect(response.errors).toBeUndefined();
    const data = response.data as any;
    return {
      viewerCanModerate: data.group.viewerCanModerate as boolean,
      viewerCanPost: data.group.viewerCanPost as boolean,
      accessCheck: data.group.joinRequests !== null,
      listedAsFacilitator: (data.group.facilitators as Array<{ name: string }>).map((entry) => entry.name),
      memberProfile: data.member?.displayName ?? null,
      memberMemberships: data.member?.memberships.edges.length ?? 0,
      queue: data.moderationQueue.edges.length as number,
      groupQueue: ((await api().graphql(groupQueue, { groupId: ids.groupId }, { token })).data as any)?.moderationQueue?.edges.length ?? null,
    };
  }

  it('a facilitator whose suspension has ended is a facilitator on every path', async () => {
    const { ended, active, ...ids } = await scene();
    for (const person of [ended, active]) {
      const view = await viewAs(person.token, ids);
      expect(view).toMatchObject({
        viewerCanModerate: true,
        viewerCanPost: true,
        accessCheck: true,
        memberProfile: 'Rana Member',
        memberMemberships: 1,
        queue: 1,
        groupQueue: 1,
      });
      expect(view.listedAsFacilitator).toHaveLength(2);
    }
    const posted = await api().graphql(createPost, { groupId: ids.groupId }, { token: ended.token });
    expect((posted.data as any).createPost.__typename).toBe('CreatePostPayload');
  });

  it('a facilitator still suspended is one on no path, and cannot post', async () => {
    const { suspended, ...ids } = await scene();
    const view = await viewAs(suspended.token, ids);
    expect(view).toMatchObject({
      viewerCanModerate: false,
      viewerCanPost: false,
      accessCheck: false,
      memberProfile: null,
      memberMemberships: 0,
      queue: 0,
      groupQueue: null,
    });
    expect(view.listedAsFacilitator).toHaveLength(2);
    const refused = await api().graphql(groupQueue, { groupId: ids.groupId }, { token: suspended.token });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const posted = await api().graphql(createPost, { groupId: ids.groupId }, { token: suspended.token });
    expect((posted.data as any).createPost.__typename).toBe('ForbiddenError');
  });

  it('the SQL form of each rule agrees with the TypeScript one on every status, role and suspension', async () => {
    const t = await createTestContext(api());
    const group = await t.group();
    const statuses: MembershipStatus[] = ['PENDING', 'ACTIVE', 'WAITLISTED', 'REJECTED', 'LEFT', 'SUSPENDED', 'BANNED'];
    const roles: GroupRole[] = ['MEMBER', 'PEER_FACILITATOR', 'PROFESSIONAL_FACILITATOR'];
    const suspensions = [null, new Date(Date.now() - hour), new Date(Date.now() + hour)];
    for (const status of statuses) {
      for (const role of roles) {
        for (const until of suspensions) {
          const person = await t.member();
          const row = await addTestMembership(t.db, group, person.row, { role, status });
          await sql`update memberships set suspended_until = ${until} where id = ${row.id}`.execute(t.db);
          const stored = await t.db
            .selectFrom('memberships as m')
            .selectAll('m')
            .select([
              holdsSeatSql('m').as('seat'),
              membershipInForceSql('m').as('in_force'),
              facilitatorMembershipSql('m').as('facilitator'),
              professionalFacilitatorMembershipSql('m').as('professional'),
            ])
            .where('m.id', '=', row.id)
            .executeTakeFirstOrThrow();
          const label = `${status} ${role} ${until?.toISOString() ?? 'no suspension'}`;
          expect({ label, seat: Boolean(stored.seat) }).toEqual({ label, seat: holdsSeat(stored) });
          expect({ label, inForce: Boolean(stored.in_force) }).toEqual({ label, inForce: isMembershipInForce(stored) });
          expect({ label, facilitator: Boolean(stored.facilitator) }).toEqual({ label, facilitator: isFacilitatorMembership(stored) });
          expect({ label, professional: Boolean(stored.professional) }).toEqual({ label, professional: isProfessionalFacilitatorMembership(stored) });
        }
      }
    }
  });
});

describe('standing rules without a database', () => {
  it('an ended suspension is in force; one still running is not; neither loses the seat', () => {
    const ended = { status: 'SUSPENDED' as const, suspended_until: new Date(Date.now() - 1000), role: 'PEER_FACILITATOR' as const };
    const running = { ...ended, suspended_until: new Date(Date.now() + hour) };
    expect([isMembershipInForce(ended), isFacilitatorMembership(ended), holdsSeat(ended)]).toEqual([true, true, true]);
    expect([isMembershipInForce(running), isFacilitatorMembership(running), holdsSeat(running)]).toEqual([false, false, true]);
  });
});
