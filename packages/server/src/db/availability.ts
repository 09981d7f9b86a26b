import type pg from 'pg';
import type { Logger } from 'pino';

/**
 * How long a client is told to wait when the database does not answer (a restart or failover usually takes a
 * second or two; `Retry-After` is in whole seconds).
 */
export const databaseRetryAfterSeconds = 3;

/**
 * SQLSTATEs that mean the server went away or cannot take the connection yet, not that the statement was wrong:
 * class 08 (connection exception), 57P01–57P03 (administrator, crash or start-up shutdown), 53300 (too many
 * connections). A statement failing with one of these is worth retrying unchanged.
 */
const unavailableStates = /^(08...|57P0[123]|53300)$/;
const unavailableSocketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** node-postgres reports a dropped or unusable connection as a plain Error with one of these messages. */
const unavailableMessages = /Connection terminated|is not queryable|timeout exceeded when trying to connect|Connection ended unexpectedly/;

/**
 * True when an error says the database is unreachable for now (rather than that a query is wrong), as `pg`
 * reports it: the server's SQLSTATE, the socket's own error, or Node's connection attempts (an AggregateError
 * over the addresses tried). An error's `cause` is not followed: `fetch failed` with a refused connection under
 * it is an institution's key set, not the database, and keeps its own meaning.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 2) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (unavailableStates.test(code) || unavailableSocketCodes.has(code))) return true;
  if (typeof message === 'string' && unavailableMessages.test(message)) return true;
  return Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/**
 * Watches a pool's connections so a database restart is an outage, not a crash. node-postgres emits `error` on a
 * client whose server hung up while no query was running on it; for an idle client the pool forwards that to its
 * own `error` event, but a client checked out between two statements (inside a transaction, or between Kysely
 * acquiring it and sending the query) has no listener, and Node ends the process on an unhandled `error` (a
 * `pg_ctl restart` did exactly that, `57P01 terminating connection due to administrator command`). The broken
 * client is not reused: the pool drops it on release (it is no longer queryable) and connects afresh next time.
 *
 * Logs one warning when the database stops answering and one line when it answers again, however many
 * connections and requests fail in between.
 */
export function watchPoolConnections(pool: pg.Pool, logger: Logger | undefined): { failed(error: unknown): void; answered(startedAt: number): void } {
  let down = false;
  let lastFailureAt = 0;
  const lost = (error: unknown) => {
    lastFailureAt = Date.now();
    if (down) return;
    down = true;
    const { code, message } = error as { code?: string; message?: string };
    logger?.warn({ code, reason: message }, 'database: not answering; requests get 503 with Retry-After until it does');
  };
  // Every `error` event on a pool or client is about the connection, never about a statement.
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  return {
    /** A statement failed: an outage only if the error says so (a unique violation is not one). */
    failed(error: unknown) {
      if (isDatabaseUnavailable(error)) lost(error);
    },
    /**
     * A statement succeeded. Only one sent after the latest failure says the database is back: a shutdown ends
     * connections one by one, and a query already running on a surviving one still completes.
     */
    answered(startedAt: number) {
      if (!down || startedAt <= lastFailureAt) return;
      down = false;
      logger?.info('database: answering again');
    },
  };
}
