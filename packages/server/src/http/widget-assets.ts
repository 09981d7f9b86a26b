import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'graphql-yoga';

/**
 * The widget bundle (`packages/widgets/dist`) served from the API's own origin, so a hospital's page needs one
 * `<script type="module" src="https://hearth.example/widgets/hearth.js">` and nothing else. Served in every mode,
 * production too: it is the product's front door.
 */
export const widgetsPath = '/widgets/';

interface WidgetFile {
  /** Path inside the widgets folder. */
  relative: string;
  contentType: string;
  cacheControl: string;
}

/**
 * The entry keeps its name across releases, so browsers may keep it only briefly and a new release is picked up
 * within minutes; revalidating costs a 304 thanks to the ETag.
 */
const shortCache = 'public, max-age=300';
/** Chunk names carry a hash of their content: a new release means new names, so they never need revalidating. */
const immutableCache = 'public, max-age=31536000, immutable';
const javascript = 'text/javascript; charset=utf-8';

/**
 * Only these names are ever read from disk. Matching the raw path against them (rather than normalising it and
 * checking the result) refuses `..`, encoded slashes, backslashes and NUL bytes without having to think of each.
 */
const chunkName = /^chunks\/[A-Za-z0-9_][A-Za-z0-9._-]*\.js$/;

function widgetFileAt(name: string): WidgetFile | null {
  if (name === 'hearth.js') return { relative: name, contentType: javascript, cacheControl: shortCache };
  if (name === 'custom-elements.json') return { relative: name, contentType: 'application/json; charset=utf-8', cacheControl: shortCache };
  // The third-party licences of the bundled code (Lit's), which the minified files point to.
  if (name === 'licenses.txt') return { relative: name, contentType: 'text/plain; charset=utf-8', cacheControl: shortCache };
  if (chunkName.test(name)) return { relative: name, contentType: javascript, cacheControl: immutableCache };
  return null;
}

/**
 * Public static files, fetched without credentials: module scripts load in CORS mode from the host page's origin,
 * so every origin may read them (the API's own CORS policy, for its GraphQL endpoint, does not apply here).
 */
const publicFileHeaders = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
  'x-content-type-options': 'nosniff',
};

const notBuiltScript = (folder: string) => `// Hearth's widget bundle has not been built: ${folder} has no hearth.js.
// Build it with:  pnpm --filter @hearth/widgets build   (npm start does this for you)
console.error(${JSON.stringify(`Hearth widgets are not built on this server (no hearth.js in ${folder}). Run: pnpm --filter @hearth/widgets build`)});
`;

interface CachedFile {
  modifiedMs: number;
  size: number;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  /** The body compressed once per file version, by encoding, when first asked for. */
  encoded: Map<Encoding, Uint8Array<ArrayBuffer>>;
}

type Encoding = 'br' | 'gzip';

/**
 * The best encoding the browser accepts: brotli, else gzip, else none. Readers on phones download the bundle;
 * compressed, it is a third of its size. (A quality of zero in Accept-Encoding refuses an encoding.)
 */
function preferredEncoding(acceptEncoding: string | null): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, ...parameters]) => !parameters.some((parameter) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(parameter)))
      .map(([name]) => name!.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}

function encode(body: Uint8Array, encoding: Encoding): Uint8Array<ArrayBuffer> {
  const compressed =
    encoding === 'br'
      ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
      : gzipSync(body, { level: 9 });
  return new Uint8Array(compressed);
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
function matchesETag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => candidate.trim() === '*' || opaque(candidate) === opaque(etag));
}

/** True for the paths this plugin answers, so other layers (the API's CORS policy) can leave them alone. */
export function isWidgetAssetPath(pathname: string): boolean {
  return pathname.startsWith(widgetsPath);
}

/**
 * A yoga plugin answering GET and HEAD under `/widgets/` from `widgetsDir`. Files are read again only when their
 * modification time or size changes, so a rebuild in watch mode shows on the next request.
 */
export function useWidgetAssets(widgetsDir: string): Plugin {
  const cache = new Map<string, CachedFile>();

  async function read(relative: string): Promise<CachedFile | null> {
    const path = join(widgetsDir, relative);
    try {
      const stats = await stat(path);
      if (!stats.isFile()) return null;
      const cached = cache.get(relative);
      if (cached && cached.modifiedMs === stats.mtimeMs && cached.size === stats.size) return cached;
      const body = new Uint8Array(await readFile(path));
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      const file = { modifiedMs: stats.mtimeMs, size: stats.size, body, etag, encoded: new Map() };
      cache.set(relative, file);
      return file;
    } catch {
      cache.delete(relative);
      return null;
    }
  }

  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!isWidgetAssetPath(url.pathname)) return;
      const respond = (status: number, body: string | Uint8Array<ArrayBuffer> | null, headers: Record<string, string>) =>
        endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status, headers: { ...publicFileHeaders, ...headers } }));

      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return respond(405, 'Method not allowed.\n', { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      }
      const file = widgetFileAt(url.pathname.slice(widgetsPath.length));
      const found = file && (await read(file.relative));
      if (!file || !found) {
        if (file?.relative === 'hearth.js') {
          return respond(503, notBuiltScript(widgetsDir), { 'content-type': javascript, 'cache-control': 'no-store' });
        }
        return respond(404, 'Not found.\n', { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      }
      const encoding = preferredEncoding(request.headers.get('accept-encoding'));
      // Each encoding is its own representation, with its own ETag (RFC 9110 §8.8.3).
      const etag = encoding ? `${found.etag.slice(0, -1)}-${encoding}"` : found.etag;
      const headers: Record<string, string> = { 'content-type': file.contentType, 'cache-control': file.cacheControl, etag, vary: 'accept-encoding' };
      if (matchesETag(request.headers.get('if-none-match'), etag)) return respond(304, null, headers);
      if (!encoding) return respond(200, found.body, { ...headers, 'content-length': String(found.body.byteLength) });
      let body = found.encoded.get(encoding);
      if (!body) {
        body = encode(found.body, encoding);
        found.encoded.set(encoding, body);
      }
      return respond(200, body, { ...headers, 'content-encoding': encoding, 'content-length': String(body.byteLength) });
    },
  };
}
