import type { MembershipRow, ModerationActionRow } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import type { HearthContext } from '../../schema/context.js';
import { standardMutationErrors } from '../../schema/errors.js';
import { toConnection } from '../../schema/keyset-pagination.js';
import { memberTime } from '../../schema/member-times.js';
import { GroupNode } from '../groups/group.types.js';
import { MemberNode } from '../members/member.types.js';
import { MembershipNode } from '../memberships/membership.types.js';
import { moderate } from './moderation-actions.js';
import { moderateSchema } from './moderation-input.js';
import { findActionsByIds, findAuditLogPage, findWarnings, type SubjectRef } from './moderation.queries.js';
import {
  auditedActionKinds,
  auditEntryVisibleTo,
  auditTargetVisibleTo,
  auditViewerFor,
  moderatedGroupScope,
  moderationActionKinds,
  moderationListing,
  warningVisibleTo,
} from './moderation.rules.js';
import { readIdPage } from './moderation-pages.js';
import { loadModerationSubject, ModerationSubjectTypeEnum, subjectFieldOptions, toWholeSecond } from './moderation-subject.types.js';

export const ModerationActionKindEnum = builder.enumType('ModerationActionKind', {
  description:
    'APPROVE publishes an item held for review. HIDE takes it out of sight (reversible), REMOVE takes it down, RESTORE publishes a ' +
    'hidden or removed item again. LOCK/UNLOCK stop or allow replies to a post; PIN/UNPIN keep it at the top. WARN sends its author a ' +
    'recorded warning; SUSPEND (until a date) and BAN act on the author\'s membership. DISMISS closes the case without change.',
  values: moderationActionKinds,
});

export const AuditedActionEnum = builder.enumType('AuditedAction', {
  description: 'An entry of the moderation audit log: a moderation action, or REVEAL_AUTHOR (an anonymous author revealed in a crisis).',
  values: auditedActionKinds,
});

/**
 * One entry of the audit log. The institution's admins see every entry; the group's facilitators see their group's
 * entries, without the target member of an anonymous item (see moderation.rules.ts).
 */
export const ModerationActionNode = builder.loadableNodeRef<ModerationActionRow>('ModerationAction', {
  id: { resolve: (entry) => entry.id },
  load: async (ids: string[], context) => {
    const rows = await findActionsByIds(context.db, ids);
    const visible = await Promise.all(rows.map((row) => auditEntryVisible(context, row)));
    return rows.filter((_row, index) => visible[index]);
  },
  sort: (entry) => entry.id,
});

export async function auditEntryVisible(context: HearthContext, entry: ModerationActionRow): Promise<boolean> {
  if (!entry.group_id || !(await context.access.isFacilitator(entry.group_id))) return false;
  return auditEntryVisibleTo(auditViewerFor(context.access, entry.institution_id), entry);
}

ModerationActionNode.implement({
  fields: (t) => ({
    action: t.field({ type: AuditedActionEnum, resolve: (entry) => entry.action as (typeof auditedActionKinds)[number] }),
    reason: t.exposeString('reason'),
    group: t.field({ type: GroupNode, nullable: true, resolve: (entry) => entry.group_id }),
    subjectType: t.field({ type: ModerationSubjectTypeEnum, nullable: true, resolve: (entry) => entry.subject_type }),
    subject: t.field({ ...subjectFieldOptions, resolve: (entry, _args, context) => loadModerationSubject(context, entry) }),
    actor: t.field({
      type: MemberNode,
      nullable: true,
      description: 'The moderator who acted; null for a service token (see byServiceToken) or a profile the viewer may not see.',
      resolve: (entry) => entry.actor_member_id,
    }),
    byServiceToken: t.boolean({
      description: "True when the institution's backend acted, through a service token.",
      resolve: (entry) => entry.actor_service_token_id !== null,
    }),
    targetMember: t.field({
      type: MemberNode,
      nullable: true,
      description:
        "The author the action concerned. Shown to the institution's admins, and to the group's facilitators unless the item was anonymous.",
      resolve: (entry, _args, context) => (auditTargetVisibleTo(auditViewerFor(context.access, entry.institution_id), entry) ? entry.target_member_id : null),
    }),
    suspendedUntil: t.field(
      memberTime({
        nullable: true,
        rounding: 'up',
        // Shown where targetMember is: on an anonymous item's action, the end of a suspension would match the
        // suspended member's Membership.suspendedUntil and name the author.
        description: 'SUSPEND only: when the suspension ends; null where targetMember is.',
        member: (entry: ModerationActionRow) => entry.target_member_id,
        shown: (entry, context) => auditTargetVisibleTo(auditViewerFor(context.access, entry.institution_id), entry),
        time: (entry) => (typeof entry.details.suspendedUntil === 'string' ? new Date(entry.details.suspendedUntil) : null),
      }),
    ),
    createdAt: t.field({ type: 'DateTime', resolve: (entry) => toWholeSecond(entry.created_at) }),
  }),
});

