import type { HearthDb } from '../../db/database.js';
import type { GroupRow, MemberRow, MembershipRow } from '../../db/tables.js';
import type { CrisisResource } from '../crisis-resources/crisis-resources.js';
import { InMemoryRateLimiter, type RateLimiter } from '../../rate-limits/rate-limits.js';
import type { CrisisClassifierOptions } from '../../schema/context.js';

/**
 * Every post and reply passes one ordered pipeline of small stages before it is stored (issue: validation →
 * rate limit → word lists → crisis detection → pre-moderation). A stage either refuses the content by throwing a
 * typed HearthError (ValidationError, RateLimitedError, ForbiddenError), or adds to the outcome: hold it for
 * review, flag it as a crisis, attach crisis resources. A new check (an institution's own classifier over HTTP,
 * say) is one more entry in the stage list.
 */
export interface ContentDraft {
  kind: 'POST' | 'REPLY';
  /** Posts only. */
  title: string | null;
  body: string;
  contentWarning: string | null;
  anonymous: boolean;
  /**
   * True when the draft replaces the text of an existing item (an edit). Every stage checks it as it checks new
   * text, except the rate limit, which counts it against the edit allowance instead of the posting one: fixing a
   * typo must not use up the allowance for posting, and a script must not rewrite a post hundreds of times.
   * @default false
   */
  edit?: boolean;
}

export interface ContentAuthor {
  member: MemberRow;
  membership: MembershipRow;
  group: GroupRow;
}

/**
 * How urgent crisis language is, most urgent first: IMMINENT when a plan, means or a time is present; HIGH for
 * direct ideation, intent or self-harm; CONCERN for warning signs that call for a check-in (burdensomeness,
 * hopelessness, farewells without more). The moderation queue orders by it.
 */
export type RiskLevel = 'IMMINENT' | 'HIGH' | 'CONCERN';
export const riskLevels: readonly RiskLevel[] = ['IMMINENT', 'HIGH', 'CONCERN'];

/** The warning-sign categories of clinical guidance that the detector recognises (crisis-detector.ts). */
export type WarningSign =
  | 'DIRECT_IDEATION'
  | 'INTENT_OR_PLAN'
  | 'MEANS_OR_METHOD'
  | 'TIMING'
  | 'FAREWELL_OR_FINALITY'
  | 'BURDENSOMENESS'
  | 'HOPELESSNESS'
  | 'SELF_HARM';
export const warningSigns: readonly WarningSign[] = [
  'DIRECT_IDEATION',
  'INTENT_OR_PLAN',
  'MEANS_OR_METHOD',
  'TIMING',
  'FAREWELL_OR_FINALITY',
  'BURDENSOMENESS',
  'HOPELESSNESS',
  'SELF_HARM',
];

export interface ContentOutcome {
  /** PUBLISHED unless a stage held it (PENDING_REVIEW). */
  status: 'PUBLISHED' | 'PENDING_REVIEW';
  /** Set by crisis detection (riskLevel !== null): the item goes to the top of the facilitators' queue. */
  crisis: boolean;
  /** The crisis detector's risk level, or null when it found none. */
  riskLevel: RiskLevel | null;
  /** The warning signs behind the risk level (empty when none). */
  warningSigns: WarningSign[];
  /** Why the item is held or flagged, for the moderation case (e.g. 'WORD_LIST', 'FIRST_POSTS', 'CRISIS_LANGUAGE'). */
  reasons: string[];
  /** Shown to the author at once when non-empty (the crisis detector matched). */
  crisisResources: CrisisResource[];
}

/** What stages use besides the database: the server's shared services (from the request context). */
export interface ContentServices {
  rateLimiter: RateLimiter;
  /** @default the default timeout, no logging */
  crisisClassifier?: CrisisClassifierOptions | undefined;
}

export interface ContentStage {
  name: string;
  /** Refuse by throwing a typed error; otherwise return the (possibly changed) outcome. */
  apply(draft: ContentDraft, author: ContentAuthor, outcome: ContentOutcome, db: HearthDb, services: ContentServices): Promise<ContentOutcome>;
}

/**
 * For callers without a request context (scripts, seeds). Requests pass `{ rateLimiter: context.rateLimiter }`
 * instead: this one lives in this process only, so with Redis configured it would not share the other
 * instances' windows.
 */
const processServices: ContentServices = { rateLimiter: new InMemoryRateLimiter() };

/** The outcome with one more reason (each reason once). */
export function withReason(outcome: ContentOutcome, reason: string): ContentOutcome {
  return outcome.reasons.includes(reason) ? outcome : { ...outcome, reasons: [...outcome.reasons, reason] };
}

export function initialOutcome(): ContentOutcome {
  return { status: 'PUBLISHED', crisis: false, riskLevel: null, warningSigns: [], reasons: [], crisisResources: [] };
}

/** Runs the stages in order; the first refusal stops the pipeline and nothing is stored. */
export async function runContentPipeline(
  stages: readonly ContentStage[],
  draft: ContentDraft,
  author: ContentAuthor,
  db: HearthDb,
  services: ContentServices = processServices,
): Promise<ContentOutcome> {
  let outcome = initialOutcome();
  for (const stage of stages) outcome = await stage.apply(draft, author, outcome, db, services);
  return outcome;
}
