import { sql } from 'kysely';
import type { HearthDb } from '../../db/database.js';
import type { ModerationCaseRow, SubjectType } from '../../db/tables.js';

export type CaseRiskLevel = 'IMMINENT' | 'HIGH' | 'CONCERN';

export interface CaseSignal {
  institutionId: string;
  groupId: string;
  subjectType: SubjectType;
  subjectId: string;
  crisis?: boolean;
  /** The content pipeline's risk level (crisis only); a member's crisis report brings HIGH. */
  riskLevel?: CaseRiskLevel | null;
  warningSigns?: readonly string[];
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
      risk_level: signal.crisis ? (signal.riskLevel ?? 'HIGH') : null,
      warning_signs: [...new Set(signal.warningSigns ?? [])],
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
          // The most urgent level any signal brought: a later, milder signal never lowers it.
          risk_level: sql<CaseRiskLevel | null>`case
            when 'IMMINENT' in (moderation_cases.risk_level, excluded.risk_level) then 'IMMINENT'
            when 'HIGH' in (moderation_cases.risk_level, excluded.risk_level) then 'HIGH'
            else coalesce(moderation_cases.risk_level, excluded.risk_level) end`,
          warning_signs: sql<string[]>`array(select distinct unnest(moderation_cases.warning_signs || excluded.warning_signs))`,
          held_for_review: sql<boolean>`moderation_cases.held_for_review or excluded.held_for_review`,
          reasons: sql<string[]>`array(select distinct unnest(moderation_cases.reasons || excluded.reasons))`,
          report_count: sql<number>`moderation_cases.report_count + excluded.report_count`,
          updated_at: eb.fn('now'),
        })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Marks the open case acknowledged by a facilitator, now (to the second, like every timestamp others see); the
 * first acknowledgement stands. Returns the updated row, or undefined when it was already acknowledged or closed.
 */
export async function acknowledgeCase(trx: HearthDb, caseId: string, memberId: string): Promise<ModerationCaseRow | undefined> {
  return trx
    .updateTable('moderation_cases')
    .set({ acknowledged_at: sql<Date>`date_trunc('second', now())`, acknowledged_by: memberId, updated_at: sql<Date>`now()` })
    .where('id', '=', caseId)
    .where('status', '=', 'OPEN')
    .where('acknowledged_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
