import { z } from 'zod';
import { singleLineProblem } from './content-text.js';

/**
 * Text fields as people type them: trimmed, Unicode-normalised (NFC, so one Arabic word is stored one way), with
 * control characters refused. `multiline` keeps line breaks and tabs for descriptions and guidelines.
 */
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const lineBreaks = /[\r\n\t]/;

export function plainText(options: { min?: number; max: number; multiline?: boolean }) {
  const { min = 1, max, multiline = false } = options;
  return z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(min, min === 1 ? 'Must not be empty.' : `Must be at least ${min} characters.`)
        .max(max, `Must be at most ${max} characters.`)
        .refine((value) => !controlCharacters.test(value), 'Must not contain control characters.')
        .refine((value) => multiline || !lineBreaks.test(value), 'Must be a single line.')
        // Names and titles: no direction overrides or invisible characters that could disguise who is speaking.
        .superRefine((value, context) => {
          // Control characters and line breaks have their own messages above; report each problem once.
          if (multiline || value.length === 0 || controlCharacters.test(value) || lineBreaks.test(value)) return;
          const problem = singleLineProblem(value);
          if (problem) context.addIssue({ code: 'custom', message: problem });
        }),
    );
}

/**
 * A person's name as Hearth stores it, whoever sets it: the member (updateProfile) or their institution (an SSO
 * token's `name` claim). One rule, so a name the profile form would refuse (a direction override, a control
 * character, 81 characters) can't come in through the token instead.
 */
export const displayNameText = plainText({ min: 1, max: 80 });

/** `displayNameText` outside GraphQL input (SSO claims): the name as stored, or the first reason it is refused. */
export function readDisplayName(value: unknown): { name: string } | { problem: string } {
  const result = displayNameText.safeParse(value);
  if (result.success) return { name: result.data };
  return { problem: typeof value === 'string' ? (result.error.issues[0]?.message ?? 'Must be a name.') : 'Must be a string.' };
}

export const slugText = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Use 2–63 lowercase letters, digits and hyphens, starting with a letter or digit.');

/** A BCP 47 language tag such as `en`, `ar` or `ar-EG`. */
export const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag such as "en", "ar" or "ar-EG".');

export const timeZoneName = z.string().refine((value) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}, 'Use an IANA time zone such as "Asia/Riyadh" or "Europe/London".');

export function distinctList<T extends z.ZodType>(item: T, options: { max: number; min?: number }) {
  return z
    .array(item)
    .min(options.min ?? 0, `Give at least ${options.min} item(s).`)
    .max(options.max, `Give at most ${options.max} items.`)
    .refine((items) => new Set(items.map((entry) => JSON.stringify(entry).toLowerCase())).size === items.length, 'Items must not repeat.');
}
