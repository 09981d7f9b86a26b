import type { ReportRow } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import type { HearthContext } from '../../schema/context.js';
import { RateLimitedError, standardMutationErrors } from '../../schema/errors.js';
import { rateLimit } from '../../rate-limits/rate-limits.js';
import { MemberNode } from '../members/member.types.js';
import { reportSchema } from './moderation-input.js';
import { loadModerationSubject, ModerationSubjectTypeEnum, subjectFieldOptions, toWholeSecond } from './moderation-subject.types.js';
import { findReportsByIds, type SubjectRef } from './moderation.queries.js';
import { fileReport, reportableSubject } from './reports.js';

export const ReportReasonEnum = builder.enumType('ReportReason', {
  description: 'Why a member reports a post or reply. CRISIS and SELF_HARM put the item at the top of the moderation queue.',
  values: ['CRISIS', 'SELF_HARM', 'HARASSMENT', 'SPAM', 'MISINFORMATION', 'OTHER'] as const,
});

export const ReportStatusEnum = builder.enumType('ReportStatus', {
  description: 'OPEN until a moderator decides about the item: RESOLVED when they acted on it, DISMISSED when they left it as it was.',
  values: ['OPEN', 'RESOLVED', 'DISMISSED'] as const,
});

/** The reporter, or the group's facilitators and the institution's admins (`groupFacilitator`). */
const reporterOrFacilitator = (report: ReportRow, _args: object, context: HearthContext) =>
  (context.viewer.kind === 'member' && context.viewer.member.id === report.reporter_id) || { groupFacilitator: report.group_id };

/** A report, seen by the member who filed it, the group's facilitators and the institution's admins. */
export const ReportNode = builder.loadableNodeRef<ReportRow>('Report', {
  id: { resolve: (report) => report.id },
  load: async (ids: string[], context) => {
    const rows = await findReportsByIds(context.db, ids);
    const visible = await Promise.all(
      rows.map(async (row) => (context.viewer.kind === 'member' && context.viewer.member.id === row.reporter_id) || context.access.isFacilitator(row.group_id)),
    );
    return rows.filter((_row, index) => visible[index]);
  },
  sort: (report) => report.id,
});

ReportNode.implement({
  fields: (t) => ({
    reason: t.field({ type: ReportReasonEnum, resolve: (report) => report.reason }),
    note: t.exposeString('note', { nullable: true, description: 'What the reporter added for the facilitators.' }),
    status: t.field({ type: ReportStatusEnum, resolve: (report) => report.status }),
    subjectType: t.field({ type: ModerationSubjectTypeEnum, resolve: (report) => report.subject_type }),
    subject: t.field({ ...subjectFieldOptions, resolve: (report, _args, context) => loadModerationSubject(context, report) }),
    reporter: t.field({
      type: MemberNode,
      nullable: true,
      description: "Who reported: the reporter themselves, the group's facilitators and the institution's admins; null for anyone else.",
      authScopes: reporterOrFacilitator,
      unauthorizedResolver: () => null,
      resolve: (report) => report.reporter_id,
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (report) => toWholeSecond(report.created_at) }),
    resolvedAt: t.field({ type: 'DateTime', nullable: true, resolve: (report) => toWholeSecond(report.resolved_at) }),
  }),
});

const ReportInput = builder.inputType('ReportInput', {
  fields: (t) => ({
    subjectId: t.id({ required: true, description: 'The Post or Reply to report.' }),
    reason: t.field({ type: ReportReasonEnum, required: true }),
    note: t.string({ description: 'Anything the facilitators should know (up to 1000 characters).' }),
  }),
});

builder.mutationField('report', (t) =>
  t.field({
    type: ReportNode,
    description:
      "Reports a post or reply to its group's facilitators. Members of the group (in good standing) only, one open report per " +
      'member per item; CRISIS and SELF_HARM reports put the item first in the moderation queue.',
    errors: { types: [...standardMutationErrors, RateLimitedError] },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReportInput, required: true, validate: reportSchema }) },
    resolve: async (_root, { input }, context) => {
      const target = await reportableSubject(context.db, context.access, input.subjectId as unknown as SubjectRef);
      await rateLimit(context, 'report');
      return fileReport(context.db, { ...target, reason: input.reason, note: input.note || null });
    },
  }),
);
