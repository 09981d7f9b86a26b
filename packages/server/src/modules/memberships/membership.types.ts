import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { GroupRow, MembershipRow, MembershipStatus } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import type { HearthContext } from '../../schema/context.js';
import type { ConnectionArgs } from '../../schema/keyset-pagination.js';
import { memberTime } from '../../schema/member-times.js';
import { GroupNode } from '../groups/group.types.js';
import { MemberNode } from '../members/member.types.js';
import { connectionsByParent, readRowPage } from './membership-pages.js';
import { isMembershipInForce } from './membership-standing.queries.js';
import { findMembershipPages, findMembershipsByIds, findWaitlistPositions, type MembershipPageQuery } from './membership.queries.js';
import { isOwnMembership, membershipListViewer, membershipVisibleTo } from './membership.rules.js';
import type { SeatChangeResult } from './seats.js';
import { GroupAppearanceType } from './appearance.types.js';

/**
 * The Membership type, its lists on Group and Member, and what the membership mutations share. The mutations
 * are by feature: joining and the decisions on requests (join-request.types.ts), and a member's standing and
 * appearance once in (member-standing.types.ts).
 */

export const GroupRoleEnum = builder.enumType('GroupRole', {
  description: 'A role in one group. Professional facilitators are social workers, psychologists, clergy; peer facilitators are volunteers.',
  values: ['MEMBER', 'PEER_FACILITATOR', 'PROFESSIONAL_FACILITATOR'] as const,
});

export const MembershipStatusEnum = builder.enumType('MembershipStatus', {
  description:
    'PENDING: waiting for approval or for the fee. ACTIVE: in the group. WAITLISTED: waiting for a seat. REJECTED: the request was declined. ' +
    'LEFT: left or was removed. SUSPENDED: keeps the seat but may not take part until suspendedUntil. BANNED: may not join again.',
  values: ['PENDING', 'ACTIVE', 'WAITLISTED', 'REJECTED', 'LEFT', 'SUSPENDED', 'BANNED'] as const,
});

/**
 * Membership rows by id for authorization scopes, whoever can see them: a scope must find the row's group to
 * decide, and the domain function then reads the row again under its locks.
 */
