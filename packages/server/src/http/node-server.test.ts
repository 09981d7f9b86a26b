import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import type { HearthConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { createHearthServer } from '../server.js';
import { databaseFingerprint, internalDetailPattern } from '../../test-support/database-fingerprint.js';
import { addTestMembership, createTestGroup, createTestInstitution, createTestMember, testAudience, type TestInstitution, type TestMember } from '../../test-support/factories.js';
import { availableDatabaseKinds, openTestDatabase } from '../../test-support/test-database.js';
import type { DatabaseKind } from '../../test-support/database-targets.js';
import { listen, type ListeningHearth } from './node-server.js';

/**
 * The API as operators and browsers meet it: a real listening server (port 0) over a test database. Health and
 * readiness, request ids and the request log, the body limit, CSRF, CORS, operation limits, production
 * hardening, masked internal failures and graceful shutdown.
 */

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  method?: string;
  path?: string;
  status?: number;
  sqlStatements?: number;
  err?: unknown;
}

interface RunningHearth {
  database: Database;
  listening: ListeningHearth;
  url: string;
  logs: LogLine[];
  stop(): Promise<void>;
}

const maxBodyBytes = 8 * 1024;

async function startHearth(kind: DatabaseKind, options: { mode?: HearthConfig['mode']; before?: (database: Database) => Promise<void> } = {}): Promise<RunningHearth> {
  const database = await openTestDatabase(kind);
  await options.before?.(database);
  const logs: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const hearth = createHearthServer({
    database,
    config: { mode: options.mode ?? 'test', ssoAudience: testAudience, extraCorsOrigins: [], maxBodyBytes },
    logger,
  });
  const listening = await listen(hearth, { port: 0, host: '127.0.0.1', maxBodyBytes, logger });
  let stopped = false;
  return {
    database,
    listening,
    url: listening.url,
    logs,
    async stop() {
      if (stopped) return;
      stopped = true;
      await listening.shutdown(1000);
      await database.close().catch(() => {});
    },
  };
}

