import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestInstitution } from '../../test-support/factories.js';
import { startTestServer, type ListeningTestServer } from '../../test-support/listening-server.js';

/**
 * The widget bundle as a hospital's page meets it: real HTTP from another origin, against a folder laid out as
 * the widgets build lays out `packages/widgets/dist`.
 */
let api: ListeningTestServer;
let folder: string;
let widgetsDir: string;
const entry = 'export const hearth = "entry";\n';
const chunk = 'export const chunk = "group";\n';
const hostOrigin = 'https://riverside-hospital.example';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hearth-widgets-'));
  widgetsDir = join(folder, 'dist');
  await mkdir(join(widgetsDir, 'chunks'), { recursive: true });
  await writeFile(join(widgetsDir, 'hearth.js'), entry);
  await writeFile(join(widgetsDir, 'chunks', 'hearth-group-3f9a1c2b.js'), chunk);
  await writeFile(join(widgetsDir, 'custom-elements.json'), '{"schemaVersion":"1.0.0","modules":[]}');
  await writeFile(join(widgetsDir, 'licenses.txt'), 'lit: BSD-3-Clause');
  await writeFile(join(widgetsDir, 'metafile.json'), '{}');
  // Beside the bundle, where a path that climbs out of it would land.
  await writeFile(join(folder, 'secret.txt'), 'not for browsers');
  api = await startTestServer('pglite', { widgetsDir });
});
afterAll(async () => {
  await api?.close();
  await rm(folder, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(`${api.url}${path}`, { method, headers });

/** A request with the path sent exactly as written (fetch would normalise `..` away before sending). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${api.url}/`, { path }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (part: string) => (body += part));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the widget bundle at /widgets/', () => {
  it('serves the entry as JavaScript, cached briefly, to any origin', async () => {
    const response = await get('/widgets/hearth.js', { origin: hostOrigin });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(entry);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
      etag: expect.stringMatching(/^"[\w-]+"$/),
    });
  });

  it('answers a request without an Origin, and an allowed origin with * too (no credentials, nothing per origin)', async () => {
    const plain = await get('/widgets/hearth.js');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('access-control-allow-origin')).toBe('*');

    await createTestInstitution(api.database.db, { allowedOrigins: [hostOrigin] });
    const allowed = await get('/widgets/hearth.js', { origin: hostOrigin });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('*');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed.headers.get('vary') ?? '').not.toMatch(/origin/i);
  });

  it('answers a revalidation with 304 while the file is unchanged, and with the new file after a release', async () => {
    const first = await get('/widgets/hearth.js');
    const etag = first.headers.get('etag')!;
    const revalidated = await get('/widgets/hearth.js', { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect(revalidated.headers.get('access-control-allow-origin')).toBe('*');
    expect((await get('/widgets/hearth.js', { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);

    const released = 'export const hearth = "next release";\n';
    await writeFile(join(widgetsDir, 'hearth.js'), released);
    const after = await get('/widgets/hearth.js', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(await after.text()).toBe(released);
    expect(after.headers.get('etag')).not.toBe(etag);
    await writeFile(join(widgetsDir, 'hearth.js'), entry);
  });

  it('keeps content-hashed chunks for a year, and serves the custom-elements manifest as JSON', async () => {
    const response = await get('/widgets/chunks/hearth-group-3f9a1c2b.js', { origin: hostOrigin });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(chunk);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');

    const manifest = await get('/widgets/custom-elements.json');
    expect(manifest.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(manifest.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await manifest.json()).toEqual({ schemaVersion: '1.0.0', modules: [] });

    const licenses = await get('/widgets/licenses.txt');
    expect(licenses.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await licenses.text()).toBe('lit: BSD-3-Clause');
    // The build's own bookkeeping beside them is not served.
    expect((await get('/widgets/metafile.json')).status).toBe(404);
  });

  it('sends brotli or gzip to browsers that accept them, each with its own ETag, and the plain file otherwise', async () => {
    const plain = await get('/widgets/hearth.js', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('accept-encoding');
    const etags = new Set([plain.headers.get('etag')]);
    for (const [accepted, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
    ] as const) {
      const response = await get('/widgets/hearth.js', { 'accept-encoding': accepted });
      expect(response.headers.get('content-encoding'), accepted).toBe(encoding);
      expect(response.headers.get('vary')).toBe('accept-encoding');
      // fetch decodes the body: the same script either way.
      expect(await response.text()).toBe(entry);
      const etag = response.headers.get('etag')!;
      if (encoding === 'br') etags.add(etag);
      const revalidated = await get('/widgets/hearth.js', { 'accept-encoding': accepted, 'if-none-match': etag });
      expect(revalidated.status).toBe(304);
    }
    expect(etags.size).toBe(2);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await get('/widgets/hearth.js', { 'accept-encoding': 'identity' }, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(entry)));
    expect(await response.text()).toBe('');
  });

  it('answers unknown files with a plain-text 404 and other methods with 405', async () => {
    for (const path of ['/widgets/nothing.js', '/widgets/chunks/missing-1234abcd.js', '/widgets/chunks/', '/widgets/']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toBe('text/plain; charset=utf-8');
    }
    const post = await fetch(`${api.url}/widgets/hearth.js`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('never reads outside the bundle folder', async () => {
    for (const path of [
      '/widgets/../secret.txt',
      '/widgets/chunks/../../secret.txt',
      '/widgets/%2e%2e/secret.txt',
      '/widgets/chunks/..%2f..%2fsecret.txt',
      '/widgets/chunks/..%5c..%5csecret.txt',
      '/widgets/chunks/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/widgets/chunks/.hidden.js',
      '/widgets/chunks/x.js%00.txt',
    ]) {
      const response = await rawGet(path);
      expect(response.body, path).not.toContain('not for browsers');
      expect(response.status, path).toBe(404);
    }
  });

  it('explains in the browser console, with a 503, that the bundle was never built', async () => {
    await rename(widgetsDir, `${widgetsDir}-aside`);
    try {
      const response = await get('/widgets/hearth.js', { origin: hostOrigin });
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const script = await response.text();
      expect(script).toContain('console.error(');
      expect(script).toContain('pnpm --filter @hearth/widgets build');
      expect((await get('/widgets/chunks/hearth-group-3f9a1c2b.js')).status).toBe(404);
    } finally {
      await rename(`${widgetsDir}-aside`, widgetsDir);
    }
    expect((await get('/widgets/hearth.js')).status).toBe(200);
  });
});
