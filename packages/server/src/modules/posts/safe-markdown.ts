/**
 * The small Markdown subset posts and replies are written in, rendered to HTML that is safe by construction:
 * every character of the text is escaped first, and only tags this file writes itself appear in the output.
 *
 * The subset: paragraphs (a blank line between), line breaks, **strong** / __strong__, *emphasis* / _emphasis_,
 * bulleted lists (-, *, + at the start of a line), numbered lists (1. or 1)), and links — [text](url) or a bare
 * http(s) address — whose url is http, https or mailto, always with rel="nofollow ugc noopener". Images
 * (![alt](url)), raw HTML, headings, code and every other construct stay as the text that was written. Each
 * block carries dir="auto" so Arabic paragraphs read right to left beside English ones.
 *
 * Emphasis never spans a tag, so the output is always well nested; every pattern is bounded, so a hostile body
 * of 20,000 characters costs milliseconds.
 */
export function renderSafeMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | null = null;

  const closeParagraph = () => {
    if (paragraph.length > 0) blocks.push(`<p dir="auto">${paragraph.map(renderInline).join('<br>')}</p>`);
    paragraph = [];
  };
  const closeList = () => {
    if (list) {
      const items = list.items.map((item) => `<li>${renderInline(item)}</li>`).join('');
      const start = list.ordered && list.start !== 1 ? ` start="${list.start}"` : '';
      blocks.push(list.ordered ? `<ol dir="auto"${start}>${items}</ol>` : `<ul dir="auto">${items}</ul>`);
    }
    list = null;
  };

  for (const line of lines) {
    const bullet = /^ {0,3}[-*+][ \t]+(\S.*)$/.exec(line);
    const numbered = /^ {0,3}(\d{1,9})[.)][ \t]+(\S.*)$/.exec(line);
    if (bullet || numbered) {
      closeParagraph();
      const ordered = numbered !== null;
      if (!list || list.ordered !== ordered) {
        closeList();
        list = { ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      }
      list.items.push(bullet ? bullet[1]! : numbered![2]!);
    } else if (line.trim() === '') {
      closeParagraph();
      closeList();
    } else {
      closeList();
      paragraph.push(line.trim());
    }
  }
  closeParagraph();
  closeList();
  return blocks.join('\n');
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character]!);
}

/** [text](url), ![image](url) (kept as text), or a bare http(s) address (trailing punctuation left out). */
const linkPattern = /(!?)\[([^\[\]\n]{1,500})\]\(([^()\s]{1,2000})\)|\bhttps?:\/\/[^\s<>()"'\[\]]{0,2000}[^\s<>()"'\[\].,;:!?*_]/giu;

function renderInline(raw: string): string {
  let html = '';
  let last = 0;
  for (const match of raw.matchAll(linkPattern)) {
    html += renderEmphasis(raw.slice(last, match.index));
    const [whole, bang, label, target] = match;
    if (label === undefined) {
      html += anchor(whole, escapeHtml(whole));
    } else if (bang === '' && safeLinkTarget(target!) !== null) {
      html += anchor(target!, renderEmphasis(label));
    } else {
      html += renderEmphasis(whole);
    }
    last = match.index + whole.length;
  }
  return html + renderEmphasis(raw.slice(last));
}

function anchor(target: string, innerHtml: string): string {
  const href = safeLinkTarget(target);
  if (href === null) return innerHtml;
  return `<a href="${escapeHtml(href)}" rel="nofollow ugc noopener">${innerHtml}</a>`;
}

/** The URL as the browser will read it, when it is http, https or mailto; anything else (javascript:, data:) is null. */
export function safeLinkTarget(target: string): string | null {
  if (!/^(https?:\/\/|mailto:)/i.test(target)) return null;
  try {
    const url = new URL(target);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Strong before emphasis; neither may contain a tag, so every element closes where it opened. */
function renderEmphasis(raw: string): string {
  return escapeHtml(raw)
    .replace(/\*\*(?=[^\s*])([^<>]{0,2000}?[^\s*<>])\*\*/g, '<strong>$1</strong>')
    .replace(/(?<![\p{L}\p{N}_])__(?=[^\s_])([^<>]{0,2000}?[^\s_<>])__(?![\p{L}\p{N}_])/gu, '<strong>$1</strong>')
    .replace(/\*(?=[^\s*])([^<>*]{0,2000}?[^\s*<>])\*/g, '<em>$1</em>')
    .replace(/(?<![\p{L}\p{N}_])_(?=[^\s_])([^<>_]{0,2000}?[^\s_<>])_(?![\p{L}\p{N}_])/gu, '<em>$1</em>');
}
