import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { isDatabaseReachable } from '../db/database.js';
import { countStatementsIn, type StatementTally } from '../db/statement-counter.js';
import type { HearthServer } from '../server.js';

export interface ListeningHearth {
  server: Server;
  url: string;
  /** Stops accepting connections, lets requests in flight finish (up to `graceMs`), then resolves. */
  shutdown(graceMs?: number): Promise<void>;
}

class BodyTooLargeError extends Error {}

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request) {
    received += (chunk as Buffer).length;
    if (received > maxBytes) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sendJson(response: ServerResponse, status: number, body: unknown, requestId: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId, 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * The Node HTTP layer around the API: health endpoints, a request id and one structured log line per request
 * (with its SQL statement count), a body size limit enforced while reading, and graceful shutdown.
 */
export function listen(hearth: HearthServer, options: { port: number; host: string; maxBodyBytes: number; logger: Logger }): Promise<ListeningHearth> {
  const { logger, maxBodyBytes } = options;
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | undefined;

  const handle = async (request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> => {
    const started = performance.now();
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    const tally: StatementTally = { statements: 0 };
    // 'close' rather than 'finish': a request the client abandoned is logged too (with aborted: true).
    response.on('close', () => {
      logger.info(
        {
          requestId,
          method: request.method,
          path: url.pathname,
          status: response.statusCode,
          durationMs: Math.round(performance.now() - started),
          sqlStatements: tally.statements,
          ...(response.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });

    if (url.pathname === '/healthz') return sendJson(response, 200, { status: 'ok' }, requestId);
    if (url.pathname === '/readyz') {
      const ready = !draining && (await isDatabaseReachable(hearth.database.db));
      return sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', database: hearth.database.kind }, requestId);
    }

    let body: Buffer | undefined;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      try {
        body = await readBody(request, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          response.setHeader('connection', 'close');
          return sendJson(response, 413, { errors: [{ message: `The request body is larger than ${maxBodyBytes} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }, requestId);
        }
        throw error;
      }
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined) continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const webRequest = new Request(url, { method: request.method ?? 'GET', headers, body: body && body.length > 0 ? new Uint8Array(body) : null });
    const webResponse = await countStatementsIn(tally, () => hearth.fetch(webRequest, { requestId }));
    const responseHeaders: Record<string, string | string[]> = { 'x-request-id': requestId };
    webResponse.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    response.writeHead(webResponse.status, responseHeaders);
    if (webResponse.body) {
      const reader = webResponse.body.getReader();
      for (let part = await reader.read(); !part.done; part = await reader.read()) response.write(part.value);
    }
    response.end();
  };

  const server = createServer((request, response) => {
    inFlight += 1;
    const incomingId = request.headers['x-request-id'];
    const requestId = typeof incomingId === 'string' && requestIdPattern.test(incomingId) ? incomingId : randomUUID();
    handle(request, response, requestId)
      .catch((error: unknown) => {
        logger.error({ err: error, requestId }, 'request failed');
        if (!response.headersSent) {
          sendJson(response, 500, { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] }, requestId);
        }
        else response.end();
      })
      .finally(() => {
        inFlight -= 1;
        if (draining && inFlight === 0) drained?.();
      });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      const host = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
      resolve({
        server,
        url: `http://${host}:${port}`,
        async shutdown(graceMs = 10_000) {
          draining = true;
          server.close();
          server.closeIdleConnections();
          if (inFlight > 0) {
            await Promise.race([
              new Promise<void>((done) => {
                drained = done;
              }),
              new Promise<void>((done) => setTimeout(done, graceMs).unref()),
            ]);
          }
          server.closeAllConnections();
        },
      });
    });
  });
}
