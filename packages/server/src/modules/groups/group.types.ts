import { builder } from '../../schema/builder.js';
import { ConflictError, ForbiddenError, NotFoundError, standardMutationErrors, ValidationError } from '../../schema/errors.js';
import { z } from 'zod';
import type { GroupRow } from '../../db/tables.js';
import type { HearthContext } from '../../schema/context.js';
import { globalIdOf } from '../../schema/global-ids.js';
import { InstitutionNode } from '../institutions/institution.types.js';
import { createGroupSchema, updateGroupSchema } from './group-input.js';
import { countSeatsTaken, findFacilitators, findGroupBySlug, findGroupsByIds, type FacilitatorRow } from './group.queries.js';
import { archiveGroup, changeGroupSettings, createGroup } from './group-settings.js';
import { memberNameFor, nameReaderOf } from '../posts/author-names.js';

export const FacilitationEnum = builder.enumType('Facilitation', {
  description: 'Who leads the group: volunteers with lived experience, or a professional (social worker, psychologist, chaplain).',
  values: ['PEER_LED', 'PROFESSIONAL'] as const,
});
export const VisibilityEnum = builder.enumType('Visibility', {
  description: 'PUBLIC groups are listed; UNLISTED ones open by direct link only; PRIVATE ones are seen by their members only.',
  values: ['PUBLIC', 'UNLISTED', 'PRIVATE'] as const,
});
export const JoinPolicyEnum = builder.enumType('JoinPolicy', {
  description: 'How people join: at once, by answering entry questions for approval, by invitation, or after paying a fee.',
  values: ['OPEN', 'APPROVAL', 'INVITE_ONLY', 'FEE'] as const,
});
export const GroupFormatEnum = builder.enumType('GroupFormat', { values: ['FORUM', 'IN_PERSON', 'VIDEO', 'PHONE'] as const });
export const AnonymityPolicyEnum = builder.enumType('AnonymityPolicy', {
  description:
    'DISABLED: members post under their name or pseudonym. ANONYMOUS: members may post anonymously and nobody can reveal them. ' +
    'ANONYMOUS_REVEALABLE_IN_CRISIS: as ANONYMOUS, but while handling an open crisis case the group\'s professional facilitators and ' +
    "the institution's admins (admins only in a peer-led group) may reveal the author, with a reason, audited. " +
    'Group.anonymousAuthorsRevealableBy says who, for each group.',
  values: ['DISABLED', 'ANONYMOUS', 'ANONYMOUS_REVEALABLE_IN_CRISIS'] as const,
});

/** A facilitator as the public sees them on a group: their group name, role and credential. */
const FacilitatorType = builder.objectRef<FacilitatorRow>('Facilitator').implement({
  fields: (t) => ({
    name: t.string({
      description:
        "The facilitator's pseudonym in this group, or the display name of one who chose it — \"Member\" to readers outside the " +
        'group, as every name beside content (guests never see a real name).',
      resolve: async (facilitator, _args, context) =>
        memberNameFor(
          { pseudonym: facilitator.pseudonym, displayName: facilitator.display_name, appearance: facilitator.appearance },
          await nameReaderOf(context.access, facilitator.group_id),
        ),
    }),
    role: t.exposeString('role'),
    credential: t.exposeString('credential', { nullable: true }),
  }),
});

/** A support group. Rows the viewer may not see load as null (node, group) or are filtered out (lists). */
export const GroupNode = builder.loadableNodeRef<GroupRow>('Group', {
  id: { resolve: (group) => group.id },
  load: async (ids: string[], context) => {
    const rows = await findGroupsByIds(context.db, ids);
    rows.forEach((row) => context.access.primeGroup(row));
    const visible = await Promise.all(rows.map((row) => context.access.canSeeGroup(row)));
    return rows.filter((_row, index) => visible[index]);
  },
  sort: (group) => group.id,
});

