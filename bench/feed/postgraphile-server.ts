import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import PgSimplifyInflectorPlugin from '@graphile-contrib/pg-simplify-inflector';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { databaseUrl } from './scenario.js';
import { serveForBenchmark, type ServerTally } from './server-process.js';

/**
 * The peer: PostGraphile in library mode over the benchmark database, configured as its documentation advises
 * for production (no GraphiQL, no query log, no schema watching, no stack traces), with the simplified
 * inflection so its field names read like Hearth's (`posts`, `replies`, `authorName`).
 * Its pool has the same size as Hearth's (10), and statements are counted on that pool's connections.
 */
export const poolSize = 10;

const require = createRequire(import.meta.url);
const postgraphileVersion = (require('postgraphile/package.json') as { version: string }).version;
const graphqlVersion = (createRequire(require.resolve('postgraphile'))('graphql/package.json') as { version: string }).version;

await serveForBenchmark(async () => {
  const tally: ServerTally = { requests: 0, statements: 0, errors: [] };
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      tally.statements += 1;
      return query(...args);
    };
  });

  const middleware = postgraphile(pool, 'public', {
    // A CommonJS module: under Node's ES module loader its default import is `module.exports`, whose `default`
    // (set by the package for this purpose) is the plugin TypeScript knows about.
    appendPlugins: [PgSimplifyInflectorPlugin.default],
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    ignoreRBAC: false,
    legacyRelations: 'omit',
    disableDefaultMutations: true,
    disableQueryLog: true,
    graphiql: false,
    enableQueryBatching: false,
    watchPg: false,
    retryOnInitFail: false,
    handleErrors: (errors) => {
      for (const error of errors) if (tally.errors.length < 5) tally.errors.push(error.message);
      return errors;
    },
  });

  const server = createServer((request, response) => {
    if (request.url?.startsWith('/graphql')) response.once('finish', () => (tally.requests += 1));
    void middleware(request, response);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    description: `PostGraphile ${postgraphileVersion} (graphql ${graphqlVersion}), pg-simplify-inflector, pool ${poolSize}, no auth`,
    tally: () => ({ ...tally, errors: [...tally.errors] }),
    resetTally: () => {
      tally.requests = 0;
      tally.statements = 0;
      tally.errors = [];
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await middleware.release?.();
      await pool.end();
    },
  };
});
