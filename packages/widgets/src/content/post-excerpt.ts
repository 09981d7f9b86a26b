/**
 * The start of a post's body as plain text for its card in the feed: the Markdown marks that would read as noise
 * ("**", list bullets, link targets) left out, whitespace folded, cut at a word near `limit` characters.
 */
export function excerptOf(body: string, limit = 240): string {
  const text = body
    .replace(/!?\[([^\[\]\n]{1,500})\]\([^()\s]{1,2000}\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/\*(\S(?:[^*\n]*\S)?)\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])_(\S(?:[^_\n]*\S)?)_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  // By code points, so an emoji or a surrogate pair is never cut in half.
  const characters = Array.from(text);
  if (characters.length <= limit) return text;
  const cut = characters.slice(0, limit).join('');
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > limit * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:،؛]+$/u, '')}…`;
}
