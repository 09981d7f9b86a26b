import { z } from 'zod';
import { builder } from '../../schema/builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.js';
import { globalIdOf } from '../../schema/global-ids.js';
import { findMembersByIds, updateMemberProfile } from '../members/member.queries.js';
import { MemberNode } from '../members/member.types.js';
import { adminChangeRefusal } from './institution.rules.js';

/*
 * Kept apart from institution.types.ts because it needs the Member type, whose module already imports the
 * Institution type: one file importing both avoids a circular import between the two modules.
 */

const SetInstitutionAdminInput = builder.inputType('SetInstitutionAdminInput', {
  fields: (t) => ({
    memberId: t.id({ required: true }),
    admin: t.boolean({ required: true }),
  }),
});
const setInstitutionAdminSchema = z.looseObject({ memberId: globalIdOf('Member'), admin: z.boolean() });

builder.mutationField('setInstitutionAdmin', (t) =>
  t.field({
    type: MemberNode,
    description:
      "Makes a member of the viewer's institution an institution admin, or stops them being one; nobody removes " +
      "their own admin rights. When the host site's SSO tokens carry a `roles` claim, the member's next sign-in " +
      'sets the flag from it again. Institution managers only.',
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    authScopes: { institutionManager: true },
    args: { input: t.arg({ type: SetInstitutionAdminInput, required: true, validate: setInstitutionAdminSchema }) },
    resolve: async (_root, { input }, context) => {
      const [member] = await findMembersByIds(context.db, [String(input.memberId)]);
      if (!member) throw new NotFoundError('No such member.');
      const refusal = adminChangeRefusal(context.viewer, member, input.admin);
      if (refusal) throw new ForbiddenError(refusal);
      if (member.is_institution_admin === input.admin) return member;
      return updateMemberProfile(context.db, member.id, { is_institution_admin: input.admin });
    },
  }),
);