const membershipRowLoader = createContextCache(
  (context: HearthContext) =>
    new DataLoader<string, MembershipRow | null>(async (ids) => {
      const rows = new Map((await findMembershipsByIds(context.db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
);
/**
 * A member in a group: their role, where their request stands, their pseudonym there. Seen by the member, the
 * group's facilitators and the institution's managers; anyone else gets null from node(id:).
 */
export const MembershipNode = builder.loadableNodeRef<MembershipRow>('Membership', {
  id: { resolve: (membership) => membership.id },
  load: async (ids: string[], context) => {
    const rows = await findMembershipsByIds(context.db, ids);
    const visible = await Promise.all(rows.map((row) => membershipVisibleTo(context.access, row)));
    return rows.filter((_row, index) => visible[index]);
  },
  sort: (membership) => membership.id,
});

/** The member themselves, or the group's facilitators and the institution's managers (`groupFacilitator`). */
const memberOrFacilitator = (membership: MembershipRow, _args: object, context: HearthContext) =>
  isOwnMembership(context.viewer, membership) || { groupFacilitator: membership.group_id };

MembershipNode.implement({
  fields: (t) => ({
    group: t.field({
      type: GroupNode,
      nullable: true,
      description: 'Null once the viewer can no longer see the group (rejected from or banned by a private group).',
      resolve: (membership) => membership.group_id,
    }),
    member: t.field({
      type: MemberNode,
      nullable: true,
      description: "The person. Only they, the group's facilitators and the institution's admins see who it is; others see the pseudonym.",
      authScopes: memberOrFacilitator,
      unauthorizedResolver: () => null,
      resolve: (membership) => membership.member_id,
    }),
    role: t.field({ type: GroupRoleEnum, resolve: (membership) => membership.role }),
    status: t.field({ type: MembershipStatusEnum, resolve: (membership) => membership.status }),
    inForce: t.boolean({
      description: 'True while the membership lets its member take part: ACTIVE, or SUSPENDED with the suspension over.',
      resolve: (membership) => isMembershipInForce(membership),
    }),
    answers: t.stringList({
      description: "Answers to the group's entry questions, in their order. Empty for anyone but the member and the facilitators.",
      authScopes: memberOrFacilitator,
      unauthorizedResolver: () => [],
      resolve: (membership) => membership.answers,
    }),
    pseudonym: t.exposeString('pseudonym', { nullable: true, description: 'The name the member goes by in this group.' }),
    appearance: t.field({
      type: GroupAppearanceType,
      nullable: true,
      description: "How the member appears in this group. The member and the group's facilitators and admins; null for anyone else.",
      authScopes: memberOrFacilitator,
      unauthorizedResolver: () => null,
      resolve: (membership) => ({ kind: membership.appearance, pseudonym: membership.pseudonym }),
    }),
    statusReason: t.string({
      nullable: true,
      description: 'Why the request was approved or rejected, or the member suspended, removed or banned.',
      authScopes: memberOrFacilitator,
      unauthorizedResolver: () => null,
      resolve: (membership) => membership.status_reason,
    }),
    suspendedUntil: t.field(
      memberTime({
        nullable: true,
        rounding: 'up',
        description: 'When the suspension ends by itself.',
        member: (membership: MembershipRow) => membership.member_id,
        time: (membership) => membership.suspended_until,
      }),
    ),
    feeReceipt: t.string({
      nullable: true,
      description: 'The external receipt reference of a FEE group payment. Facilitators and admins only.',
      authScopes: (membership) => ({ groupFacilitator: membership.group_id }),
      unauthorizedResolver: () => null,
      resolve: (membership) => membership.fee_receipt,
    }),
    requestedAt: t.field(
      memberTime({
        nullable: false,
        description: 'When the member asked to join (most recently).',
        member: (membership: MembershipRow) => membership.member_id,
        time: (membership) => membership.requested_at,
      }),
    ),
    joinedAt: t.field(
      memberTime({
        nullable: true,
        description: 'When the member last took a seat.',
        member: (membership: MembershipRow) => membership.member_id,
        time: (membership) => membership.joined_at,
      }),
    ),
    waitlistPosition: t.loadable({
      type: 'Int',
      nullable: true,
      description: 'The place in the waitlist (1 is next), while WAITLISTED.',
      load: async (ids: string[], context) => {
        const positions = await findWaitlistPositions(context.db, ids);
        return ids.map((id) => positions.get(id) ?? null);
      },
      resolve: (membership) => (membership.status === 'WAITLISTED' ? membership.id : null),
    }),
  }),
});

export const MembershipConnection = builder.connectionObject(
  { type: MembershipNode, name: 'MembershipConnection' },
  { name: 'MembershipEdge' },
);

/** One connection per parent (group or member) from one statement, so a list of groups costs one query. */
async function loadMembershipConnections(
  context: HearthContext,
  keys: readonly string[],
  args: ConnectionArgs,
  query: Omit<MembershipPageQuery, 'keys' | 'after' | 'limit'>,
) {
  const { page, after } = readRowPage(args);
  const rows = await findMembershipPages(context.db, { ...query, keys, after, limit: page.size + 1 });
  return connectionsByParent(keys, rows, (row) => row[query.by], page);
}

/** A Group's lists are for its facilitators and the institution's managers; anyone else reads null. */
const groupFacilitatorsOnly = (group: GroupRow) => ({ groupFacilitator: group.id });

builder.objectFields(GroupNode, (t) => ({
  viewerMembership: t.field({
    type: MembershipNode,
    nullable: true,
    description: "The viewer's own membership of this group, whatever its status, or null.",
    resolve: (group, _args, context) => context.access.viewerMembership(group.id),
  }),
  joinRequests: t.loadable({
    type: MembershipConnection,
    nullable: true,
    byPath: true,
    description: 'Requests waiting for a decision (or for their fee), oldest first. Facilitators and admins only.',
    args: { ...t.arg.connectionArgs() },
    authScopes: groupFacilitatorsOnly,
    unauthorizedResolver: () => null,
    load: (ids: string[], context, args) =>
      loadMembershipConnections(context, ids, args, { by: 'group_id', statuses: ['PENDING'], orderBy: 'requested_at' }),
    resolve: (group) => group.id,
  }),
  waitlist: t.loadable({
    type: MembershipConnection,
    nullable: true,
    byPath: true,
    description: 'People waiting for a seat, in the order seats go to them. Facilitators and admins only.',
    args: { ...t.arg.connectionArgs() },
    authScopes: groupFacilitatorsOnly,
    unauthorizedResolver: () => null,
    load: (ids: string[], context, args) =>
      loadMembershipConnections(context, ids, args, { by: 'group_id', statuses: ['WAITLISTED'], orderBy: 'waitlisted_at' }),
    resolve: (group) => group.id,
  }),
  memberships: t.loadable({
    type: MembershipConnection,
    nullable: true,
    byPath: true,
    description: 'Every membership of the group, or those of one status, by when they were requested. Facilitators and admins only.',
    args: { status: t.arg({ type: MembershipStatusEnum }), ...t.arg.connectionArgs() },
    authScopes: groupFacilitatorsOnly,
    unauthorizedResolver: () => null,
    load: (ids: string[], context, args) =>
      loadMembershipConnections(context, ids, args, {
        by: 'group_id',
        statuses: args.status ? [args.status as MembershipStatus] : undefined,
        orderBy: 'requested_at',
      }),
    resolve: (group) => group.id,
  }),
}));

builder.objectFields(MemberNode, (t) => ({
  memberships: t.loadable({
    type: MembershipConnection,
    byPath: true,
    description:
      "The member's memberships, oldest request first. The member and their institution's admins see all of them; a facilitator " +
      'sees only those in groups they facilitate.',
    args: { ...t.arg.connectionArgs() },
    load: (ids: string[], context, args) =>
      loadMembershipConnections(context, ids, args, { by: 'member_id', orderBy: 'requested_at', visibleTo: membershipListViewer(context.viewer) }),
    resolve: (member) => member.id,
  }),
}));


// For the mutations. Each validates its whole input first (membership-input.ts), declares who may call it, then
// calls a domain function that re-checks the rules on locked rows and writes in one transaction.

/** After a write: later fields of the same request must see the new rows, not those cached before it. */
export function forgetChanged(context: HearthContext, change: SeatChangeResult<MembershipRow>): MembershipRow {
  const membershipRows = membershipRowLoader(context);
  const nodes = MembershipNode.getDataloader(context);
  for (const row of [change.result, ...change.promoted]) {
    membershipRows.clear(row.id);
    nodes.clear(row.id);
  }
  context.access.forgetGroup(change.result.group_id);
  return change.result;
}

/** The group whose facilitators may decide about a membership; unknown ids pass on to a NotFoundError. */
export const facilitatorOfMembershipGroup = async (_root: unknown, { input }: { input: { membershipId: string | number } }, context: HearthContext) => {
  const target = await membershipRowLoader(context).load(String(input.membershipId));
  return target ? { groupFacilitator: target.group_id } : { signedIn: true, institutionManager: true };
};

/** The institution whose managers may act on a membership (fee payments); unknown ids pass on to a NotFoundError. */
export const managerOfMembershipInstitution = async (_root: unknown, { input }: { input: { membershipId: string | number } }, context: HearthContext) => {
  const target = await membershipRowLoader(context).load(String(input.membershipId));
  return target ? { manages: target.institution_id } : { institutionManager: true };
};
