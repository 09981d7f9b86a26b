import { builder } from '../../schema/builder.js';
import { ForbiddenError, ValidationError } from '../../schema/errors.js';
import { displayNameText, languageTag, plainText } from '../../schema/text-input.js';
import { InstitutionNode } from '../institutions/institution.types.js';
import type { MemberRow } from '../../db/tables.js';
import { findMembersByIds, updateMemberProfile } from './member.queries.js';
import { memberProfileVisibleTo } from './member.rules.js';

/**
 * A person as one institution knows them. The profile is seen by the member, their institution's admins and the
 * facilitators of groups they belong to; other members see a per-group pseudonym instead (see Membership).
 */
export const MemberNode = builder.loadableNodeRef<MemberRow>('Member', {
  id: { resolve: (member) => member.id },
  load: async (ids: string[], context) => {
    const rows = await findMembersByIds(context.db, ids);
    const visible = await Promise.all(rows.map((row) => memberProfileVisibleTo(context.access, row)));
    return rows.filter((_row, index) => visible[index]);
  },
  sort: (member) => member.id,
});

MemberNode.implement({
  fields: (t) => ({
    displayName: t.exposeString('display_name'),
    locale: t.exposeString('locale'),
    bio: t.exposeString('bio', { nullable: true }),
    credential: t.exposeString('credential', {
      nullable: true,
      description: 'A professional credential shown beside a facilitator\'s name (e.g. "LCSW").',
    }),
    isInstitutionAdmin: t.exposeBoolean('is_institution_admin'),
    institution: t.field({ type: InstitutionNode, resolve: (member) => member.institution_id }),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: MemberNode,
    nullable: true,
    description: 'The signed-in member, or null for guests and service tokens.',
    resolve: (_root, _args, context) => (context.viewer.kind === 'member' ? context.viewer.member : null),
  }),
);

const UpdateProfileInput = builder.inputType('UpdateProfileInput', {
  fields: (t) => ({
    displayName: t.string({ validate: displayNameText }),
    locale: t.string({ validate: languageTag }),
    bio: t.string({ validate: plainText({ min: 0, max: 1000, multiline: true }).nullable() }),
  }),
});

builder.mutationField('updateProfile', (t) =>
  t.field({
    type: MemberNode,
    description: "Changes the signed-in member's own profile.",
    errors: { types: [ValidationError, ForbiddenError] },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: UpdateProfileInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      if (context.viewer.kind !== 'member') throw new ForbiddenError();
      const changes: Partial<Pick<MemberRow, 'display_name' | 'locale' | 'bio'>> = {};
      if (input.displayName != null) changes.display_name = input.displayName;
      if (input.locale != null) changes.locale = input.locale;
      if (input.bio !== undefined) changes.bio = input.bio || null;
      return updateMemberProfile(context.db, context.viewer.member.id, changes);
    },
  }),
);
