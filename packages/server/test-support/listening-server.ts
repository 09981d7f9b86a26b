import pino from 'pino';
import type { Database } from '../src/db/database.js';
import { listen } from '../src/http/node-server.js';
import { createHearthServer, type HearthServer, type HearthServerOptions } from '../src/server.js';
import type { DatabaseKind } from './database-targets.js';
import { testAudience } from './factories.js';
import { openTestDatabase } from './test-database.js';

/** A real Hearth API listening on a free local port, for tests that go through HTTP as a client would. */
export interface ListeningTestServer {
  /** The API's base URL (`http://127.0.0.1:<port>`); GraphQL is at `${url}/graphql`. */
  url: string;
  database: Database;
  server: HearthServer;
  /** Stops the server and removes its database. */
  close(): Promise<void>;
}

/**
 * Opens a private test database (see test-database.ts; the caller's vitest project needs the server's global
 * setup) and serves the API on port 0, with the test SSO audience (`testAudience`) and a silent logger. The
 * widget bundle comes from `widgetsDir` (by default the monorepo's `packages/widgets/dist`).
 */
export async function startTestServer(
  kind: DatabaseKind = 'pglite',
  options: Pick<HearthServerOptions, 'rateLimits' | 'widgetsDir'> = {},
): Promise<ListeningTestServer> {
  const database = await openTestDatabase(kind);
  const config = { mode: 'test' as const, ssoAudience: testAudience, extraCorsOrigins: [], maxBodyBytes: 100 * 1024 };
  const server = createHearthServer({ database, config, ...options });
  const listening = await listen(server, { port: 0, host: '127.0.0.1', maxBodyBytes: config.maxBodyBytes, logger: pino({ level: 'silent' }) });
  return {
    url: listening.url,
    database,
    server,
    async close() {
      await listening.shutdown(1000);
      await server.rateLimiter.close();
      await database.close();
    },
  };
}
