/**
 * The rules for text that people read in a thread, beyond schema/text-input.ts's plain text.
 *
 * Invisible characters can make one thing look like another: a right-to-left override (U+202E) turns
 * "gnp.exe" into what reads as "exe.png", and a zero-width space makes "Admin\u200B" a different name that looks
 * the same. Arabic and Hebrew need no control characters to display correctly — the Unicode bidirectional
 * algorithm orders them — so the choice is:
 *
 * - Single-line fields (title, content warning) refuse every bidi embedding, override and isolate control
 *   (U+202A–U+202E, U+2066–U+2069) and the invisible spacing characters below. Left-to-right and right-to-left
 *   marks (U+200E, U+200F, U+061C) stay allowed: they only nudge neutral characters such as punctuation in mixed
 *   Arabic/English text. Zero-width (non-)joiners stay allowed between two visible characters, where they shape
 *   Persian words and emoji sequences, and are refused anywhere else.
 * - Bodies allow bidi controls that are balanced within their line (each embedding, override or isolate closed
 *   before the line ends, as editors write them) and refuse unbalanced ones: an unclosed override would spill
 *   into whatever a client shows after the body.
 * - Names shown beside content (pseudonyms, display names) are neutralised when read (`neutraliseName`), since
 *   they are set elsewhere: invisible and control characters are dropped from the name the API returns.
 *
 * Clients still render user text with `dir="auto"` (each paragraph in bodyHtml carries it) so a right-to-left
 * title can't reorder the text around it.
 */
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/u;
const bidiControlsGlobal = /[\u202A-\u202E\u2066-\u2069]/gu;
/** Characters that take no space and have no legitimate use inside a title or a name. */
const invisibleSpacing = /[\u200B\u2060-\u2064\uFEFF\u180E\u115F\u1160\u3164\uFFA0]/u;
const invisibleSpacingGlobal = /[\u200B\u2060-\u2064\uFEFF\u180E\u115F\u1160\u3164\uFFA0]/gu;
/** C0 and C1 controls except tab, line feed and carriage return (which bodies keep), and Unicode noncharacters. */
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/u;
const joiners = /[\u200C\u200D]/u;
/** A surrogate without its pair: JSON can carry one, PostgreSQL can't store it. (No `u` flag: it must see halves.) */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a title or content warning is refused, or null. */
export function singleLineProblem(value: string): string | null {
  if (loneSurrogate.test(value)) return 'Contains broken characters (an unpaired surrogate).';
  if (controlCharacters.test(value)) return 'Must not contain control characters.';
  if (/[\r\n\t]/.test(value)) return 'Must be a single line.';
  if (bidiControls.test(value)) return 'Must not contain text-direction override characters (U+202A–U+202E, U+2066–U+2069).';
  if (invisibleSpacing.test(value)) return 'Must not contain invisible characters such as zero-width spaces.';
  if (strayJoiner(value)) return 'A zero-width joiner may only join two visible characters.';
  if (visibleLength(value) === 0) return 'Must not be empty.';
  return null;
}

/** Why a body is refused, or null. Bodies keep line breaks, joiners and balanced direction controls. */
export function bodyProblem(value: string): string | null {
  if (loneSurrogate.test(value)) return 'Contains broken characters (an unpaired surrogate).';
  if (controlCharacters.test(value)) return 'Must not contain control characters.';
  if (visibleLength(value) === 0) return 'Must not be empty.';
  const unbalanced = value.split(/\r\n|\r|\n/).findIndex((line) => !bidiBalanced(line));
  if (unbalanced >= 0) return `Line ${unbalanced + 1} opens a text-direction override or isolate that it doesn't close.`;
  return null;
}

/** A name as it may be shown beside content: controls and invisible characters dropped, spaces collapsed. */
export function neutraliseName(name: string): string {
  const cleaned = name
    .replace(bidiControlsGlobal, '')
    .replace(invisibleSpacingGlobal, '')
    .replace(/[\u200E\u200F\u061C]/gu, '')
    .replace(/[\u0000-\u001F\u007F-\u009F]/gu, ' ')
    .replace(/(^|\s)[\u200C\u200D]+|[\u200C\u200D]+(?=\s|$)/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
  return cleaned.length > 0 ? cleaned : 'Member';
}

/** Length in code points, not counting characters that show nothing. */
export function visibleLength(value: string): number {
  return [...value.replace(/[\s\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\u180E\u061C\u115F\u1160\u3164\uFFA0]/gu, '')].length;
}

/** Length in code points, as people count characters (an emoji is one, not two UTF-16 units). */
export function characterCount(value: string): number {
  return [...value].length;
}

function strayJoiner(value: string): boolean {
  const characters = [...value];
  return characters.some((character, index) => {
    if (!joiners.test(character)) return false;
    const before = characters[index - 1];
    const after = characters[index + 1];
    const visible = (neighbour: string | undefined) => neighbour !== undefined && !/\s/u.test(neighbour) && !joiners.test(neighbour);
    return !visible(before) || !visible(after);
  });
}

/**
 * True when every embedding or override (closed by U+202C PDF) and every isolate (closed by U+2069 PDI) opened in
 * the line is closed in it, in order. A stray closer is harmless (it closes nothing) but is refused too: it is
 * never written by an editor and only appears in crafted text.
 */
function bidiBalanced(line: string): boolean {
  const open: Array<'embedding' | 'isolate'> = [];
  for (const character of line) {
    if (/[\u202A\u202B\u202D\u202E]/u.test(character)) open.push('embedding');
    else if (/[\u2066-\u2068]/u.test(character)) open.push('isolate');
    else if (character === '\u202C') {
      if (open.pop() !== 'embedding') return false;
    } else if (character === '\u2069') {
      if (open.pop() !== 'isolate') return false;
    }
  }
  return open.length === 0;
}
