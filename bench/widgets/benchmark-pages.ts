import { print } from '@0no-co/graphql.web';
// The finder's own document (the SDK's GroupSummaryFields plus the viewer's membership on each card).
import { finderGroupsQuery } from '../../packages/widgets/src/hearth-group-finder/hearth-group-finder.operations.js';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * The two pages the render benchmark loads, served from their own origin (as a hospital's site is), and what
 * each reports when its first group card is in the DOM.
 */

/** The demo hospital whose public groups both pages show (guests, so no token). */
export const institutionSlug = 'riverside';

/**
 * The finder's first request: its own `finderGroupsQuery` (the SDK's `GroupSummaryFields` and the viewer's
 * membership), printed as a page would send it. The run checks that the widget sends this very document, so the two pages never ask the
 * server for different work.
 */
// gql.tada types documents with graphql-js's AST types; graphql.web's printer takes the same shape under its own.
export const groupsDocument = print(finderGroupsQuery as unknown as Parameters<typeof print>[0]);

/** The variables the finder sends for its first page with no search and no facets chosen. */
export const groupsVariables = {
  filter: { text: null, facilitation: null, joinPolicies: null, formats: null, languages: null, acceptingMembers: null },
  first: 12,
};

/** The headers the SDK sends for a guest (packages/client/src/client.ts). */
export const guestHeaders = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json, application/json',
  'x-hearth-institution': institutionSlug,
};

/** What a page reports (with `console.info(reportPrefix + JSON)`) once its first card is in the DOM. */
export interface PageReport {
  /** `performance.now()` just before the page's script starts loading (widget) or running (baseline). */
  start: number;
  /** When `hearth-group-finder` was defined: hearth.js has run (widget page only). */
  defined?: number;
  /** When the first card was in the DOM, in the same clock. */
  card: number;
  /** Cards in the DOM at that moment (both pages render the whole first page at once). */
  cards: number;
  /** Resource timing of every script and request the page made (start and end of each, same clock). */
  resources: Array<{ name: string; initiatorType: string; startTime: number; responseEnd: number }>;
  error?: string;
}

export const reportPrefix = 'hearth-bench ';

/**
 * The first inline script of both pages: the clock starts here, before the widget's script tag is parsed (so
 * before its download starts) and before the baseline's fetch.
 */
const startClock = `<script>window.benchStart = performance.now();</script>`;

/**
 * Watches `root` for the first card (a MutationObserver fires right after the DOM change, before paint), then,
 * once the resource timing entries of the requests that led to it are in, reports. Plain text rather than a
 * serialized function, so nothing from the benchmark's own compilation leaks into the page.
 */
const reportWhenCardAppears = `
function watchForCards(root, selector) {
  const seen = () => {
    const cards = root.querySelectorAll(selector);
    if (cards.length === 0) return false;
    const card = performance.now();
    setTimeout(() => report({ card, cards: cards.length }), 50);
    return true;
  };
  if (seen()) return;
  const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
  observer.observe(root, { childList: true, subtree: true });
}
function report(figures) {
  const resources = performance.getEntriesByType('resource').map(({ name, initiatorType, startTime, responseEnd }) => ({ name, initiatorType, startTime, responseEnd }));
  console.info(${JSON.stringify(reportPrefix)} + JSON.stringify({ start: window.benchStart, defined: window.benchDefined, resources, ...figures }));
}
function fail(error) {
  console.info(${JSON.stringify(reportPrefix)} + JSON.stringify({ error: String(error && error.stack || error) }));
}
window.addEventListener('error', (event) => fail(event.error || event.message));
window.addEventListener('unhandledrejection', (event) => fail(event.reason));
`;

