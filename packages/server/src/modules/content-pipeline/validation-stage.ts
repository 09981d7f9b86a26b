import type { z } from 'zod';
import { ValidationError, type FieldIssue } from '../../schema/errors.js';
import { contentRules } from '../posts/post-input.js';
import type { ContentStage } from './content-pipeline.js';

/**
 * The first stage: the draft's text obeys the content rules — title ≤ 200 characters, body ≤ 20,000, content
 * warning ≤ 80, none empty once trimmed, no control characters, no direction overrides or invisible characters in
 * single-line fields, no unbalanced overrides in bodies (posts/content-text.ts explains each). The mutations'
 * input schemas apply the same rules (one implementation: posts/post-input.ts), so through the API this stage
 * refuses nothing new; it keeps the pipeline safe for any other caller, and reports every bad field at once with
 * the path of the mutation input it came from (['input', 'title']).
 */
function issuesOf(field: string, rule: z.ZodType, value: unknown): FieldIssue[] {
  const result = rule.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: ['input', field], message: issue.message }));
}

export const validationStage: ContentStage = {
  name: 'validation',
  async apply(draft, _author, outcome) {
    const issues: FieldIssue[] = [];
    if (draft.kind === 'POST') issues.push(...issuesOf('title', contentRules.title, draft.title));
    else if (draft.title !== null) issues.push({ path: ['input', 'title'], message: 'A reply has no title.' });
    issues.push(...issuesOf('body', contentRules.body, draft.body));
    issues.push(...issuesOf('contentWarning', contentRules.contentWarning, draft.contentWarning));
    if (issues.length > 0) throw new ValidationError(issues);
    return outcome;
  },
};
