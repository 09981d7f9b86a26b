import { z } from 'zod';
import type { ModerationCaseRow, ReportReason } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import { standardMutationErrors } from '../../schema/errors.js';
import { globalIdOf } from '../../schema/global-ids.js';
import { warningSigns as knownWarningSigns, type WarningSign } from '../content-pipeline/content-pipeline.js';
import { MemberNode } from '../members/member.types.js';
import { acknowledgeModerationItem } from './acknowledgement.js';
import { RiskLevelEnum, WarningSignEnum } from './risk-level.types.js';
import { toConnection } from '../../schema/keyset-pagination.js';
import { GroupNode } from '../groups/group.types.js';
import { ModerationActionNode, auditEntryVisible } from './moderation-action.types.js';
import { readQueuePage } from './moderation-pages.js';
import { findActionsOfCases, findCasesByIds, findQueuePage, findReportsOfCases } from './moderation.queries.js';
import { moderatedGroupScope, moderationListing, revealConditionRefusal } from './moderation.rules.js';
import { mayRevealAuthors } from './anonymity-policy.js';
import { loadModerationSubject, ModerationSubjectTypeEnum, subjectFieldOptions, toWholeSecond } from './moderation-subject.types.js';
import { ReportNode, ReportReasonEnum } from './report.types.js';
import { viewerRevealActor } from './anonymity-policy.types.js';

const warningSignSet: ReadonlySet<string> = new Set<string>(knownWarningSigns);
const reportReasons: ReadonlySet<string> = new Set<ReportReason>(['CRISIS', 'SELF_HARM', 'HARASSMENT', 'SPAM', 'MISINFORMATION', 'OTHER']);

export const ModerationCaseStatusEnum = builder.enumType('ModerationCaseStatus', {
  description: 'OPEN while the item waits in the queue; RESOLVED once a moderator decided about it.',
  values: ['OPEN', 'RESOLVED'] as const,
});

/**
 * One item in the moderation queue: a reported or held post or reply, with every reason and report behind it (one
 * case per item while it is open). Seen by the group's facilitators and the institution's admins.
 */
export const ModerationItemNode = builder.loadableNodeRef<ModerationCaseRow>('ModerationItem', {
  id: { resolve: (item) => item.id },
  load: async (ids: string[], context) => {
    const rows = await findCasesByIds(context.db, ids);
    const visible = await Promise.all(rows.map((row) => context.access.isFacilitator(row.group_id)));
    return rows.filter((_row, index) => visible[index]);
  },
  sort: (item) => item.id,
});

ModerationItemNode.implement({
  fields: (t) => ({
    group: t.field({ type: GroupNode, nullable: true, resolve: (item) => item.group_id }),
    subjectType: t.field({ type: ModerationSubjectTypeEnum, resolve: (item) => item.subject_type }),
    subject: t.field({ ...subjectFieldOptions, resolve: (item, _args, context) => loadModerationSubject(context, item) }),
    crisis: t.exposeBoolean('crisis', { description: 'A crisis report or crisis language: these items come first.' }),
    riskLevel: t.field({
      type: RiskLevelEnum,
      nullable: true,
      description:
        'How urgent the crisis is: the most urgent level any signal brought (the content pipeline, or HIGH for a crisis report). ' +
        'Null when the item is not crisis. The queue orders by it.',
      resolve: (item) => (item.crisis ? (item.risk_level ?? 'HIGH') : null),
    }),
    warningSigns: t.field({
      type: [WarningSignEnum],
      description: 'The warning signs crisis detection found in the item (empty for a report alone).',
      resolve: (item) => item.warning_signs.filter((sign): sign is WarningSign => warningSignSet.has(sign)),
    }),
    acknowledgedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When a facilitator acknowledged the item (acknowledgeModerationItem); null until then.',
      resolve: (item) => toWholeSecond(item.acknowledged_at),
    }),
    acknowledgedBy: t.field({
      type: MemberNode,
      nullable: true,
      description: 'The facilitator or admin who acknowledged the item; null until then (or if their profile was deleted).',
      resolve: (item) => item.acknowledged_by,
    }),
    waitingSince: t.field({
      type: 'DateTime',
      description: 'When the item entered the queue (the case opened), to show how long it has waited.',
      resolve: (item) => toWholeSecond(item.created_at),
    }),
    viewerCanReveal: t.boolean({
      description:
        'Whether the viewer may reveal who wrote this item now (revealAnonymousAuthor): the group\'s anonymity rule lets them ' +
        '(Group.viewerCanReveal), the item is anonymous and this is an open crisis case. The queue shows its reveal button from this.',
      resolve: async (item, _args, context) => {
        const group = await context.access.group(item.group_id);
        // The rule first, so for anyone it refuses the answer is false whatever the item (it says nothing about it).
        if (!group || !mayRevealAuthors(group, await viewerRevealActor(context, group))) return false;
        const subject = await loadModerationSubject(context, item);
        return subject !== null && 'anonymous' in subject && revealConditionRefusal(item, { anonymous: subject.anonymous }) === null;
      },
    }),
    heldForReview: t.exposeBoolean('held_for_review', { description: 'The item waits for approval before anyone else sees it.' }),
    reasons: t.field({
      type: [ReportReasonEnum],
      description: 'The reasons members gave in their reports.',
      resolve: (item) => item.reasons.filter((reason): reason is ReportReason => reportReasons.has(reason)),
    }),
    flags: t.stringList({
      description:
        'Why the content pipeline held or flagged the item: WORD_LIST, FIRST_POSTS, CRISIS_LANGUAGE, or the name of a later stage.',
      resolve: (item) => item.reasons.filter((reason) => !reportReasons.has(reason)),
    }),
    reportCount: t.exposeInt('report_count'),
    status: t.field({ type: ModerationCaseStatusEnum, resolve: (item) => item.status }),
    createdAt: t.field({ type: 'DateTime', resolve: (item) => toWholeSecond(item.created_at) }),
    updatedAt: t.field({ type: 'DateTime', resolve: (item) => toWholeSecond(item.updated_at) }),
    resolvedAt: t.field({ type: 'DateTime', nullable: true, resolve: (item) => toWholeSecond(item.resolved_at) }),
    reports: t.loadableList({
      type: ReportNode,
      description: 'The reports behind the case, oldest first, with their reasons and notes.',
      load: async (ids: string[], context) => {
        const rows = await findReportsOfCases(context.db, ids);
        return ids.map((id) => rows.filter((row) => row.case_id === id));
      },
      resolve: (item) => item.id,
    }),
    actions: t.loadableList({
      type: ModerationActionNode,
      description: 'What moderators did about the item while this case was open (and after), oldest first.',
      load: async (ids: string[], context) => {
        const rows = await findActionsOfCases(context.db, ids);
        const visible = await Promise.all(rows.map((row) => auditEntryVisible(context, row)));
        const shown = rows.filter((_row, index) => visible[index]);
        return ids.map((id) => shown.filter((row) => row.case_id === id));
      },
      resolve: (item) => item.id,
    }),
  }),
});

