import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { editionOfInstitution, editionOfPath, pathIn, type Edition } from './editions.js';
import { MissingCredentialsError, signHearthToken, type SsoCredentials } from './hearth-token.js';
import type { Html } from './html.js';
import { facilitatorsPage, groupPage, homePage, notFoundPage, signInPage, type PageContext } from './pages.js';
import { Sessions } from './session.js';

export type { SsoCredentials } from './hearth-token.js';
export { MissingCredentialsError } from './hearth-token.js';

export interface ClinicSiteOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** The Hearth API's base URL, from which the pages load the widgets (`${apiUrl}/widgets/hearth.js`). */
  apiUrl: string;
  /**
   * The SSO keys the site signs its users' tokens with. Called for every token, so keys can be rotated (or
   * appear, in the demo, once the API has seeded) without restarting the site.
   */
  credentials: () => SsoCredentials | Promise<SsoCredentials>;
  /** The `aud` claim Hearth expects (the API's HEARTH_SSO_AUDIENCE). @default 'hearth' */
  audience?: string;
}

export interface ClinicSite {
  /** The site's base URL, e.g. `http://127.0.0.1:4001`. */
  url: string;
  close(): Promise<void>;
}

const publicFolder = new URL('../public/', import.meta.url);

/** A file the site serves itself, read once at start. */
interface StaticFile {
  body: Buffer;
  contentType: string;
}

function staticFile(name: string, contentType: string): StaticFile {
  return { body: readFileSync(new URL(name, publicFolder)), contentType };
}

/**
 * A path on this site to come back to after signing in or out, or null for anything else: absolute URLs,
 * scheme-relative `//evil.example`, the backslash forms browsers read as slashes, control characters.
 */
export function sameSitePath(value: string | null | undefined): string | null {
  if (!value || value.length > 2000 || !value.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(value)) return null;
  const base = 'http://clinic.invalid';
  const url = URL.canParse(value, base) ? new URL(value, base) : null;
  if (!url || url.origin !== base) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

class BodyTooLargeError extends Error {}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 8 * 1024) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Whether a request comes from this site's own pages. Browsers send Origin with every POST and Sec-Fetch-Site
 * with every request, so a form on another site can't sign a visitor in as someone else (login CSRF) nor read a
 * token through this origin.
 */
function fromOwnPages(request: IncomingMessage): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  return origin === undefined || origin === `http://${request.headers.host}`;
}

/**
 * A hospital's own website, serving its pages in English (`/`, Riverside Hospital) and Arabic (`/ar/`, مستشفى
 * النور) with Hearth's widgets embedded from the API's origin, a demo sign-in, and the backend route the widgets
 * get their SSO token from.
 */