GroupNode.implement({
  fields: (t) => ({
    slug: t.exposeString('slug'),
    institution: t.field({ type: InstitutionNode, resolve: (group) => group.institution_id }),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    topics: t.exposeStringList('topics'),
    languages: t.exposeStringList('languages'),
    facilitation: t.field({ type: FacilitationEnum, resolve: (group) => group.facilitation }),
    visibility: t.field({ type: VisibilityEnum, resolve: (group) => group.visibility }),
    joinPolicy: t.field({ type: JoinPolicyEnum, resolve: (group) => group.join_policy }),
    entryQuestions: t.exposeStringList('entry_questions'),
    formats: t.field({ type: [GroupFormatEnum], resolve: (group) => group.formats }),
    capacity: t.exposeInt('capacity', { nullable: true }),
    memberCount: t.loadable({
      type: 'Int',
      description: 'Active members, facilitators included.',
      load: async (ids: string[], context) => {
        const seats = await countSeatsTaken(context.db, ids);
        return ids.map((id) => seats.get(id) ?? 0);
      },
      resolve: (group) => group.id,
    }),
    acceptingMembers: t.loadable({
      type: 'Boolean',
      description: 'False when the group is archived or every seat is taken (a full group may still take a waitlist).',
      load: async (groups: GroupRow[], context) => {
        const seats = await countSeatsTaken(context.db, groups.map((group) => group.id));
        return groups.map((group) => !group.archived_at && (group.capacity === null || (seats.get(group.id) ?? 0) < group.capacity));
      },
      resolve: (group) => group,
    }),
    location: t.exposeString('location', { nullable: true }),
    timeZone: t.exposeString('time_zone'),
    guidelines: t.exposeString('guidelines'),
    anonymityPolicy: t.field({ type: AnonymityPolicyEnum, resolve: (group) => group.anonymity_policy }),
    allowsAnonymousPosts: t.boolean({ resolve: (group) => group.anonymity_policy !== 'DISABLED' }),
    heldFirstPosts: t.exposeInt('held_first_posts', { description: "How many of a new member's first posts are held for review." }),
    publicReading: t.exposeBoolean('public_reading', {
      description: 'True when anyone, guests included, may read the posts of this PUBLIC group; otherwise its members only.',
    }),
    feeDescription: t.exposeString('fee_description', { nullable: true }),
    archived: t.boolean({ resolve: (group) => group.archived_at !== null }),
    facilitators: t.loadableList({
      type: FacilitatorType,
      load: async (ids: string[], context) => {
        const rows = await findFacilitators(context.db, ids);
        return ids.map((id) => rows.filter((row) => row.group_id === id));
      },
      resolve: (group) => group.id,
    }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    viewerCanModerate: t.boolean({
      description:
        "True when the viewer moderates this group: one of its facilitators (a membership in force, so a suspension that has " +
        "ended counts) or the institution's admins. The same rule as every facilitator-only field and mutation; widgets ask this " +
        'instead of reading roles.',
      resolve: (group, _args, context) => context.access.isFacilitator(group.id),
    }),
  }),
});

builder.queryField('group', (t) =>
  t.field({
    type: GroupNode,
    nullable: true,
    description: "A group by global id, or by slug within the viewer's institution (or the X-Hearth-Institution header's).",
    args: { id: t.arg.globalID({ for: GroupNode }), slug: t.arg.string() },
    resolve: async (_root, { id, slug }, context) => {
      if (id) return id.id;
      if (!slug || !context.viewer.institutionId) return null;
      const row = await findGroupBySlug(context.db, context.viewer.institutionId, slug);
      return row && (await context.access.canSeeGroup(row)) ? row : null;
    },
  }),
);


const CreateGroupInput = builder.inputType('CreateGroupInput', {
    fields: (t) => ({
      slug: t.string({ required: true }),
      name: t.string({ required: true }),
      description: t.string({ defaultValue: '' }),
      topics: t.stringList({ defaultValue: [] }),
      languages: t.stringList({ required: true }),
      facilitation: t.field({ type: FacilitationEnum, required: true }),
      visibility: t.field({ type: VisibilityEnum, required: true }),
      joinPolicy: t.field({ type: JoinPolicyEnum, required: true }),
      entryQuestions: t.stringList({ defaultValue: [] }),
      capacity: t.int(),
      formats: t.field({ type: [GroupFormatEnum], defaultValue: ['FORUM'] }),
      location: t.string(),
      timeZone: t.string({ defaultValue: 'UTC' }),
      guidelines: t.string({ defaultValue: '' }),
      anonymityPolicy: t.field({ type: AnonymityPolicyEnum, defaultValue: 'DISABLED' }),
      heldFirstPosts: t.int({ defaultValue: 0 }),
      publicReading: t.boolean({ defaultValue: false, description: 'Let anyone read the posts of a PUBLIC group (guests included).' }),
      feeDescription: t.string(),
    }),
  });

builder.mutationField('createGroup', (t) =>
  t.field({
    type: GroupNode,
    description: "Creates a group in the viewer's institution. Institution admins and service tokens only.",
    errors: { types: [ValidationError, ForbiddenError, ConflictError] },
    authScopes: { institutionManager: true },
    // One schema over the whole input rather than one per field: the validation plugin stops at an input object's
    // first invalid field, and a person filling a form wants to hear about every mistake at once.
    args: { input: t.arg({ type: CreateGroupInput, required: true, validate: createGroupSchema }) },
    resolve: (_root, { input }, context) => createGroup(context.db, context.viewer, input),
  }),
);

const UpdateGroupInput = builder.inputType('UpdateGroupInput', {
  fields: (t) => ({
    groupId: t.id({ required: true }),
    slug: t.string(),
    name: t.string(),
    description: t.string(),
    topics: t.stringList(),
    languages: t.stringList(),
    facilitation: t.field({ type: FacilitationEnum }),
    visibility: t.field({ type: VisibilityEnum }),
    joinPolicy: t.field({ type: JoinPolicyEnum }),
    entryQuestions: t.stringList(),
    capacity: t.int({ description: 'null removes the limit.' }),
    formats: t.field({ type: [GroupFormatEnum] }),
    location: t.string(),
    timeZone: t.string(),
    guidelines: t.string(),
    anonymityPolicy: t.field({ type: AnonymityPolicyEnum }),
    heldFirstPosts: t.int(),
    publicReading: t.boolean(),
    feeDescription: t.string(),
  }),
});

/** After a write: later fields of the same request must read the group as it now is. */
function forgetChanged(context: HearthContext, group: GroupRow): GroupRow {
  context.access.forgetGroup(group.id);
  return group;
}

builder.mutationField('updateGroup', (t) =>
  t.field({
    type: GroupNode,
    description: 'Changes a group. Admins change anything; facilitators change what their role allows (see the API guide).',
    errors: { types: standardMutationErrors },
    args: { input: t.arg({ type: UpdateGroupInput, required: true, validate: updateGroupSchema }) },
    authScopes: (_root, { input }) => ({ groupFacilitator: String(input.groupId) }),
    resolve: async (_root, { input }, context) => {
      const { groupId, ...changes } = input;
      return forgetChanged(context, await changeGroupSettings(context.db, context.access, String(groupId), changes));
    },
  }),
);

const ArchiveGroupInput = builder.inputType('ArchiveGroupInput', {
  fields: (t) => ({
    groupId: t.id({ required: true }),
    archived: t.boolean({ defaultValue: true, description: 'false restores an archived group.' }),
  }),
});

builder.mutationField('archiveGroup', (t) =>
  t.field({
    type: GroupNode,
    description: 'Archives a group (no longer listed, no new members; history kept) or restores it. Admins only.',
    errors: { types: [ForbiddenError, NotFoundError] },
    args: { input: t.arg({ type: ArchiveGroupInput, required: true, validate: z.looseObject({ groupId: globalIdOf('Group') }) }) },
    authScopes: { institutionManager: true },
    resolve: async (_root, { input }, context) =>
      forgetChanged(context, await archiveGroup(context.db, context.access, String(input.groupId), input.archived !== false)),
  }),
);