const head = (title: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${startClock}`;

/** The widget as a hospital embeds it: one module script, `Hearth.configure`, and the element. */
export function widgetPage(options: { api: string; scriptUrl: string }): string {
  return `${head('Hearth group finder')}
<script type="module" src="${options.scriptUrl}"></script>
<script type="module">Hearth.configure(${JSON.stringify({ api: options.api, institution: institutionSlug })});</script>
<script>${reportWhenCardAppears}
customElements.whenDefined('hearth-group-finder').then(() => {
  window.benchDefined = performance.now();
  const root = document.querySelector('hearth-group-finder').shadowRoot;
  if (!root) throw new Error('hearth-group-finder has no open shadow root');
  watchForCards(root, '[part~="card"]');
});
</script>
</head>
<body>
<hearth-group-finder></hearth-group-finder>
</body>
</html>
`;
}

/**
 * The least a page can do to show the same groups: one fetch of the same query with the same headers, and a
 * div per group filled with `textContent`. No framework, no styles, no script to download.
 */
export function baselinePage(options: { api: string }): string {
  const request = {
    method: 'POST',
    headers: guestHeaders,
    body: JSON.stringify({ query: groupsDocument, variables: groupsVariables }),
  };
  return `${head('Baseline: one fetch, textContent')}
<script>${reportWhenCardAppears}</script>
<script type="module">
const list = document.getElementById('groups');
watchForCards(list, '[data-card]');
const response = await fetch(${JSON.stringify(`${options.api}/graphql`)}, ${JSON.stringify(request)});
const { data, errors } = await response.json();
if (!data) throw new Error('the API answered ' + response.status + ': ' + JSON.stringify(errors));
for (const { node } of data.groups.edges) {
  const card = document.createElement('div');
  card.dataset.card = '';
  const name = document.createElement('h3');
  name.textContent = node.name;
  const facts = document.createElement('p');
  facts.textContent = [node.facilitation, node.joinPolicy, node.memberCount + ' members'].join(' · ');
  const description = document.createElement('p');
  description.textContent = node.description;
  card.append(name, facts, description);
  list.append(card);
}
</script>
</head>
<body>
<div id="groups"></div>
</body>
</html>
`;
}

export interface PageServer {
  /** The pages' origin, `http://127.0.0.1:<port>`; the API must allow it for CORS. */
  origin: string;
  widgetUrl: string;
  baselineUrl: string;
  /** Where the widget page loads hearth.js from; set before the first page load. */
  setApi(options: { api: string; scriptUrl: string }): void;
  /** Paths of the bundle files this server sent since the last call (when it serves the bundle). */
  takeBundleRequests(): string[];
  close(): Promise<void>;
}

/**
 * A small static server for the two pages, and for the bundle itself (`/widgets/…` from `widgetsDir`) when the
 * API does not serve it. Pages are not cached; the bundle is cached as the API caches it (5 minutes), so the
 * warm-cache runs can take it from the browser's cache.
 */
export async function startPageServer(widgetsDir: string): Promise<PageServer> {
  let pages: { widget: string; baseline: string } | undefined;
  let bundleRequests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const html = (body: string) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/widget.html' && pages) return html(pages.widget);
    if (path === '/baseline.html' && pages) return html(pages.baseline);
    // Only names the widgets build writes, so no path can leave the folder.
    const file = /^\/widgets\/((?:chunks\/)?[A-Za-z0-9_][A-Za-z0-9._-]*\.js)$/.exec(path)?.[1];
    if (file) {
      bundleRequests.push(path);
      const location = join(widgetsDir, file);
      try {
        const { size } = statSync(location);
        response.writeHead(200, {
          'content-type': 'text/javascript; charset=utf-8',
          'content-length': String(size),
          'cache-control': 'public, max-age=300',
          'access-control-allow-origin': '*',
        });
        createReadStream(location).pipe(response);
        return;
      } catch {
        // fall through to 404
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found.\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    widgetUrl: `${origin}/widget.html`,
    baselineUrl: `${origin}/baseline.html`,
    setApi({ api, scriptUrl }) {
      pages = { widget: widgetPage({ api, scriptUrl }), baseline: baselinePage({ api }) };
    },
    takeBundleRequests() {
      const taken = bundleRequests;
      bundleRequests = [];
      return taken;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