export const ModerationActionConnection = builder.connectionObject(
  { type: ModerationActionNode, name: 'ModerationActionConnection' },
  { name: 'ModerationActionEdge' },
);

const ModerateInput = builder.inputType('ModerateInput', {
  fields: (t) => ({
    caseId: t.id({ description: 'The ModerationItem to act on. Give this or subjectId.' }),
    subjectId: t.id({ description: "A Post or Reply to act on directly (its open case, if any, is settled too). Give this or caseId." }),
    action: t.field({ type: ModerationActionKindEnum, required: true }),
    reason: t.string({ required: true, description: 'Why (up to 1000 characters). Kept in the audit log; a warned or suspended member reads it.' }),
    suspendUntil: t.field({ type: 'DateTime', description: 'SUSPEND only: when the suspension ends (in the future).' }),
  }),
});

builder.mutationField('moderate', (t) =>
  t.field({
    type: ModerationActionNode,
    description:
      "Acts on a reported or held item, or on any item of the group, and records the action in the audit log. The group's " +
      "facilitators and the institution's admins; a peer facilitator doesn't suspend or ban a professional one, and only admins " +
      'suspend or ban the author of an anonymous item. APPROVE, HIDE, RESTORE, REMOVE and DISMISS close the case.',
    errors: { types: standardMutationErrors },
    args: { input: t.arg({ type: ModerateInput, required: true, validate: moderateSchema }) },
    authScopes: (_root, { input }, context) =>
      moderatedGroupScope(context.db, { caseId: input.caseId == null ? null : String(input.caseId), subject: (input.subjectId ?? null) as SubjectRef | null }),
    resolve: async (_root, { input }, context) => {
      const result = await moderate(context.db, context.viewer, {
        caseId: input.caseId == null ? null : String(input.caseId),
        subject: (input.subjectId ?? null) as SubjectRef | null,
        action: input.action,
        reason: input.reason,
        suspendUntil: input.suspendUntil ?? null,
      });
      if (result.changedMembershipsOf) context.access.forgetGroup(result.changedMembershipsOf);
      return result.entry;
    },
  }),
);

builder.queryField('auditLog', (t) =>
  t.field({
    type: ModerationActionConnection,
    description:
      "The moderation audit log, newest first: one group's (its facilitators and the institution's admins), or without groupId " +
      "the whole institution's (admins and service tokens) or every group the viewer facilitates.",
    args: { groupId: t.arg.globalID({ for: GroupNode }), ...t.arg.connectionArgs() },
    authScopes: (_root, args) => (args.groupId ? { groupFacilitator: args.groupId.id } : { signedIn: true, institutionManager: true }),
    resolve: async (_root, args, context) => {
      const { page, after } = readIdPage(args);
      const { scope, managed } = await moderationListing(context.db, context.access, args.groupId?.id ?? null);
      const rows = await findAuditLogPage(context.db, {
        scope,
        restrictedFor: managed ? undefined : { memberId: context.viewer.kind === 'member' ? context.viewer.member.id : null },
        afterActionId: after,
        limit: page.size + 1,
      });
      return toConnection(rows, page, (row) => [row.id]);
    },
  }),
);

/** A recorded warning, as its member reads it. */
export const ModerationWarningType = builder.objectRef<ModerationActionRow>('ModerationWarning').implement({
  description: 'A warning a moderator gave the member about something they wrote in the group.',
  fields: (t) => ({
    reason: t.exposeString('reason'),
    subjectType: t.field({ type: ModerationSubjectTypeEnum, nullable: true, resolve: (entry) => entry.subject_type }),
    subject: t.field({ ...subjectFieldOptions, resolve: (entry, _args, context) => loadModerationSubject(context, entry) }),
    createdAt: t.field({ type: 'DateTime', resolve: (entry) => toWholeSecond(entry.created_at) }),
  }),
});

builder.objectFields(MembershipNode, (t) => ({
  warnings: t.loadableList({
    type: ModerationWarningType,
    description:
      "Warnings given to the member in this group, newest first. The member and the institution's admins see all of them; the " +
      "group's facilitators see those about items that were not anonymous.",
    load: async (memberships: MembershipRow[], context) => {
      const rows = await findWarnings(
        context.db,
        memberships.map((membership) => ({ memberId: membership.member_id, groupId: membership.group_id })),
      );
      const visible = await Promise.all(rows.map((row) => warningVisibleTo(context.access, row)));
      const shown = rows.filter((_row, index) => visible[index]);
      return memberships.map((membership) =>
        shown.filter((row) => row.target_member_id === membership.member_id && row.group_id === membership.group_id),
      );
    },
    resolve: (membership) => membership,
  }),
}));
