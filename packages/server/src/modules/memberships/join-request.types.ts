import type { MembershipRow } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import type { HearthContext } from '../../schema/context.js';
import { GroupFullError, standardMutationErrors } from '../../schema/errors.js';
import { appearanceChoice, GroupAppearanceInput, type AppearanceArg } from './appearance.types.js';
import { approveJoinRequest, applyToJoin, recordFeePayment, rejectJoinRequest, type JoinIntent } from './join-policies.js';
import { joinGroupSchema, membershipDecisionSchema, reasonedDecisionSchema, recordFeePaymentSchema } from './membership-input.js';
import type { SeatChangeResult } from './seats.js';
import { facilitatorOfMembershipGroup, forgetChanged, managerOfMembershipInstitution, MembershipNode } from './membership.types.js';

/**
 * Getting in (join-policies.ts): joining or taking a place on the waitlist, and the decisions that settle a
 * request — a facilitator's approval or rejection, the institution's record of a fee paid.
 */

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

/**
 * A facilitator's decision on a PENDING request, approving or rejecting: the same input and scope, each with its
 * own rule for the reason (rejecting requires one) and its own effect.
 */
function joinRequestDecision(
  name: 'approveJoinRequest' | 'rejectJoinRequest',
  description: string,
  validate: typeof membershipDecisionSchema | typeof reasonedDecisionSchema,
  decide: (db: HearthContext['db'], viewer: HearthContext['viewer'], membershipId: string, reason: string | null) => Promise<SeatChangeResult<MembershipRow>>,
) {
  builder.mutationField(name, (t) =>
    t.field({
      type: MembershipNode,
      description,
      errors: { types: standardMutationErrors },
      authScopes: facilitatorOfMembershipGroup,
      args: { input: t.arg({ type: DecideJoinRequestInput, required: true, validate }) },
      resolve: async (_root, { input }, context) =>
        forgetChanged(context, await decide(context.db, context.viewer, String(input.membershipId), input.reason ?? null)),
    }),
  );
}

joinRequestDecision(
  'approveJoinRequest',
  "Approves a PENDING request: a seat, or the waitlist when the group is full. The group's facilitators and admins.",
  membershipDecisionSchema,
  approveJoinRequest,
);
// reasonedDecisionSchema has refused a missing reason before the resolver runs.
joinRequestDecision(
  'rejectJoinRequest',
  "Rejects a PENDING request with a reason the applicant sees. The group's facilitators and admins.",
  reasonedDecisionSchema,
  (db, viewer, membershipId, reason) => rejectJoinRequest(db, viewer, membershipId, reason!),
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
    authScopes: managerOfMembershipInstitution,
    args: { input: t.arg({ type: RecordFeePaymentInput, required: true, validate: recordFeePaymentSchema }) },
    resolve: async (_root, { input }, context) =>
      forgetChanged(context, await recordFeePayment(context.db, context.viewer, String(input.membershipId), input.receiptReference)),
  }),
);
