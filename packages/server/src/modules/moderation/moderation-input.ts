import { z } from 'zod';
import type { SubjectType } from '../../db/tables.js';
import { decodeGlobalId, globalIdOf } from '../../schema/global-ids.js';
import { futureInstantProblem } from '../../schema/date-input.js';
import { plainText } from '../../schema/text-input.js';
import type { SubjectRef } from './moderation.queries.js';
import { moderationActionKinds } from './moderation.rules.js';

/**
 * Input rules of the moderation mutations: one schema per input, so every mistake comes back at once. Global IDs
 * come out as database ids; a post or reply id comes out as a typed reference.
 */
const subjectTypes: Record<string, SubjectType> = { Post: 'POST', Reply: 'REPLY' };

/** The id of a Post or a Reply. */
export const subjectIdRule = z.union([z.string(), z.number()]).transform((value, context): SubjectRef => {
  const decoded = decodeGlobalId(String(value));
  const type = decoded ? subjectTypes[decoded.typename] : undefined;
  if (!decoded || !type) {
    context.addIssue({ code: 'custom', message: 'Expected the id of a Post or a Reply.' });
    return z.NEVER;
  }
  return { type, id: decoded.id };
});

export const moderationRules = {
  /** Facilitators read the note; it says what the reason alone doesn't. */
  note: plainText({ min: 0, max: 1000, multiline: true }),
  /** Every action says why: the audit log is read long after, by people who were not there. */
  reason: plainText({ max: 1000, multiline: true }),
};

export const reportSchema = z.looseObject({
  subjectId: subjectIdRule,
  note: moderationRules.note.nullish(),
});

export const moderateSchema = z
  .looseObject({
    caseId: globalIdOf('ModerationItem').nullish(),
    subjectId: subjectIdRule.nullish(),
    action: z.enum(moderationActionKinds),
    reason: moderationRules.reason,
    suspendUntil: z.date().nullish(),
  })
  .superRefine(
    (input, context) => {
      const given = [input.caseId, input.subjectId].filter((value) => value != null).length;
      if (given !== 1) {
        context.addIssue({ code: 'custom', path: ['caseId'], message: 'Give either caseId or subjectId (one of them).' });
      }
      if (input.action === 'SUSPEND') {
        if (!(input.suspendUntil instanceof Date)) {
          context.addIssue({ code: 'custom', path: ['suspendUntil'], message: 'A suspension needs an end (suspendUntil).' });
        } else {
          const problem = futureInstantProblem(input.suspendUntil, 'A suspension must end in the future.');
          if (problem) context.addIssue({ code: 'custom', path: ['suspendUntil'], message: problem });
        }
      } else if (input.suspendUntil != null) {
        context.addIssue({ code: 'custom', path: ['suspendUntil'], message: 'Only SUSPEND takes suspendUntil.' });
      }
    },
    // Run even when a field failed (an id of the wrong type, say): these rules read only what was given, and a
    // person fixing the form wants every mistake at once.
    { when: () => true },
  );

export const revealAuthorSchema = z.looseObject({
  subjectId: subjectIdRule,
  caseId: globalIdOf('ModerationItem'),
  reason: moderationRules.reason,
});
