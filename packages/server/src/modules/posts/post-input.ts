import { z } from 'zod';
import { decodeGlobalId, globalIdOf } from '../../schema/global-ids.js';
import { bodyProblem, characterCount, singleLineProblem } from '../../schema/content-text.js';

/**
 * The input rules of the conversation mutations: one schema per input so every mistake comes back at once.
 * Text is NFC-normalised and trimmed, lengths count characters as people do (code points), and content-text.ts
 * decides which invisible characters are refused where. Markup is not refused: `<script>` and `javascript:`
 * links are stored as written and are inert wherever they are shown (bodyHtml escapes them; clients render text).
 */
export const contentLimits = { title: 200, body: 20_000, contentWarning: 80 } as const;

function textRule(max: number, problem: (value: string) => string | null) {
  return z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .superRefine((value, context) => {
      if (characterCount(value) > max) {
        context.addIssue({ code: 'custom', message: `Must be at most ${max.toLocaleString('en')} characters.` });
        return;
      }
      const reason = problem(value);
      if (reason) context.addIssue({ code: 'custom', message: reason });
    });
}

export const contentRules = {
  title: textRule(contentLimits.title, singleLineProblem),
  body: textRule(contentLimits.body, bodyProblem),
  /** Optional: null, or blank, means none. */
  contentWarning: z
    .string()
    .nullish()
    .transform((value) => (value == null || value.trim() === '' ? null : value))
    .pipe(textRule(contentLimits.contentWarning, singleLineProblem).nullable()),
};

/** A Post or Reply global ID, as its type and database id (also the subject of an outreach thread). */
export const postOrReplyId = z.union([z.string(), z.number()]).transform((value, context) => {
  const decoded = decodeGlobalId(String(value));
  if (!decoded || (decoded.typename !== 'Post' && decoded.typename !== 'Reply')) {
    context.addIssue({ code: 'custom', message: 'Expected the id of a Post or a Reply.' });
    return z.NEVER;
  }
  return { type: decoded.typename === 'Post' ? ('POST' as const) : ('REPLY' as const), id: decoded.id };
});

export const createPostSchema = z.looseObject({
  groupId: globalIdOf('Group'),
  title: contentRules.title,
  body: contentRules.body,
  contentWarning: contentRules.contentWarning,
  anonymous: z.boolean().nullish(),
});

export const createReplySchema = z.looseObject({
  postId: globalIdOf('Post'),
  parentReplyId: globalIdOf('Reply').nullish(),
  body: contentRules.body,
  contentWarning: contentRules.contentWarning,
  anonymous: z.boolean().nullish(),
});

/** Edits change what they name: an absent field keeps its text; contentWarning null removes the warning. */
export const editPostSchema = z
  .looseObject({
    postId: globalIdOf('Post'),
    title: contentRules.title.optional(),
    body: contentRules.body.optional(),
    contentWarning: contentRules.contentWarning.optional(),
  })
  .refine((input) => input.title !== undefined || input.body !== undefined || 'contentWarning' in input, {
    message: 'Give a new title, body or content warning.',
    path: ['title'],
  });

export const editReplySchema = z
  .looseObject({
    replyId: globalIdOf('Reply'),
    body: contentRules.body.optional(),
    contentWarning: contentRules.contentWarning.optional(),
  })
  .refine((input) => input.body !== undefined || 'contentWarning' in input, { message: 'Give a new body or content warning.', path: ['body'] });

export const deletePostSchema = z.looseObject({ postId: globalIdOf('Post') });
export const deleteReplySchema = z.looseObject({ replyId: globalIdOf('Reply') });

export const reactSchema = z.looseObject({ subjectId: postOrReplyId, on: z.boolean() });

export type ContentSubjectRef = { type: 'POST' | 'REPLY'; id: string };
