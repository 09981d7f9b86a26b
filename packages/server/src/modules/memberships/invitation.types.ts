import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { GroupRow, InvitationRow } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import type { HearthContext } from '../../schema/context.js';
import { ForbiddenError, NotFoundError, standardMutationErrors, ValidationError } from '../../schema/errors.js';
import { encodeGlobalId } from '../../schema/global-ids.js';
import { FacilitationEnum, GroupNode, JoinPolicyEnum } from '../groups/group.types.js';
import { createInvitation } from './invitations.js';
import { createInvitationSchema, membershipRules, revokeInvitationSchema } from './membership-input.js';
import { connectionsByParent, readRowPage } from './membership-pages.js';
import { findInvitationByCode, findInvitationPages, findInvitationsByIds, revokeInvitation } from './membership.queries.js';
import { invitationProblem } from './membership.rules.js';

/** Invitation rows by id for authorization scopes, whoever can see them (the scope needs the row's group). */
const invitationRowLoader = createContextCache(
  (context: HearthContext) =>
    new DataLoader<string, InvitationRow | null>(async (ids) => {
      const rows = new Map((await findInvitationsByIds(context.db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
);

/** An invitation link to a group. Seen by the group's facilitators and the institution's managers. */
export const InvitationNode = builder.loadableNodeRef<InvitationRow>('Invitation', {
  id: { resolve: (invitation) => invitation.id },
  load: async (ids: string[], context) => {
    const rows = await findInvitationsByIds(context.db, ids);
    const visible = await Promise.all(rows.map((row) => context.access.isFacilitator(row.group_id)));
    return rows.filter((_row, index) => visible[index]);
  },
  sort: (invitation) => invitation.id,
});

InvitationNode.implement({
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The code to pass as joinGroup(inviteCode:), usually inside a link.' }),
    group: t.field({ type: GroupNode, nullable: true, resolve: (invitation) => invitation.group_id }),
    expiresAt: t.expose('expires_at', { type: 'DateTime', nullable: true }),
    maxUses: t.exposeInt('max_uses', { nullable: true, description: 'How many joins it allows; null for no limit.' }),
    useCount: t.exposeInt('use_count'),
    revokedAt: t.expose('revoked_at', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    valid: t.boolean({
      description: 'False once revoked, expired or used up.',
      resolve: (invitation) => invitationProblem(invitation) === null,
    }),
  }),
});

const InvitationConnection = builder.connectionObject({ type: InvitationNode, name: 'InvitationConnection' }, { name: 'InvitationEdge' });

builder.objectFields(GroupNode, (t) => ({
  invitations: t.loadable({
    type: InvitationConnection,
    nullable: true,
    byPath: true,
    description: "The group's invitation links, newest first. Facilitators and admins only.",
    args: { ...t.arg.connectionArgs() },
    authScopes: (group: GroupRow) => ({ groupFacilitator: group.id }),
    unauthorizedResolver: () => null,
    load: async (ids: string[], context, args) => {
      const { page, after } = readRowPage(args);
      const rows = await findInvitationPages(context.db, { groupIds: ids, after, limit: page.size + 1 });
      return connectionsByParent(ids, rows, (row) => row.group_id, page);
    },
    resolve: (group) => group.id,
  }),
}));

/** What an invitation leads to, for whoever holds its code: enough to decide whether to join a private group. */
interface InvitationPreviewShape {
  invitation: InvitationRow;
  group: GroupRow;
}

const InvitationPreview = builder.objectRef<InvitationPreviewShape>('InvitationPreview').implement({
  description: 'The group an invitation leads to, shown to anyone holding its code (even for a PRIVATE group).',
  fields: (t) => ({
    groupId: t.id({ description: 'The id to pass to joinGroup with the code.', resolve: ({ group }) => encodeGlobalId('Group', group.id) }),
    groupName: t.string({ resolve: ({ group }) => group.name }),
    groupDescription: t.string({ resolve: ({ group }) => group.description }),
    facilitation: t.field({ type: FacilitationEnum, resolve: ({ group }) => group.facilitation }),
    joinPolicy: t.field({ type: JoinPolicyEnum, resolve: ({ group }) => group.join_policy }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: ({ invitation }) => invitation.expires_at }),
    expired: t.boolean({ resolve: ({ invitation }) => invitation.expires_at !== null && invitation.expires_at <= new Date() }),
    valid: t.boolean({
      description: 'True when the code can still be used to join: not revoked, expired or used up, and the group not archived.',
      resolve: ({ invitation, group }) => invitationProblem(invitation) === null && group.archived_at === null,
    }),
    problem: t.string({
      nullable: true,
      description: 'Why the code can no longer be used, in words a person can read; null while it is valid.',
      resolve: ({ invitation, group }) => invitationProblem(invitation) ?? (group.archived_at ? 'This group is archived.' : null),
    }),
  }),
});

builder.queryField('invitation', (t) =>
  t.field({
    type: InvitationPreview,
    nullable: true,
    description: 'What an invitation code leads to, or null for an unknown code. Anyone holding the code may ask, guests included.',
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, { code }, context) => {
      const trimmed = code.trim();
      if (!membershipRules.inviteCode.safeParse(trimmed).success) return null;
      const invitation = await findInvitationByCode(context.db, trimmed);
      if (!invitation) return null;
      const group = await context.access.group(invitation.group_id);
      return group ? { invitation, group } : null;
    },
  }),
);

const CreateInvitationInput = builder.inputType('CreateInvitationInput', {
  fields: (t) => ({
    groupId: t.id({ required: true }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the link stops working; null for never.' }),
    maxUses: t.int({ description: 'How many people may join with it; null for no limit.' }),
  }),
});

builder.mutationField('createInvitation', (t) =>
  t.field({
    type: InvitationNode,
    description: "Creates an invitation link to a group. The group's facilitators and admins.",
    errors: { types: standardMutationErrors },
    authScopes: (_root, { input }) => ({ groupFacilitator: String(input.groupId) }),
    args: { input: t.arg({ type: CreateInvitationInput, required: true, validate: createInvitationSchema }) },
    resolve: async (_root, { input }, context) => {
      const group = await context.access.group(String(input.groupId));
      if (!group) throw new NotFoundError('No such group.');
      return createInvitation(context.db, context.viewer, group, { expiresAt: input.expiresAt ?? null, maxUses: input.maxUses ?? null });
    },
  }),
);

const RevokeInvitationInput = builder.inputType('RevokeInvitationInput', {
  fields: (t) => ({ invitationId: t.id({ required: true }) }),
});

builder.mutationField('revokeInvitation', (t) =>
  t.field({
    type: InvitationNode,
    description: 'Withdraws an invitation link; people who already joined with it stay. Revoking twice changes nothing.',
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    authScopes: async (_root, { input }, context) => {
      const invitation = await invitationRowLoader(context).load(String(input.invitationId));
      return invitation ? { groupFacilitator: invitation.group_id } : { signedIn: true, institutionManager: true };
    },
    args: { input: t.arg({ type: RevokeInvitationInput, required: true, validate: revokeInvitationSchema }) },
    resolve: async (_root, { input }, context) => {
      const id = String(input.invitationId);
      const current = await invitationRowLoader(context).load(id);
      if (!current) throw new NotFoundError('No such invitation.');
      const revoked = await revokeInvitation(context.db, id);
      invitationRowLoader(context).clear(id);
      return revoked ?? current;
    },
  }),
);
