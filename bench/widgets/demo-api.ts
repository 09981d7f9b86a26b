import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHearthServer, listen, migrateToLatest, openDatabase } from '@hearth/server';
// The demo hospitals' seed; test-support is where the server exports it for code outside the server package.
// (Its test database helpers need vitest's injected template, so the database is opened here instead.)
import { seedDemo } from '@hearth/server/test-support';
import { pino } from 'pino';

/** One request the API answered, from its own request log. */
export interface ServedRequest {
  method: string;
  path: string;
  status: number;
}

/** A Hearth API on a fresh embedded database holding the demo hospitals, listening on a free local port. */
export interface DemoApi {
  /** `http://127.0.0.1:<port>`: GraphQL at `/graphql`, the widget bundle at `/widgets/`. */
  url: string;
  /** The requests answered since the last call (a page load's requests, once it has reported). */
  takeRequests(): ServedRequest[];
  close(): Promise<void>;
}

const maxBodyBytes = 100 * 1024;

/**
 * Starts the API as production runs it (`mode: 'production'`, request log written, here to nowhere) on a new
 * PGlite folder, migrated and seeded with the demo, in this process. `corsOrigins` are the benchmark pages'
 * origins: the demo hospitals allow only the example site's, and an embedding page is cross-origin in
 * production too. `widgetsDir` is the bundle the API serves at `/widgets/`.
 */
export async function startDemoApi(options: { corsOrigins: string[]; widgetsDir: string }): Promise<DemoApi> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hearth-bench-widgets-'));
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await migrateToLatest(database.db);
    if (!(await seedDemo(database.db))) throw new Error('the fresh benchmark database was already seeded');
    // Production writes one line per request; the cost of writing it stays in, and the lines say which requests
    // reached the server (a warm-cache page load must not fetch hearth.js again).
    let served: ServedRequest[] = [];
    const logger = pino(
      { level: 'info' },
      {
        write(line: string) {
          const entry = JSON.parse(line) as { msg?: string; method?: string; path?: string; status?: number };
          if (entry.msg === 'request') served.push({ method: entry.method ?? '', path: entry.path ?? '', status: entry.status ?? 0 });
        },
      },
    );
    const hearth = createHearthServer({
      database,
      config: { mode: 'production', ssoAudience: 'hearth', extraCorsOrigins: options.corsOrigins, maxBodyBytes },
      logger,
      widgetsDir: options.widgetsDir,
    });
    const listening = await listen(hearth, { port: 0, host: '127.0.0.1', maxBodyBytes, logger });
    return {
      url: listening.url,
      takeRequests() {
        const taken = served;
        served = [];
        return taken;
      },
      async close() {
        await listening.shutdown(1_000);
        await hearth.rateLimiter.close();
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
