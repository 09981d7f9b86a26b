/**
 * The script-tag bundle defines each element the first time the page shows it: a page with only the group finder
 * never downloads the facilitators' queue. Each loader is a content-hashed chunk that also brings the elements
 * it renders inside itself (a group page brings its feed, threads and composer).
 */
const elementLoaders: Record<string, () => Promise<unknown>> = {
  'hearth-group-finder': () => import('./hearth-group-finder/define.js'),
  'hearth-group': () => import('./hearth-group/define.js'),
  'hearth-feed': () => import('./hearth-feed/define.js'),
  'hearth-thread': () => import('./hearth-thread/define.js'),
  'hearth-composer': () => import('./hearth-composer/define.js'),
  'hearth-moderation-queue': () => import('./hearth-moderation-queue/define.js'),
  'hearth-outreach-inbox': () => import('./hearth-outreach/define.js'),
  'hearth-outreach-thread': () => import('./hearth-outreach/define.js'),
};

/** The tags this bundle can load. */
export const loadableTags = Object.keys(elementLoaders);

const requested = new Set<string>();

function load(tag: string): void {
  const loader = elementLoaders[tag];
  if (!loader || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  loader().catch((error: unknown) => {
    // Asked for again when the element next appears (after a network failure, say).
    requested.delete(tag);
    console.error(`Hearth: the <${tag}> widget could not be loaded.`, error);
  });
}

function scan(root: ParentNode): void {
  for (const element of root.querySelectorAll(':not(:defined)')) load(element.localName);
}

/** Loads the elements already on the page, then any the host adds later (a single-page app's next view). */
export function autoloadElements(): void {
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        load(node.localName);
        scan(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}
