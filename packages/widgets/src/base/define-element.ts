/**
 * Defines an element unless the page already has it: a page that loads the bundle twice (two CMS blocks each with
 * the script tag, or two versions) keeps the first definitions instead of throwing on the second.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
