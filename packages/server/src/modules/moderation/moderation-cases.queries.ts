import { sql } from 'kysely';
import type { HearthDb } from '../../db/database.js';
import type { ModerationCaseRow, SubjectType } from '../../db/tables.js';

export interface CaseSignal {
  institutionId: string;
  groupId: string;
  subjectType: SubjectType;
  subjectId: string;
  crisis?: boolean;
  heldForReview?: boolean;
  /** Report reasons (CRISIS, SPAM, …) or pipeline reasons (WORD_LIST, FIRST_POSTS, CRISIS_LANGUAGE). */
  reasons: string[];
  /** 1 when the signal is a new report. */
  reports?: number;
}

/**
 * Opens the item's moderation case, or adds this signal to the one already open: one case per item, so the queue
 * shows each item once with every reason and report behind it. Crisis and held flags only ever turn on here; a
 * moderator's action resolves the case.
 */
export async function openOrUpdateModerationCase(trx: HearthDb, signal: CaseSignal): Promise<ModerationCaseRow> {
  return trx
    .insertInto('moderation_cases')
    .values({
      institution_id: signal.institutionId,
      group_id: signal.groupId,
      subject_type: signal.subjectType,
      subject_id: signal.subjectId,
      crisis: signal.crisis ?? false,
      held_for_review: signal.heldForReview ?? false,
      reasons: [...new Set(signal.reasons)],
      report_count: signal.reports ?? 0,
    })
    .onConflict((conflict) =>
      conflict
        .column('subject_id')
        // A literal, not a parameter: PostgreSQL matches the partial unique index by its predicate's text.
        .where('status', '=', sql.lit('OPEN'))
        .doUpdateSet((eb) => ({
          crisis: sql<boolean>`moderation_cases.crisis or excluded.crisis`,
          held_for_review: sql<boolean>`moderation_cases.held_for_review or excluded.held_for_review`,
          reasons: sql<string[]>`array(select distinct unnest(moderation_cases.reasons || excluded.reasons))`,
          report_count: sql<number>`moderation_cases.report_count + excluded.report_count`,
          updated_at: eb.fn('now'),
        })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
