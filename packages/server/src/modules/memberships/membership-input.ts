import { z } from 'zod';
import { globalIdOf } from '../../schema/global-ids.js';
import { futureInstant } from '../../schema/date-input.js';
import { plainText } from '../../schema/text-input.js';
import { reservedPseudonymProblem } from './pseudonym-names.js';

/**
 * The input rules of membership mutations, one schema per input so every mistake comes back at once. Global IDs
 * come out as database ids. Rules that need the stored group (how many entry questions it asks) are checked by
 * the domain functions, still before any write.
 */
export const membershipRules = {
  /** A pseudonym that imitates an alias, a tombstone, a role or a system name is refused (reserved-pseudonyms.json). */
  pseudonym: plainText({ min: 2, max: 40 }).superRefine((value, context) => {
    const problem = reservedPseudonymProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  }),
  answers: z.array(plainText({ max: 2000, multiline: true })).max(10, 'Give at most 10 answers.'),
  /** Invitation codes are url-safe random text (invitations.ts); anything else cannot be one. */
  inviteCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, 'This is not an invitation code.'),
  reason: plainText({ max: 1000, multiline: true }),
  receiptReference: plainText({ max: 200 }),
};

/** PSEUDONYM with a name (or none: keep the current one, or take a suggestion); NAME with none. */
export const appearanceSchema = z
  .looseObject({ kind: z.enum(['PSEUDONYM', 'NAME']), pseudonym: membershipRules.pseudonym.nullish() })
  .superRefine((appearance, context) => {
    if (appearance.kind === 'NAME' && appearance.pseudonym) {
      context.addIssue({ code: 'custom', path: ['pseudonym'], message: 'Appearing under your name goes without a pseudonym.' });
    }
  });

export const joinGroupSchema = z
  .looseObject({
    groupId: globalIdOf('Group'),
    answers: membershipRules.answers.nullish(),
    inviteCode: membershipRules.inviteCode.nullish(),
    pseudonym: membershipRules.pseudonym.nullish(),
    appearance: appearanceSchema.nullish(),
  })
  .superRefine((input, context) => {
    if (input.pseudonym && input.appearance && (input.appearance.kind === 'NAME' || (input.appearance.pseudonym && input.appearance.pseudonym !== input.pseudonym))) {
      context.addIssue({ code: 'custom', path: ['pseudonym'], message: 'Give the pseudonym once, in appearance.' });
    }
  });

export const setGroupAppearanceSchema = z.looseObject({
  groupId: globalIdOf('Group'),
  appearance: appearanceSchema,
});

export const membershipDecisionSchema = z.looseObject({
  membershipId: globalIdOf('Membership'),
  reason: membershipRules.reason.nullish(),
});

/** A rejection, a suspension or a ban always says why: the member reads it. */
export const reasonedDecisionSchema = z.looseObject({
  membershipId: globalIdOf('Membership'),
  reason: membershipRules.reason,
});

export const suspendMemberSchema = reasonedDecisionSchema.extend({
  until: futureInstant('A suspension must end in the future.'),
});

export const changeGroupRoleSchema = z.looseObject({ membershipId: globalIdOf('Membership') });

export const recordFeePaymentSchema = z.looseObject({
  membershipId: globalIdOf('Membership'),
  receiptReference: membershipRules.receiptReference,
});

export const groupOnlySchema = z.looseObject({ groupId: globalIdOf('Group') });

export const setPseudonymSchema = z.looseObject({
  groupId: globalIdOf('Group'),
  pseudonym: membershipRules.pseudonym.nullable(),
});

export const createInvitationSchema = z.looseObject({
  groupId: globalIdOf('Group'),
  expiresAt: futureInstant('An invitation must expire in the future.').nullish(),
  maxUses: z.number().int().min(1, 'Allow at least one use.').max(10_000, 'At most 10,000 uses.').nullish(),
});

export const revokeInvitationSchema = z.looseObject({ invitationId: globalIdOf('Invitation') });
