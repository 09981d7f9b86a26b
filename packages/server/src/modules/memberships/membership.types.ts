import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { GroupRow, MembershipRow, MembershipStatus } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import type { HearthContext } from '../../schema/context.js';
import { GroupFullError, standardMutationErrors } from '../../schema/errors.js';
import type { ConnectionArgs } from '../../schema/keyset-pagination.js';
import { memberTime } from '../../schema/member-times.js';
import { GroupNode } from '../groups/group.types.js';
import { MemberNode } from '../members/member.types.js';
import { approveJoinRequest, applyToJoin, recordFeePayment, rejectJoinRequest, type JoinIntent } from './join-policies.js';
import {
  changeGroupRoleSchema,
  groupOnlySchema,
  joinGroupSchema,
  membershipDecisionSchema,
  reasonedDecisionSchema,
  recordFeePaymentSchema,
  setGroupAppearanceSchema,
  setPseudonymSchema,
  suspendMemberSchema,
} from './membership-input.js';
import { connectionsByParent, readRowPage } from './membership-pages.js';
import { isMembershipInForce } from './membership-standing.queries.js';
import { banMember, changeMembershipRole, leaveGroup, reinstateMember, removeMember, setPseudonym, suspendMember } from './membership-standing.js';
import { findMembershipPages, findMembershipsByIds, findWaitlistPositions, type MembershipPageQuery } from './membership.queries.js';
import { isOwnMembership, membershipListViewer, membershipVisibleTo } from './membership.rules.js';
import type { SeatChangeResult } from './seats.js';
import { GroupAppearanceInput, GroupAppearanceType } from './appearance.types.js';
import { setGroupAppearance, type AppearanceChoice } from './group-appearance.js';

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

// Mutations. Each validates its whole input first (membership-input.ts), declares who may call it, then calls a
// domain function that re-checks the rules on locked rows and writes in one transaction.

/** After a write: later fields of the same request must see the new rows, not those cached before it. */
function forgetChanged(context: HearthContext, change: SeatChangeResult<MembershipRow>): MembershipRow {
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
const facilitatorOfMembershipGroup = async (_root: unknown, { input }: { input: { membershipId: string | number } }, context: HearthContext) => {
  const target = await membershipRowLoader(context).load(String(input.membershipId));
  return target ? { groupFacilitator: target.group_id } : { signedIn: true, institutionManager: true };
};

const joinInputFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
  groupId: t.id({ required: true }),
  answers: t.stringList({ description: "Answers to the group's entry questions, one per question, in their order (1–2000 characters each)." }),
  inviteCode: t.string({ description: 'An invitation code: required by INVITE_ONLY groups, and lets its holder find a PRIVATE group.' }),
  pseudonym: t.string({ description: 'The name to go by in this group (2–40 characters, unique in the group). Same as appearance { kind: PSEUDONYM, pseudonym }.' }),
  appearance: t.field({
    type: GroupAppearanceInput,
    description: 'How to appear in the group. Omitted: under a suggested pseudonym (Group.suggestedPseudonym), not the name from sign-in.',
  }),
});

const JoinGroupInput = builder.inputType('JoinGroupInput', { fields: joinInputFields });
const JoinWaitlistInput = builder.inputType('JoinWaitlistInput', { fields: joinInputFields });

type AppearanceArg = { kind: 'PSEUDONYM' | 'NAME'; pseudonym?: string | null } | null | undefined;

function appearanceChoice(appearance: AppearanceArg, pseudonym?: string | null): AppearanceChoice | undefined {
  if (appearance) return { kind: appearance.kind, pseudonym: appearance.pseudonym ?? pseudonym ?? null };
  return pseudonym ? { kind: 'PSEUDONYM', pseudonym } : undefined;
}

async function join(
  context: HearthContext,
  input: { groupId: string | number; answers?: string[] | null; inviteCode?: string | null; pseudonym?: string | null; appearance?: AppearanceArg },
  intent: JoinIntent,
) {
  const change = await applyToJoin(
    context.db,
    context.viewer,
    {
      groupId: String(input.groupId),
      answers: input.answers ?? null,
      inviteCode: input.inviteCode ?? null,
      appearance: appearanceChoice(input.appearance, input.pseudonym),
    },
    intent,
  );
  return forgetChanged(context, change);
}

builder.mutationField('joinGroup', (t) =>
  t.field({
    type: MembershipNode,
    description:
      "Joins a group of the viewer's institution, by its join policy: OPEN and INVITE_ONLY (with a code) give a seat at once, or " +
      'a GroupFullError when full (then joinWaitlist); APPROVAL and FEE leave the membership PENDING. Someone who left or was ' +
      'rejected may ask again.',
    errors: { types: [GroupFullError, ...standardMutationErrors] },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: JoinGroupInput, required: true, validate: joinGroupSchema }) },
    resolve: (_root, { input }, context) => join(context, input, 'join'),
  }),
);

