import type { AppearanceKind, GroupRow } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import { GroupNode } from '../groups/group.types.js';
import { suggestedPseudonyms, type AppearanceChoice } from './group-appearance.js';

/** How a member appears in a group (group-appearance.ts). */
export const AppearanceKindEnum = builder.enumType('AppearanceKind', {
  description: "PSEUDONYM: under the member's pseudonym in this group (the default for new members). NAME: under their display name.",
  values: ['PSEUDONYM', 'NAME'] as const,
});

export const GroupAppearanceInput = builder.inputType('GroupAppearanceInput', {
  fields: (t) => ({
    kind: t.field({ type: AppearanceKindEnum, required: true }),
    pseudonym: t.string({
      description:
        'With PSEUDONYM: 2–40 characters, unique in the group as readers see it (case, spacing, punctuation and digits aside), and ' +
        'not imitating an anonymous alias, a tombstone, a role or a system name. Omitted: the current pseudonym, or a suggested one.',
    }),
  }),
});

export interface GroupAppearanceShape {
  kind: AppearanceKind;
  pseudonym: string | null;
}

export const GroupAppearanceType = builder.objectRef<GroupAppearanceShape>('GroupAppearance').implement({
  description: 'How a member appears in one group.',
  fields: (t) => ({
    kind: t.field({ type: AppearanceKindEnum, resolve: (appearance) => appearance.kind }),
    pseudonym: t.exposeString('pseudonym', { nullable: true, description: 'Set exactly when kind is PSEUDONYM.' }),
  }),
});

builder.objectFields(GroupNode, (t) => ({
  suggestedPseudonym: t.loadable({
    type: 'String',
    nullable: true,
    description:
      "A friendly pseudonym for the signed-in viewer to take in this group, in their language (\"Quiet Harbor 12\", «نسمة هادئة ١٢»): " +
      'free in the group and none the viewer uses in another group. A new suggestion on each request. Null for guests, service tokens ' +
      "and members of other institutions.",
    load: async (groups: GroupRow[], context) => {
      const viewer = context.viewer;
      if (viewer.kind !== 'member') return groups.map(() => null);
      // Only for groups the viewer could join: those of their own institution.
      const joinable = groups.filter((group) => group.institution_id === viewer.institutionId);
      const names = await suggestedPseudonyms(context.db, viewer.member, joinable.map((group) => group.id));
      return groups.map((group) => (group.institution_id === viewer.institutionId ? names[joinable.indexOf(group)]! : null));
    },
    resolve: (group) => group,
  }),
}));

/** GroupAppearanceInput as the API receives it. */
export type AppearanceArg = { kind: 'PSEUDONYM' | 'NAME'; pseudonym?: string | null } | null | undefined;

/** The appearance a join or setGroupAppearance asks for; undefined when neither the input nor a pseudonym says. */
export function appearanceChoice(appearance: AppearanceArg, pseudonym?: string | null): AppearanceChoice | undefined {
  if (appearance) return { kind: appearance.kind, pseudonym: appearance.pseudonym ?? pseudonym ?? null };
  return pseudonym ? { kind: 'PSEUDONYM', pseudonym } : undefined;
}
