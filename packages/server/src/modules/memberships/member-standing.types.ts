import { builder } from '../../schema/builder.js';
import { standardMutationErrors } from '../../schema/errors.js';
import { appearanceChoice, GroupAppearanceInput } from './appearance.types.js';
import { setGroupAppearance } from './group-appearance.js';
import {
  changeGroupRoleSchema,
  groupOnlySchema,
  membershipDecisionSchema,
  reasonedDecisionSchema,
  setGroupAppearanceSchema,
  setPseudonymSchema,
  suspendMemberSchema,
} from './membership-input.js';
import { banMember, changeMembershipRole, leaveGroup, reinstateMember, removeMember, setPseudonym, suspendMember } from './membership-standing.js';
import { facilitatorOfMembershipGroup, forgetChanged, GroupRoleEnum, MembershipNode } from './membership.types.js';

/**
 * A member's standing once in (membership-standing.ts): leaving; removal, suspension, bans and reinstatement by
 * the group's facilitators; roles; and how the member appears in the group.
 */

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
