/**
 * `Element.closest` that keeps climbing out of shadow roots: a widget rendered inside another widget (a feed
 * inside a group) still finds the page's provider, `lang` and `dir`.
 */
export function closestAcrossShadows(start: Element, selector: string): Element | null {
  let node: Element | null = start;
  while (node) {
    const found: Element | null = node.closest(selector);
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}