builder.mutationField('joinWaitlist', (t) =>
  t.field({
    type: MembershipNode,
    description: 'Takes a place in line for a full OPEN or INVITE_ONLY group; seats go to the waitlist in order as they free up.',
    errors: { types: standardMutationErrors },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: JoinWaitlistInput, required: true, validate: joinGroupSchema }) },
    resolve: (_root, { input }, context) => join(context, input, 'waitlist'),
  }),
);

const DecideJoinRequestInput = builder.inputType('DecideJoinRequestInput', {
  fields: (t) => ({
    membershipId: t.id({ required: true }),
    reason: t.string({ description: 'Told to the applicant (up to 1000 characters). Required to reject.' }),
  }),
});

builder.mutationField('approveJoinRequest', (t) =>
  t.field({
    type: MembershipNode,
    description: "Approves a PENDING request: a seat, or the waitlist when the group is full. The group's facilitators and admins.",
    errors: { types: standardMutationErrors },
    authScopes: facilitatorOfMembershipGroup,
    args: { input: t.arg({ type: DecideJoinRequestInput, required: true, validate: membershipDecisionSchema }) },
    resolve: async (_root, { input }, context) =>
      forgetChanged(context, await approveJoinRequest(context.db, context.viewer, String(input.membershipId), input.reason ?? null)),
  }),
);

builder.mutationField('rejectJoinRequest', (t) =>
  t.field({
    type: MembershipNode,
    description: "Rejects a PENDING request with a reason the applicant sees. The group's facilitators and admins.",
    errors: { types: standardMutationErrors },
    authScopes: facilitatorOfMembershipGroup,
    args: { input: t.arg({ type: DecideJoinRequestInput, required: true, validate: reasonedDecisionSchema }) },
    resolve: async (_root, { input }, context) =>
      forgetChanged(context, await rejectJoinRequest(context.db, context.viewer, String(input.membershipId), input.reason!)),
  }),
);

const RecordFeePaymentInput = builder.inputType('RecordFeePaymentInput', {
  fields: (t) => ({
    membershipId: t.id({ required: true }),
    receiptReference: t.string({ required: true, description: "The payment's reference in the institution's own system (up to 200 characters)." }),
  }),
});

builder.mutationField('recordFeePayment', (t) =>
  t.field({
    type: MembershipNode,
    description:
      'Records that a FEE group membership was paid for (outside Hearth): a seat, or the waitlist when full. ' +
      "The institution's admins and service tokens only.",
    errors: { types: standardMutationErrors },
    authScopes: async (_root, { input }, context) => {
      const target = await membershipRowLoader(context).load(String(input.membershipId));
      return target ? { manages: target.institution_id } : { institutionManager: true };
    },
    args: { input: t.arg({ type: RecordFeePaymentInput, required: true, validate: recordFeePaymentSchema }) },
    resolve: async (_root, { input }, context) =>
      forgetChanged(context, await recordFeePayment(context.db, context.viewer, String(input.membershipId), input.receiptReference)),
  }),
);

const LeaveGroupInput = builder.inputType('LeaveGroupInput', { fields: (t) => ({ groupId: t.id({ required: true }) }) });

builder.mutationField('leaveGroup', (t) =>
  t.field({
    type: MembershipNode,
    description: 'Leaves a group, withdraws a request or steps off the waitlist. A freed seat goes to the first on the waitlist.',
    errors: { types: standardMutationErrors },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: LeaveGroupInput, required: true, validate: groupOnlySchema }) },
    resolve: async (_root, { input }, context) => forgetChanged(context, await leaveGroup(context.db, context.viewer, String(input.groupId))),
  }),
);

const RemoveMemberInput = builder.inputType('RemoveMemberInput', {
  fields: (t) => ({ membershipId: t.id({ required: true }), reason: t.string() }),
});
const SuspendMemberInput = builder.inputType('SuspendMemberInput', {
  fields: (t) => ({
    membershipId: t.id({ required: true }),
    until: t.field({ type: 'DateTime', required: true, description: 'When the suspension ends by itself.' }),
    reason: t.string({ required: true }),
  }),
});
const BanMemberInput = builder.inputType('BanMemberInput', {
  fields: (t) => ({ membershipId: t.id({ required: true }), reason: t.string({ required: true }) }),
});
const ReinstateMemberInput = builder.inputType('ReinstateMemberInput', {
  fields: (t) => ({ membershipId: t.id({ required: true }), reason: t.string() }),
});

const facilitatorDecision = 'The group\'s facilitators (a peer facilitator not on a professional one) and admins; never on oneself.';

