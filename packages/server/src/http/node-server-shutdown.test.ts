import { request as httpRequest } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { internalDetailPattern } from '../../test-support/database-fingerprint.js';
import { createTestInstitution } from '../../test-support/factories.js';
import { availableDatabaseKinds } from '../../test-support/test-database.js';
import { createServiceToken, graphqlPost, serviceTokenNamed, startHearth } from './node-server-test-fixtures.js';

/** The listening server when things go wrong: masked internal failures, and a graceful shutdown. */
for (const kind of availableDatabaseKinds()) {
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