export const ModerationItemConnection = builder.connectionObject(
  { type: ModerationItemNode, name: 'ModerationItemConnection' },
  { name: 'ModerationItemEdge' },
);

builder.queryField('moderationQueue', (t) =>
  t.field({
    type: ModerationItemConnection,
    description:
      'Open moderation cases, crisis first by risk level (IMMINENT, HIGH, CONCERN), unacknowledged before acknowledged, then the ' +
      "rest; oldest first within each: one group's (its facilitators and the institution's admins), or " +
      "without groupId the whole institution's (admins and service tokens) or every group the viewer facilitates.",
    args: { groupId: t.arg.globalID({ for: GroupNode }), ...t.arg.connectionArgs() },
    authScopes: (_root, args) => (args.groupId ? { groupFacilitator: args.groupId.id } : { signedIn: true, institutionManager: true }),
    resolve: async (_root, args, context) => {
      const { page, after } = readQueuePage(args);
      const { scope } = await moderationListing(context.db, context.access, args.groupId?.id ?? null);
      const rows = await findQueuePage(context.db, scope, after, page.size + 1);
      return toConnection(rows, page, (row) => [row.queue_rank, row.id]);
    },
  }),
);

builder.objectFields(ReportNode, (t) => ({
  moderationItem: t.field({
    type: ModerationItemNode,
    nullable: true,
    description: "The case the report fed. The group's facilitators and the institution's admins; null for the reporter.",
    resolve: (report) => report.case_id,
  }),
}));

builder.objectFields(ModerationActionNode, (t) => ({
  moderationItem: t.field({
    type: ModerationItemNode,
    nullable: true,
    description: 'The case the action settled or was taken under, if any.',
    resolve: (entry) => entry.case_id,
  }),
}));

const AcknowledgeModerationItemInput = builder.inputType('AcknowledgeModerationItemInput', {
  fields: (t) => ({ itemId: t.id({ required: true, description: 'The ModerationItem to acknowledge.' }) }),
});

builder.mutationField('acknowledgeModerationItem', (t) =>
  t.field({
    type: ModerationItemNode,
    description:
      "Says that a person is looking after a queue item: the group's facilitators and the institution's admins (not service tokens). " +
      'The item keeps its place among its risk level, below the unacknowledged ones, shows who acknowledged it and when, and the ' +
      'audit log records an ACKNOWLEDGE entry. The case stays open. An item already acknowledged, or closed, is a ConflictError.',
    // ValidationError beside the contract's three: an itemId that is not a ModerationItem's is bad input, not a 404.
    errors: { types: standardMutationErrors },
    args: { input: t.arg({ type: AcknowledgeModerationItemInput, required: true, validate: z.looseObject({ itemId: globalIdOf('ModerationItem') }) }) },
    authScopes: (_root, { input }, context) => moderatedGroupScope(context.db, { caseId: String(input.itemId), subject: null }),
    resolve: (_root, { input }, context) => acknowledgeModerationItem(context.db, context.viewer, String(input.itemId)),
  }),
);
