import type { SubjectType } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import type { HearthContext } from '../../schema/context.js';
import { PostNode } from '../posts/post.types.js';
import { ReplyNode } from '../posts/reply.types.js';

/** What reports, cases, audit entries and warnings are about: a post or a reply, shown by the posts module's rules. */
export const ModerationSubjectTypeEnum = builder.enumType('ModerationSubjectType', {
  description: 'What a report, case or moderation action is about.',
  values: ['POST', 'REPLY'] as const,
});

/**
 * The Post or Reply a moderation record is about, through the posts module's loaders: batched across a page, and
 * seen as the posts module shows it to this viewer (an anonymous item keeps its author hidden; a moderator sees
 * held and hidden items; anyone else gets null for what they may not see).
 */
export async function loadModerationSubject(context: HearthContext, record: { subject_type: SubjectType | null; subject_id: string | null }) {
  if (!record.subject_id) return null;
  return record.subject_type === 'POST' ? PostNode.getDataloader(context).load(record.subject_id) : ReplyNode.getDataloader(context).load(record.subject_id);
}

/** The `subject` field every moderation record has. */
export const subjectFieldOptions = {
  type: builder.nodeInterfaceRef(),
  nullable: true,
  description: 'The Post or Reply, as the viewer may see it (null when they may not).',
} as const;

/** Content timestamps are shown to the second: sub-second parts could be matched against other records. */
export function toWholeSecond(date: Date): Date;
export function toWholeSecond(date: Date | null): Date | null;
export function toWholeSecond(date: Date | null): Date | null {
  return date && new Date(Math.floor(date.getTime() / 1000) * 1000);
}
