import type { Locator } from 'playwright-core';

/**
 * The text of an element and of every shadow root inside it, as a reader sees it (Playwright's textContent stops
 * at a custom element's shadow root, so a widget's own text would read as empty).
 */
export async function deepText(locator: Locator): Promise<string> {
  return locator.evaluate((root) => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      for (const child of node.childNodes) walk(child);
    };
    walk(root);
    return parts.join(' ');
  });
}
