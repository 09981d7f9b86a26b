import type { RequestAccess } from '../../auth/request-access.js';
import { isUniqueViolation } from '../../db/constraint-errors.js';
import type { HearthDb } from '../../db/database.js';
import type { ReportReason, ReportRow } from '../../db/tables.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../schema/errors.js';
import { openOrUpdateModerationCase } from './moderation-cases.queries.js';
import { findOpenReport, findSubjects, insertReport, type ModeratedSubject, type SubjectRef } from './moderation.queries.js';

/**
 * Reports: a member tells the group's facilitators that a post or reply needs them. Each report feeds the item's
 * one open moderation case, which the queue lists; CRISIS and SELF_HARM reports put it at the top.
 */
const crisisReasons: ReadonlySet<ReportReason> = new Set<ReportReason>(['CRISIS', 'SELF_HARM']);

export function isCrisisReason(reason: ReportReason): boolean {
  return crisisReasons.has(reason);
}

/**
 * The item the viewer wants to report, if they may: a published post or reply of a group where their membership
 * is in force, written by someone else. An item the viewer can't see (another institution, a private group
 * they're not in, held or hidden) is not found, as if it did not exist.
 */
export async function reportableSubject(db: HearthDb, access: RequestAccess, ref: SubjectRef): Promise<{ subject: ModeratedSubject; reporterId: string }> {
  const viewer = access.viewer;
  if (viewer.kind !== 'member') throw new ForbiddenError('Sign in to report.');
  const [subject] = await findSubjects(db, [ref]);
  const group = subject && subject.institution_id === viewer.institutionId ? await access.group(subject.group_id) : null;
  if (!subject || !group || subject.status !== 'PUBLISHED' || !(await access.canSeeGroup(group))) {
    throw new NotFoundError('No such post or reply.');
  }
  if (!(await access.isActiveMember(group.id))) throw new ForbiddenError('Only members of this group can report what is posted in it.');
  if (subject.author_id === viewer.member.id) throw new ForbiddenError('You cannot report your own writing.');
  return { subject, reporterId: viewer.member.id };
}

/**
 * Files the report and adds it to the item's moderation case, in one transaction. One open report per reporter
 * per item: a second one is a ConflictError (checked first for a clear answer, and by the unique index for two
 * reports racing).
 */
export async function fileReport(
  db: HearthDb,
  report: { subject: ModeratedSubject; reporterId: string; reason: ReportReason; note: string | null },
): Promise<ReportRow> {
  const { subject, reporterId, reason, note } = report;
  try {
    return await db.transaction().execute(async (trx) => {
      if (await findOpenReport(trx, subject.id, reporterId)) throw alreadyReported();
      const moderationCase = await openOrUpdateModerationCase(trx, {
        institutionId: subject.institution_id,
        groupId: subject.group_id,
        subjectType: subject.type,
        subjectId: subject.id,
        crisis: isCrisisReason(reason),
        reasons: [reason],
        reports: 1,
      });
      return insertReport(trx, { subject, caseId: moderationCase.id, reporterId, reason, note });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyReported();
    throw error;
  }
}

function alreadyReported(): ConflictError {
  return new ConflictError("You have already reported this, and the facilitators haven't closed your report yet.");
}