export async function startClinicSite(options: ClinicSiteOptions): Promise<ClinicSite> {
  const apiUrl = options.apiUrl.replace(/\/+$/, '');
  const apiOrigin = new URL(apiUrl).origin;
  const audience = options.audience ?? 'hearth';
  const sessions = new Sessions();
  const stylesheet = staticFile('site.css', 'text/css; charset=utf-8');
  const assets = new Map<string, StaticFile>([
    ['/assets/site.css', stylesheet],
    ['/favicon.svg', staticFile('favicon.svg', 'image/svg+xml')],
  ]);
  const stylesheetPath = `/assets/site.css?v=${createHash('sha256').update(stylesheet.body).digest('hex').slice(0, 12)}`;

  const send = (response: ServerResponse, status: number, headers: Record<string, string>, body?: string | Buffer) => {
    response.writeHead(status, { 'x-content-type-options': 'nosniff', ...headers });
    response.end(body);
  };
  const sendJson = (response: ServerResponse, status: number, body: unknown) =>
    send(response, status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, JSON.stringify(body));

  const sendPage = (request: IncomingMessage, response: ServerResponse, status: number, edition: Edition, render: (context: PageContext) => Html) => {
    const nonce = randomBytes(16).toString('base64');
    const url = new URL(request.url ?? '/', 'http://clinic.invalid');
    const context: PageContext = {
      edition,
      currentPath: `${url.pathname}${url.search}`,
      user: sessions.signedInUser(request, edition),
      apiUrl,
      nonce,
      stylesheet: stylesheetPath,
    };
    send(
      response,
      status,
      {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': [
          "default-src 'self'",
          `script-src 'self' ${apiOrigin} 'nonce-${nonce}'`,
          `connect-src 'self' ${apiOrigin}`,
          // Lit's components style themselves with constructed stylesheets and style attributes.
          "style-src 'self' 'unsafe-inline'",
          "img-src 'self' data:",
          "object-src 'none'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'",
        ].join('; '),
        // The path of a group page says which group someone reads; it stays on this site.
        'referrer-policy': 'same-origin',
      },
      render(context).markup,
    );
  };

  async function hearthToken(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.method !== 'GET') return send(response, 405, { allow: 'GET' });
    if (!fromOwnPages(request)) return sendJson(response, 403, { error: 'Tokens are given to this site\'s own pages only.' });
    const edition = editionOfInstitution(url.searchParams.get('institution') ?? '');
    if (!edition) return sendJson(response, 400, { error: 'institution must be riverside or nour.' });
    const user = sessions.signedInUser(request, edition);
    if (!user) return sendJson(response, 200, { token: null });
    try {
      const token = await signHearthToken(await options.credentials(), edition, user, audience);
      return sendJson(response, 200, { token });
    } catch (error) {
      if (!(error instanceof MissingCredentialsError)) throw error;
      console.error(`clinic-site: ${error.message}`);
      return sendJson(response, 503, { error: 'The site has no SSO key for this hospital yet.' });
    }
  }

  async function signInOrOut(request: IncomingMessage, response: ServerResponse, edition: Edition, action: '/sign-in' | '/sign-out'): Promise<void> {
    if (!fromOwnPages(request)) return send(response, 403, { 'content-type': 'text/plain; charset=utf-8' }, 'Forbidden.\n');
    const form = await readForm(request);
    const destination = sameSitePath(form.get('return')) ?? pathIn(edition, '/');
    if (action === '/sign-out') {
      return send(response, 303, { location: destination, 'set-cookie': sessions.signOutCookie(edition), 'cache-control': 'no-store' });
    }
    const user = edition.users.find((person) => person.externalId === form.get('member'));
    if (!user) return send(response, 400, { 'content-type': 'text/plain; charset=utf-8' }, 'Pick one of the people on the sign-in page.\n');
    return send(response, 303, { location: destination, 'set-cookie': sessions.signInCookie(edition, user), 'cache-control': 'no-store' });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://clinic.invalid');
    const method = request.method ?? 'GET';
    const asset = assets.get(url.pathname);
    if (asset && (method === 'GET' || method === 'HEAD')) {
      return send(response, 200, { 'content-type': asset.contentType, 'cache-control': 'public, max-age=86400' }, asset.body);
    }
    if (url.pathname === '/api/hearth-token') return hearthToken(request, response, url);
    if (url.pathname === '/ar') return send(response, 308, { location: '/ar/' });

    const { edition, path } = editionOfPath(url.pathname);
    if (method === 'POST' && (path === '/sign-in' || path === '/sign-out')) return signInOrOut(request, response, edition, path);
    if (method !== 'GET' && method !== 'HEAD') return send(response, 405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'Method not allowed.\n');

    if (path === '/') return sendPage(request, response, 200, edition, homePage);
    if (path === '/facilitators') return sendPage(request, response, 200, edition, facilitatorsPage);
    if (path === '/sign-in') {
      const returnPath = sameSitePath(url.searchParams.get('return')) ?? pathIn(edition, '/');
      return sendPage(request, response, 200, edition, (context) => signInPage(context, returnPath));
    }
    const group = /^\/groups\/([^/]+)$/.exec(path);
    if (group) {
      let slug: string | null = null;
      try {
        slug = decodeURIComponent(group[1]!);
      } catch {
        // malformed percent-encoding: no such page
      }
      if (slug) return sendPage(request, response, 200, edition, (context) => groupPage(context, slug));
    }
    return sendPage(request, response, 404, edition, notFoundPage);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) return send(response, 413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }, 'Too large.\n');
      console.error('clinic-site: request failed', error);
      if (!response.headersSent) send(response, 500, { 'content-type': 'text/plain; charset=utf-8' }, 'Something went wrong.\n');
      else response.end();
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