function graphqlPost(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const createServiceToken = 'mutation($name: String!) { createServiceToken(input: { name: $name }) { __typename ... on CreateServiceTokenPayload { token } } }';
const serviceTokenNamed = async (database: Database, name: string) =>
  database.db.selectFrom('service_tokens').select('id').where('name', '=', name).execute();

/** Relay-shaped queries from real fields, ten levels deep (armor's limit) and eleven. */
const tenLevels = '{ me { memberships { edges { node { group { memberships { edges { node { member { displayName } } } } } } } } } }';
const elevenLevels = '{ me { memberships { edges { node { group { memberships { edges { node { member { institution { slug } } } } } } } } } } }';

for (const kind of availableDatabaseKinds()) {
  describe(`HTTP server [${kind}]`, () => {
    let hearth: RunningHearth;
    let clinic: TestInstitution;
    let admin: TestMember;

    beforeAll(async () => {
      hearth = await startHearth(kind, {
        // Origins are read when CORS is first asked, so the institution exists before the server answers anything.
        before: async (database) => {
          clinic = await createTestInstitution(database.db, { allowedOrigins: ['https://clinic.example'] });
          admin = await createTestMember(database.db, clinic, { admin: true });
          const group = await createTestGroup(database.db, clinic);
          await addTestMembership(database.db, group, admin.row, { role: 'PEER_FACILITATOR' });
        },
      });
    }, 60_000);
    afterAll(async () => {
      await hearth?.stop();
    });

    describe('health and request ids', () => {
      it('answers /healthz and /readyz with a generated request id', async () => {
        const health = await fetch(`${hearth.url}/healthz`);
        expect(health.status).toBe(200);
        expect(await health.json()).toEqual({ status: 'ok' });
        expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
        const ready = await fetch(`${hearth.url}/readyz`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toEqual({ status: 'ready', database: kind });
      });

      it('echoes a well-formed x-request-id and replaces a malformed one', async () => {
        const echoed = await fetch(`${hearth.url}/healthz`, { headers: { 'x-request-id': 'edge-7f3a.42_b' } });
        expect(echoed.headers.get('x-request-id')).toBe('edge-7f3a.42_b');
        const replaced = await fetch(`${hearth.url}/healthz`, { headers: { 'x-request-id': 'has spaces; and "quotes"' } });
        expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
        const tooLong = await fetch(`${hearth.url}/healthz`, { headers: { 'x-request-id': 'x'.repeat(65) } });
        expect(tooLong.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      });

      it('writes one JSON log line per request with its request id and SQL statement count', async () => {
        const requestId = `log-test-${kind}`;
        const response = await graphqlPost(hearth.url, { query: '{ me { displayName } }' }, { authorization: `Bearer ${admin.token}`, 'x-request-id': requestId });
        expect(response.status).toBe(200);
        await vi.waitFor(() => expect(hearth.logs.filter((line) => line.requestId === requestId)).toHaveLength(1));
        const line = hearth.logs.find((entry) => entry.requestId === requestId)!;
        expect(line).toMatchObject({ msg: 'request', method: 'POST', path: '/graphql', status: 200, level: 30 });
        // Authenticating the member reads their row: at least one statement, counted for this request alone.
        expect(line.sqlStatements).toBeGreaterThanOrEqual(1);
        expect(line.sqlStatements).toBeLessThanOrEqual(3);
      });
    });

    describe('request body limit', () => {
      it('refuses a declared body over the limit with 413 and writes nothing', async () => {
        const before = await databaseFingerprint(hearth.database.db);
        const response = await graphqlPost(
          hearth.url,
          { query: createServiceToken, variables: { name: 'oversized', padding: 'x'.repeat(maxBodyBytes) } },
          { authorization: `Bearer ${clinic.serviceToken}` },
        );
        expect(response.status).toBe(413);
        const body = await response.json();
        expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
        expect(await databaseFingerprint(hearth.database.db)).toEqual(before);
      });

      it('refuses a chunked body (no length declared) once it passes the limit', async () => {
        const before = await databaseFingerprint(hearth.database.db);
        const status = await new Promise<number>((resolve, reject) => {
          const request = httpRequest(`${hearth.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${clinic.serviceToken}`, 'transfer-encoding': 'chunked' },
          });
          request.on('response', (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          });
          request.on('error', reject);
          request.write(JSON.stringify({ query: createServiceToken, variables: { name: 'chunked' } }).slice(0, -1));
          request.write(`, "padding": "${'y'.repeat(maxBodyBytes)}"`);
          request.end('}');
        });
        expect(status).toBe(413);
        expect(await serviceTokenNamed(hearth.database, 'chunked')).toEqual([]);
        expect(await databaseFingerprint(hearth.database.db)).toEqual(before);
      });
    });

    describe('CSRF prevention', () => {
      const mutation = 'mutation { createServiceToken(input: { name: "csrf" }) { __typename } }';

      it('refuses a multipart/form-data mutation without the CSRF header and writes nothing', async () => {
        const before = await databaseFingerprint(hearth.database.db);
        const form = new FormData();
        form.set('operations', JSON.stringify({ query: mutation }));
        form.set('map', '{}');
        const response = await fetch(`${hearth.url}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${clinic.serviceToken}` } });
        expect(response.status).toBe(403);
        expect(JSON.stringify(await response.json())).toMatch(/CSRF/);
        expect(await databaseFingerprint(hearth.database.db)).toEqual(before);
      });

      it('refuses urlencoded and text/plain mutations without the CSRF header, and runs them with it', async () => {
        const before = await databaseFingerprint(hearth.database.db);
        for (const [contentType, body] of [
          ['application/x-www-form-urlencoded', new URLSearchParams({ query: mutation }).toString()],
          ['text/plain', JSON.stringify({ query: mutation })],
        ] as const) {
          const response = await fetch(`${hearth.url}/graphql`, { method: 'POST', body, headers: { 'content-type': contentType, authorization: `Bearer ${clinic.serviceToken}` } });
          expect(response.status, contentType).toBe(403);
        }
        expect(await serviceTokenNamed(hearth.database, 'csrf')).toEqual([]);
        expect(await databaseFingerprint(hearth.database.db)).toEqual(before);

        // The same urlencoded request carrying the header (which a cross-site form cannot add) does run: the
        // refusal above is the CSRF guard, not a parser that happens to fail.
        const allowed = await fetch(`${hearth.url}/graphql`, {
          method: 'POST',
          body: new URLSearchParams({ query: mutation }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${clinic.serviceToken}`, 'x-graphql-yoga-csrf': '1' },
        });
        expect(await allowed.json()).toEqual({ data: { createServiceToken: { __typename: 'CreateServiceTokenPayload' } } });
        expect(await serviceTokenNamed(hearth.database, 'csrf')).toHaveLength(1);
      });

      it('runs JSON POSTs without the header', async () => {
        const response = await graphqlPost(hearth.url, { query: createServiceToken, variables: { name: 'json post' } }, { authorization: `Bearer ${clinic.serviceToken}` });
        expect(response.status).toBe(200);
        expect((await response.json()).data.createServiceToken.__typename).toBe('CreateServiceTokenPayload');
      });

      it('refuses mutations over GET', async () => {
        const before = await databaseFingerprint(hearth.database.db);
        const url = `${hearth.url}/graphql?query=${encodeURIComponent('mutation { createServiceToken(input: { name: "via get" }) { __typename } }')}`;
        const response = await fetch(url, { headers: { authorization: `Bearer ${clinic.serviceToken}`, 'x-graphql-yoga-csrf': '1', accept: 'application/json' } });
        expect(response.status).toBe(405);
        expect(await databaseFingerprint(hearth.database.db)).toEqual(before);
        const query = await fetch(`${hearth.url}/graphql?query=${encodeURIComponent('{ me { displayName } }')}`, {
          headers: { authorization: `Bearer ${admin.token}`, 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
        });
        expect(query.status).toBe(200);
      });
    });

    describe('CORS', () => {
      it("answers an institution's embedding origin and no other", async () => {
        const allowed = await graphqlPost(hearth.url, { query: '{ __typename }' }, { origin: 'https://clinic.example' });
        expect(allowed.headers.get('access-control-allow-origin')).toBe('https://clinic.example');
        expect(allowed.headers.get('access-control-expose-headers')).toMatch(/x-request-id/i);
        const other = await graphqlPost(hearth.url, { query: '{ __typename }' }, { origin: 'https://evil.example' });
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
      });

      it('answers preflights for the allowed origin only', async () => {
        const preflight = (origin: string) =>
          fetch(`${hearth.url}/graphql`, {
            method: 'OPTIONS',
            headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
          });
        const allowed = await preflight('https://clinic.example');
        expect(allowed.status).toBeLessThan(300);
        expect(allowed.headers.get('access-control-allow-origin')).toBe('https://clinic.example');
        expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
        expect(allowed.headers.get('access-control-allow-credentials')).not.toBe('true');
        const other = await preflight('https://evil.example');
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
        expect(other.headers.get('access-control-allow-headers')).toBeNull();
        const lookalike = await preflight('https://clinic.example.evil.example');
        expect(lookalike.headers.get('access-control-allow-origin')).toBeNull();
      });
    });

    describe('operation limits', () => {
      async function refusal(query: string) {
        const response = await graphqlPost(hearth.url, { query }, { authorization: `Bearer ${admin.token}` });
        const body = await response.json();
        expect(body.data ?? null).toBeNull();
        expect(JSON.stringify(body)).not.toMatch(internalDetailPattern);
        return { status: response.status, message: body.errors?.[0]?.message as string };
      }

      it('passes the Relay-shaped queries the widgets send, up to the depth limit', async () => {
        const widgetQuery = '{ me { memberships { edges { node { group { facilitators { name } } } } } } }';
        const widget = await graphqlPost(hearth.url, { query: widgetQuery }, { authorization: `Bearer ${admin.token}` });
        const widgetBody = await widget.json();
        expect(widgetBody.errors).toBeUndefined();
        expect(widgetBody.data.me.memberships.edges[0].node.group.facilitators.length).toBeGreaterThan(0);

        const atLimit = await graphqlPost(hearth.url, { query: tenLevels }, { authorization: `Bearer ${admin.token}` });
        expect((await atLimit.json()).errors).toBeUndefined();
      });

      it('refuses a query deeper than the limit', async () => {
        const { message } = await refusal(elevenLevels);
        expect(message).toMatch(/depth/i);
      });

      it('refuses too many aliases', async () => {
        const { message } = await refusal(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { displayName }`).join(' ')} }`);
        expect(message).toMatch(/aliases/i);
      });

      it('refuses a document with too many tokens', async () => {
        const { message } = await refusal(`{ me { ${'id '.repeat(2100)}} }`);
        expect(message).toMatch(/token/i);
      });
    });
  });

  describe(`HTTP server in production mode [${kind}]`, () => {
    let hearth: RunningHearth;
    let development: RunningHearth;

    beforeAll(async () => {
      [hearth, development] = await Promise.all([startHearth(kind, { mode: 'production' }), startHearth(kind, { mode: 'development' })]);
    }, 60_000);
    afterAll(async () => {
      await Promise.all([hearth?.stop(), development?.stop()]);
    });

    it('refuses introspection', async () => {
      for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Group") { name } }']) {
        const response = await graphqlPost(hearth.url, { query });
        const body = await response.json();
        expect(body.data ?? null).toBeNull();
        expect(body.errors[0].message).toMatch(/introspection/i);
      }
      const allowedInDevelopment = await graphqlPost(development.url, { query: '{ __type(name: "Group") { name } }' });
      expect((await allowedInDevelopment.json()).data).toEqual({ __type: { name: 'Group' } });
    });

    it('does not serve GraphiQL', async () => {
      const page = await fetch(`${hearth.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
      expect(await page.text()).not.toMatch(/graphiql/i);
      const inDevelopment = await fetch(`${development.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(inDevelopment.headers.get('content-type')).toMatch(/text\/html/);
      expect(await inDevelopment.text()).toMatch(/graphiql/i);
    });

    it('gives no field suggestions in errors', async () => {
      const query = '{ grops(first: 1) { edges { cursor } } }';
      const production = await (await graphqlPost(hearth.url, { query })).json();
      expect(production.errors[0].message).toMatch(/grops/);
      expect(JSON.stringify(production)).not.toMatch(/did you mean/i);
      const inDevelopment = await (await graphqlPost(development.url, { query })).json();
      expect(JSON.stringify(inDevelopment)).toMatch(/did you mean/i);
    });
  });

  describe(`HTTP server failures and shutdown [${kind}]`, () => {
    it('answers an internal failure with "Unexpected error." and the request id, logs it, and leaks nothing', async () => {
      const hearth = await startHearth(kind);
      try {
        expect((await fetch(`${hearth.url}/readyz`)).status).toBe(200);
        // Kysely's pool goes away (as when PostgreSQL is unreachable); the database itself is closed in stop().
        await hearth.database.db.destroy();
        const ready = await fetch(`${hearth.url}/readyz`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toMatchObject({ status: 'unavailable' });

        // A failure inside a resolver (a guest: authentication needs no query) and one while authenticating.
        for (const [query, headers] of [
          ['{ institution(slug: "anything") { name } }', {}],
          ['{ me { id } }', { 'x-hearth-institution': 'anything' }],
        ] as const) {
          const response = await graphqlPost(hearth.url, { query }, headers);
          const requestId = response.headers.get('x-request-id');
          const body = await response.json();
          const text = JSON.stringify(body);
          expect(body.errors).toHaveLength(1);
          expect(body.errors[0].message).toBe('Unexpected error.');
          expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
          expect(text).not.toMatch(internalDetailPattern);
          expect(text).not.toMatch(/destroyed|driver|closed/i);
          // Operators find the cause under the same id.
          await vi.waitFor(() => expect(hearth.logs.some((line) => line.requestId === requestId && line.level >= 50 && line.err)).toBe(true));
        }
      } finally {
        await hearth.stop();
      }
    });

    it('finishes a request in flight after shutdown() is called and refuses new connections', async () => {
      const hearth = await startHearth(kind);
      const clinic = await createTestInstitution(hearth.database.db);
      const body = JSON.stringify({ query: createServiceToken, variables: { name: 'in flight' } });
      // The server's own 'request' listener (which counts requests in flight) runs before this one.
      const received = new Promise((resolve) => hearth.listening.server.once('request', resolve));
      let finishBody!: () => void;
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest(`${hearth.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), authorization: `Bearer ${clinic.serviceToken}` },
        });
        request.on('response', (incoming) => {
          let text = '';
          incoming.setEncoding('utf8');
          incoming.on('data', (chunk: string) => (text += chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: text }));
        });
        request.on('error', reject);
        // Half the body now, the rest once shutdown has begun: the request is in flight across the shutdown.
        request.write(body.slice(0, 20));
        finishBody = () => request.end(body.slice(20));
      });
      await received;

      const shutdown = hearth.listening.shutdown(10_000);
      let shutdownDone = false;
      void shutdown.then(() => (shutdownDone = true));
      await expect(fetch(`${hearth.url}/healthz`)).rejects.toThrow();
      expect(shutdownDone).toBe(false);

      finishBody();
      const completed = await response;
      expect(completed.status).toBe(200);
      expect(JSON.parse(completed.body).data.createServiceToken.__typename).toBe('CreateServiceTokenPayload');
      await shutdown;
      expect(await serviceTokenNamed(hearth.database, 'in flight')).toHaveLength(1);
      await hearth.stop();
    });
  });
}
