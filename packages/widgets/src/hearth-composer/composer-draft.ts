import type { CommonMessages } from '../localization/common.messages.en.js';
import type { ComposerMessages } from './hearth-composer.messages.en.js';

/**
 * What the writer is writing, and the problems with it: the ones the browser can see before sending, and the
 * API's refusals of a field mapped back onto the form, in the writer's language where known.
 */

export type Field = 'title' | 'body' | 'contentWarning' | 'anonymous';
/** The form's fields in the order they appear (the first with a problem gets focus). */
export const fields: readonly Field[] = ['title', 'body', 'contentWarning', 'anonymous'];

export interface Draft {
  title: string;
  body: string;
  warn: boolean;
  contentWarning: string;
  /** Null until the writer ticks or unticks the box: a reply then leaves it to the API's default. */
  anonymous: boolean | null;
}

export type FieldProblems = Partial<Record<Field, string>>;

export const emptyDraft: Draft = { title: '', body: '', warn: false, contentWarning: '', anonymous: null };

/** The API's limits (packages/server/src/modules/posts/post-input.ts), mirrored so the browser stops most mistakes. */
export const limits = { title: 200, body: 20_000, contentWarning: 80 } as const;

/** The problems the browser can find without asking the API (lengths are held back by `maxlength`). */
export function localProblems(m: ComposerMessages, draft: Draft, replying: boolean): FieldProblems {
  const problems: FieldProblems = {};
  if (!replying && !draft.title.trim()) problems.title = m.required.title;
  if (!draft.body.trim()) problems.body = m.required.body;
  if (draft.warn && !draft.contentWarning.trim()) problems.contentWarning = m.required.contentWarning;
  return problems;
}

/** Maps the API's field paths (`["input", "title"]`) to the form's fields, in the reader's language where known. */
export function apiFieldProblems(m: ComposerMessages, common: CommonMessages, list: ReadonlyArray<{ path: readonly string[]; message: string }>): FieldProblems {
  const problems: FieldProblems = {};
  for (const { path, message } of list) {
    const field = path[path.length - 1] as Field;
    if (!fields.includes(field) || problems[field]) continue;
    const tooLong = /at most ([\d,]+)/.exec(message);
    problems[field] = /must not be empty/i.test(message) ? (m.required[field] ?? message) : tooLong ? common.tooLong(Number(tooLong[1]!.replace(/,/g, ''))) : message;
  }
  return problems;
}
