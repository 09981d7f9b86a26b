import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createHearthServer, listen, openDatabase } from '@hearth/server';
import { pino } from 'pino';
import { databaseUrl, ssoAudience } from './scenario.js';
import { serveForBenchmark, type ServerTally } from './server-process.js';

/**
 * Hearth as it runs in production (NODE_ENV=production set by the benchmark; `mode: 'production'`), on the
 * benchmark database with its default pool of 10, behind its own Node HTTP layer.
 *
 * Hearth writes one structured log line per request with the number of SQL statements it ran; here that line
 * goes to a tally instead of stdout, so the statement count comes from the server's own accounting and the cost
 * of producing the line stays in the measurement, as it would in production.
 */
// The server package exports only its entry (src/index.ts); its package.json sits one folder above.
const serverEntry = createRequire(import.meta.url).resolve('@hearth/server');
const hearthVersion = (JSON.parse(readFileSync(join(dirname(serverEntry), '..', 'package.json'), 'utf8')) as { version: string }).version;
const maxBodyBytes = 100 * 1024;

await serveForBenchmark(async () => {
  const tally: ServerTally = { requests: 0, statements: 0, errors: [] };
  const logger = pino(
    { level: 'info' },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { level: number; msg?: string; path?: string; sqlStatements?: number; aborted?: boolean; err?: { message?: string } };
        // A request the load generator abandoned when its time ran out stopped part-way: not a request served.
        if (entry.msg === 'request' && entry.path === '/graphql' && !entry.aborted) {
          tally.requests += 1;
          tally.statements += entry.sqlStatements ?? 0;
        } else if (entry.level >= 50 && tally.errors.length < 5) {
          tally.errors.push(`${entry.msg ?? 'error'}: ${entry.err?.message ?? ''}`);
        }
      },
    },
  );
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl });
  const hearth = createHearthServer({
    database,
    config: { mode: 'production', ssoAudience, extraCorsOrigins: [], maxBodyBytes },
    logger,
  });
  const listening = await listen(hearth, { port: 0, host: '127.0.0.1', maxBodyBytes, logger });
  return {
    url: `${listening.url}/graphql`,
    description: `Hearth ${hearthVersion} (graphql-yoga, Pothos, Kysely), pool 10, signed-in member (SSO token checked per request)`,
    tally: () => ({ ...tally, errors: [...tally.errors] }),
    resetTally: () => {
      tally.requests = 0;
      tally.statements = 0;
      tally.errors = [];
    },
    stop: async () => {
      await listening.shutdown(1_000);
      await database.close();
    },
  };
});
