import { z } from 'zod';
import type { FieldIssue } from '../../schema/errors.js';
import { globalIdOf } from '../../schema/global-ids.js';
import { distinctList, languageTag, plainText, slugText, timeZoneName } from '../../schema/text-input.js';

/** The rules every group field obeys, shared by create and update. */
export const groupFieldRules = {
  slug: slugText,
  name: plainText({ min: 3, max: 120 }),
  description: plainText({ min: 0, max: 4000, multiline: true }),
  topics: distinctList(plainText({ max: 40 }), { max: 12 }),
  languages: distinctList(languageTag, { min: 1, max: 8 }),
  entryQuestions: distinctList(plainText({ max: 300 }), { max: 10 }),
  capacity: z.number().int().min(2, 'A group needs at least 2 seats.').max(10_000, 'At most 10,000 seats.').nullable(),
  formats: distinctList(z.enum(['FORUM', 'IN_PERSON', 'VIDEO', 'PHONE']), { min: 1, max: 4 }),
  location: plainText({ min: 0, max: 200 }).nullable(),
  timeZone: timeZoneName,
  guidelines: plainText({ min: 0, max: 8000, multiline: true }),
  heldFirstPosts: z.number().int().min(0).max(20, 'Hold at most the first 20 posts.'),
  feeDescription: plainText({ max: 200 }).nullable(),
};

/** Rules that span fields: an APPROVAL group asks something, a FEE group says what the fee is. */
export function joinPolicyIssues(group: { joinPolicy: string; entryQuestions: string[]; feeDescription: string | null }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (group.joinPolicy === 'APPROVAL' && group.entryQuestions.length === 0) {
    issues.push({ path: ['input', 'entryQuestions'], message: 'An APPROVAL group needs at least one entry question.' });
  }
  if (group.joinPolicy === 'FEE' && !group.feeDescription) {
    issues.push({ path: ['input', 'feeDescription'], message: 'A FEE group must describe its fee.' });
  }
  return issues;
}

const optional = <T extends z.ZodType>(rule: T) => rule.nullish();

/** Every group field's rule, optional: UpdateGroupInput takes them all so; CreateGroupInput requires a few. */
const optionalGroupFields = Object.fromEntries(Object.entries(groupFieldRules).map(([field, rule]) => [field, optional(rule)])) as unknown as {
  [Field in keyof typeof groupFieldRules]: z.ZodOptional<z.ZodNullable<(typeof groupFieldRules)[Field]>>;
};

/** CreateGroupInput: every field's rule (slug, name and languages required), then the join-policy rules across fields. */
export const createGroupSchema = z
  .looseObject({
    ...optionalGroupFields,
    slug: groupFieldRules.slug,
    name: groupFieldRules.name,
    languages: groupFieldRules.languages,
  })
  .superRefine((input, context) => {
    const issues = joinPolicyIssues({
      joinPolicy: String(input.joinPolicy),
      entryQuestions: input.entryQuestions ?? [],
      feeDescription: input.feeDescription ?? null,
    });
    for (const issue of issues) context.addIssue({ code: 'custom', path: issue.path.slice(1), message: issue.message });
  });

/** UpdateGroupInput: the same rules, every field optional (cross-field rules need the stored group: group-settings.ts). */
export const updateGroupSchema = z.looseObject({ groupId: globalIdOf('Group'), ...optionalGroupFields });
