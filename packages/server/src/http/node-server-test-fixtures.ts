import { pino } from 'pino';
import type { HearthConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { createHearthServer } from '../server.js';
import { testAudience } from '../../test-support/factories.js';
import { openTestDatabase } from '../../test-support/test-database.js';
import type { DatabaseKind } from '../../test-support/database-targets.js';
import { listen, type ListeningHearth } from './node-server.js';

/**
 * Shared by the node-server suites (node-server*.test.ts): a real listening server (port 0) over a test database,
 * with its log lines captured, and the requests those suites send.
 */

export interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  method?: string;
  path?: string;
  status?: number;
  sqlStatements?: number;
  err?: unknown;
}

export interface RunningHearth {
  database: Database;
  listening: ListeningHearth;
  url: string;
  logs: LogLine[];
  stop(): Promise<void>;
}

export const maxBodyBytes = 8 * 1024;

export async function startHearth(kind: DatabaseKind, options: { mode?: HearthConfig['mode']; before?: (database: Database) => Promise<void> } = {}): Promise<RunningHearth> {
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

export function graphqlPost(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export const createServiceToken = 'mutation($name: String!) { createServiceToken(input: { name: $name }) { __typename ... on CreateServiceTokenPayload { token } } }';
export const serviceTokenNamed = async (database: Database, name: string) =>
  database.db.selectFrom('service_tokens').select('id').where('name', '=', name).execute();
