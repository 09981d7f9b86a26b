import { z } from 'zod';

/**
 * Instants people give as input: when a suspension ends, when an invitation link expires. One rule for all of
 * them, so none can be set to a moment that means nothing (the year 275760) or that PostgreSQL and clients read
 * differently. The DateTime scalar already refuses years outside 1000–9999; the rules here bound what a
 * decision may reach: the future, and at most five years of it (past that, "never" is the honest answer, which
 * a ban or a link without expiry already says).
 */
export const maxYearsAhead = 5;

const yearMs = 365.25 * 24 * 60 * 60 * 1000;

/** Why `date` can't be the end of a decision taken now, or null. */
export function futureInstantProblem(date: Date, pastMessage: string, now = Date.now()): string | null {
  if (Number.isNaN(date.getTime())) return 'Expected an ISO 8601 date-time.';
  if (date.getTime() <= now) return pastMessage;
  if (date.getTime() > now + maxYearsAhead * yearMs) return `Must be at most ${maxYearsAhead} years from now.`;
  return null;
}

/** An instant in the next five years, as a zod rule: `pastMessage` says why a past one is refused. */
export function futureInstant(pastMessage: string) {
  return z.date().superRefine((date, context) => {
    const problem = futureInstantProblem(date, pastMessage);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
}
