import { afterAll, beforeAll, describe } from 'vitest';
import type { Database } from '../src/db/database.js';
import { countStatementsIn, type StatementTally } from '../src/db/statement-counter.js';
import { createHearthServer, type HearthServer } from '../src/server.js';
import type { DatabaseKind } from './database-targets.js';
import { testAudience } from './factories.js';
import { availableDatabaseKinds, openTestDatabase } from './test-database.js';

export interface GraphQLResponse<Data = Record<string, any>> {
  status: number;
  data?: Data;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }>;
  /** SQL statements the request ran (authentication included). */
  statements: number;
}

export interface RequestOptions {
  /** A bearer token: an SSO JWT or a service token. */
  token?: string | undefined;
  /** For guests: the institution slug sent as X-Hearth-Institution. */
  institution?: string | undefined;
  headers?: Record<string, string>;
}

/** The API under test, in-process (`yoga.fetch`), on a real database of one kind. */
export interface TestApi {
  kind: DatabaseKind;
  database: Database;
  server: HearthServer;
  graphql<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<Data>>;
  /** A raw request to the API, for HTTP-level tests (CSRF, CORS, content types). */
  request(path: string, init?: RequestInit): Promise<Response>;
}

export async function createTestApi(kind: DatabaseKind, options: { mode?: 'development' | 'production' | 'test'; poolSize?: number } = {}): Promise<TestApi> {
  const database = await openTestDatabase(kind, options.poolSize ? { poolSize: options.poolSize } : {});
  const server = createHearthServer({
    database,
    config: { mode: options.mode ?? 'test', ssoAudience: testAudience, extraCorsOrigins: [], maxBodyBytes: 100 * 1024 },
  });
  return {
    kind,
    database,
    server,
    async graphql(query, variables = {}, requestOptions = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...requestOptions.headers };
      if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
      if (requestOptions.institution) headers['x-hearth-institution'] = requestOptions.institution;
      const tally: StatementTally = { statements: 0 };
      const response = await countStatementsIn(tally, () =>
        server.fetch(new Request('http://hearth.test/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) })),
      );
      const body = (await response.json()) as Omit<GraphQLResponse, 'status' | 'statements'>;
      return { status: response.status, statements: tally.statements, ...body } as GraphQLResponse<any>;
    },
    request(path, init) {
      return server.fetch(new Request(`http://hearth.test${path}`, init));
    },
  };
}

/**
 * Declares a suite once per available database: `describeEachDatabase('groups', (api) => { it(…) })`.
 * `api()` returns that database's API, opened before the suite's tests and closed after them.
 */
export function describeEachDatabase(name: string, suite: (api: () => TestApi) => void, options: { kinds?: DatabaseKind[] } = {}): void {
  for (const kind of options.kinds ?? availableDatabaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let api: TestApi | undefined;
      beforeAll(async () => {
        api = await createTestApi(kind);
      }, 60_000);
      afterAll(async () => {
        await api?.database.close();
      });
      suite(() => {
        if (!api) throw new Error('The test API is not open yet.');
        return api;
      });
    });
  }
}
