import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';

/**
 * A host site of the tests' own making on a loopback port: each test puts the exact page it needs there, while
 * the widgets still load cross-origin from the API, as in production. (A page answered by Playwright's router
 * would have no address, and Chromium's local-network rules then refuse its requests to the loopback API.)
 */
export interface HostPages {
  url: string;
  /** Publishes a page at `path` and opens it in `page`. */
  open(page: Page, options: HostPageOptions): Promise<void>;
  close(): Promise<void>;
}

export interface HostPageOptions {
  body: string;
  head?: string;
  lang?: string;
  dir?: string;
  /** Institution for guests. @default 'riverside' */
  institution?: string;
  /** A query the page is first opened with (`?thread=…`). */
  query?: string;
}

export async function startHostPages(apiUrl: string): Promise<HostPages> {
  const pages = new Map<string, string>();
  let next = 0;
  const server: Server = createServer((request, response) => {
    // A page's address may carry a query (a linked conversation, say): the page is the same.
    const html = pages.get(new URL(request.url ?? '/', 'http://host').pathname);
    response.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html ?? 'not found');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    async open(page, options) {
      const path = `/page-${++next}`;
      pages.set(
        path,
        `<!doctype html>
<html lang="${options.lang ?? 'en'}" dir="${options.dir ?? 'ltr'}">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title>
<script type="module" src="${apiUrl}/widgets/hearth.js"></script>
<script type="module">Hearth.configure({ api: ${JSON.stringify(apiUrl)}, institution: ${JSON.stringify(options.institution ?? 'riverside')} });</script>
${options.head ?? ''}
</head>
<body>${options.body}</body>
</html>`,
      );
      await page.goto(`${url}${path}${options.query ?? ''}`);
    },
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
