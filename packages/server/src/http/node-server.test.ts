import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseFingerprint, internalDetailPattern } from '../../test-support/database-fingerprint.js';
import { addTestMembership, createTestGroup, createTestInstitution, createTestMember, type TestInstitution, type TestMember } from '../../test-support/factories.js';
import { availableDatabaseKinds } from '../../test-support/test-database.js';
import { createServiceToken, graphqlPost, maxBodyBytes, serviceTokenNamed, startHearth, type RunningHearth } from './node-server-test-fixtures.js';

/**
 * The API as operators and browsers meet it: a real listening server (port 0) over a test database. Health and
 * readiness, request ids and the request log, the body limit, CSRF, CORS and operation limits. Production
 * hardening is in node-server-production.test.ts; masked internal failures and graceful shutdown in
 * node-server-shutdown.test.ts.
 */

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
}