builder.mutationField('removeMember', (t) =>
  t.field({
    type: MembershipNode,
    description: `Removes someone from the group or its waitlist; they may join again. ${facilitatorDecision}`,
    errors: { types: standardMutationErrors },
    authScopes: facilitatorOfMembershipGroup,
    args: { input: t.arg({ type: RemoveMemberInput, required: true, validate: membershipDecisionSchema }) },
    resolve: async (_root, { input }, context) =>
      forgetChanged(context, await removeMember(context.db, context.viewer, String(input.membershipId), input.reason ?? null)),
  }),
);

builder.mutationField('suspendMember', (t) =>
  t.field({
    type: MembershipNode,
    description: `Suspends a member until a date; they keep their seat. ${facilitatorDecision}`,
    errors: { types: standardMutationErrors },
    authScopes: facilitatorOfMembershipGroup,
    args: { input: t.arg({ type: SuspendMemberInput, required: true, validate: suspendMemberSchema }) },
    resolve: async (_root, { input }, context) =>
      forgetChanged(context, await suspendMember(context.db, context.viewer, String(input.membershipId), input.until, input.reason)),
  }),
);

builder.mutationField('banMember', (t) =>
  t.field({
    type: MembershipNode,
    description: `Bans someone: they lose their seat and role and cannot join again until reinstated. ${facilitatorDecision}`,
    errors: { types: standardMutationErrors },
    authScopes: facilitatorOfMembershipGroup,
    args: { input: t.arg({ type: BanMemberInput, required: true, validate: reasonedDecisionSchema }) },
    resolve: async (_root, { input }, context) =>
      forgetChanged(context, await banMember(context.db, context.viewer, String(input.membershipId), input.reason)),
  }),
);

builder.mutationField('reinstateMember', (t) =>
  t.field({
    type: MembershipNode,
    description: `Lifts a suspension, or a ban (a seat if one is free, else the waitlist). ${facilitatorDecision}`,
    errors: { types: standardMutationErrors },
    authScopes: facilitatorOfMembershipGroup,
    args: { input: t.arg({ type: ReinstateMemberInput, required: true, validate: membershipDecisionSchema }) },
    resolve: async (_root, { input }, context) =>
      forgetChanged(context, await reinstateMember(context.db, context.viewer, String(input.membershipId), input.reason ?? null)),
  }),
);

const ChangeMembershipRoleInput = builder.inputType('ChangeMembershipRoleInput', {
  fields: (t) => ({ membershipId: t.id({ required: true }), role: t.field({ type: GroupRoleEnum, required: true }) }),
});

builder.mutationField('changeMembershipRole', (t) =>
  t.field({
    type: MembershipNode,
    description:
      "Changes a member's role. Admins give any role; professional facilitators make members and peer facilitators; nobody changes their own.",
    errors: { types: standardMutationErrors },
    authScopes: facilitatorOfMembershipGroup,
    args: { input: t.arg({ type: ChangeMembershipRoleInput, required: true, validate: changeGroupRoleSchema }) },
    resolve: async (_root, { input }, context) =>
      forgetChanged(context, await changeMembershipRole(context.db, context.viewer, String(input.membershipId), input.role)),
  }),
);

const SetPseudonymInput = builder.inputType('SetPseudonymInput', {
  fields: (t) => ({
    groupId: t.id({ required: true }),
    pseudonym: t.string({ description: '2–40 characters, unique in the group whatever the letter case; null to go by your name again.' }),
  }),
});

builder.mutationField('setPseudonym', (t) =>
  t.field({
    type: MembershipNode,
    description: "Sets the viewer's pseudonym in a group they belong to or applied to.",
    errors: { types: standardMutationErrors },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: SetPseudonymInput, required: true, validate: setPseudonymSchema }) },
    resolve: async (_root, { input }, context) =>
      forgetChanged(context, await setPseudonym(context.db, context.viewer, String(input.groupId), input.pseudonym ?? null)),
  }),
);

const SetGroupAppearanceInput = builder.inputType('SetGroupAppearanceInput', {
  fields: (t) => ({
    groupId: t.id({ required: true }),
    appearance: t.field({ type: GroupAppearanceInput, required: true }),
  }),
});

builder.mutationField('setGroupAppearance', (t) =>
  t.field({
    type: MembershipNode,
    description:
      "Chooses how the viewer appears in a group they belong to, applied to or wait for: under a pseudonym (unique in the group) " +
      'or under their name. A ConflictError when someone there already goes by that pseudonym.',
    errors: { types: standardMutationErrors },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: SetGroupAppearanceInput, required: true, validate: setGroupAppearanceSchema }) },
    resolve: async (_root, { input }, context) =>
      forgetChanged(context, await setGroupAppearance(context.db, context.viewer, String(input.groupId), appearanceChoice(input.appearance)!)),
  }),
);
