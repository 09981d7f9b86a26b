/**
 * A post's or reply's body, rebuilt from the API's `bodyHtml` element by element — never inserted as HTML.
 *
 * The server escapes every character the author wrote and emits only its own tags (modules/posts/safe-markdown.ts),
 * so this is defence in depth: should `bodyHtml` ever carry anything else (a server bug, a proxy rewriting
 * answers), it is dropped here. The string is parsed by `DOMParser` into an inert document (no scripts run, no
 * images load, no handlers fire there); then new elements are created in the page for the allowlisted tags only,
 * with only the attributes checked below, and the text goes in as text nodes. Nothing from the parsed document
 * is ever adopted into the page.
 *
 * Why not DOMPurify: it is a general-purpose sanitizer of 12 KB gzip'd, a quarter of the widgets' whole budget,
 * for a fixed handful of tags. Rebuilding from an allowlist cannot pass through what it doesn't know: there is no
 * attribute copying to get wrong and no serialisation round trip for mutation XSS to exploit.
 */
import { noChange } from 'lit';
import { Directive, directive } from 'lit/directive.js';

/** Exactly the elements safe-markdown.ts writes. */
const allowedTags = new Set(['P', 'BR', 'STRONG', 'EM', 'UL', 'OL', 'LI', 'A']);
/** Elements whose content is not text for the reader: dropped whole, content included. */
const droppedWithContent = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'TITLE', 'TEXTAREA', 'SELECT']);
const linkProtocols = new Set(['http:', 'https:', 'mailto:']);

function safeHref(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return linkProtocols.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Appends to `target` a copy of `source`'s children, keeping allowlisted elements and text only. */
function rebuildChildren(source: Node, target: Node): void {
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      target.appendChild(document.createTextNode(child.nodeValue ?? ''));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const element = child as Element;
    const tag = element.tagName.toUpperCase();
    if (droppedWithContent.has(tag)) continue;
    if (!allowedTags.has(tag)) {
      // An element we don't render (a stray <span>, an <img>): its text, if any, still reads.
      rebuildChildren(element, target);
      continue;
    }
    const copy = document.createElement(tag.toLowerCase());
    if (element.getAttribute('dir') === 'auto') copy.setAttribute('dir', 'auto');
    if (tag === 'OL') {
      const start = element.getAttribute('start');
      if (start && /^\d{1,9}$/.test(start)) copy.setAttribute('start', start);
    }
    if (tag === 'A') {
      const href = safeHref(element.getAttribute('href'));
      if (href) {
        copy.setAttribute('href', href);
        copy.setAttribute('rel', 'nofollow noopener noreferrer ugc');
        copy.setAttribute('target', '_blank');
      }
    }
    rebuildChildren(element, copy);
    target.appendChild(copy);
  }
}

/** The formatted body as a fragment of new, allowlisted nodes of this page. */
export function rebuildPostBody(bodyHtml: string): DocumentFragment {
  const inert = new DOMParser().parseFromString(bodyHtml, 'text/html');
  const fragment = document.createDocumentFragment();
  rebuildChildren(inert.body, fragment);
  return fragment;
}

class PostBodyDirective extends Directive {
  #bodyHtml: string | undefined;

  render(bodyHtml: string): unknown {
    // The same body renders once: a fragment's nodes move into the page when inserted, so re-rendering it again
    // would insert nothing.
    if (bodyHtml === this.#bodyHtml) return noChange;
    this.#bodyHtml = bodyHtml;
    return rebuildPostBody(bodyHtml);
  }
}

/** `${postBody(item.bodyHtml)}` inside an element with `class="post-body" dir="auto"`. */
export const postBody = directive(PostBodyDirective);
