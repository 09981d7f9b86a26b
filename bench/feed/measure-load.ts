import autocannon from 'autocannon';

/** One POST of a GraphQL request, repeated by autocannon on every connection for a fixed time. */
export interface LoadRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /**
   * The answer every request must get; a different body counts as a mismatch. Both servers answer the same
   * request with the same bytes, so this catches a server that starts failing (or answering errors) under load.
   */
  expectBody?: string;
}

export interface LoadFigures {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  requests: number;
  /** Connection errors and timeouts, non-2xx answers and bodies different from `expectBody`, added up. */
  failures: number;
  failureDetail: string;
}

/** Runs the request on `connections` connections for `durationSeconds`, then returns autocannon's figures. */
export async function measureLoad(request: LoadRequest, options: { connections: number; durationSeconds: number }): Promise<LoadFigures> {
  const result = await autocannon({
    url: request.url,
    method: 'POST',
    headers: request.headers,
    body: request.body,
    connections: options.connections,
    duration: options.durationSeconds,
    // A request slower than this counts as an error rather than holding a connection forever.
    timeout: 10,
    ...(request.expectBody === undefined ? {} : { expectBody: request.expectBody }),
  });
  const parts = [
    result.errors ? `${result.errors} connection errors` : '',
    result.timeouts ? `${result.timeouts} timeouts` : '',
    result.non2xx ? `${result.non2xx} non-2xx` : '',
    result.mismatches ? `${result.mismatches} unexpected bodies` : '',
  ].filter(Boolean);
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    requests: result['2xx'] + result.non2xx,
    failures: result.errors + result.non2xx + result.mismatches,
    failureDetail: parts.join(', '),
  };
}

export interface FiguresRow {
  server: string;
  connections: number;
  figures: LoadFigures;
  statementsPerRequest: number | null;
}

/** The side-by-side table: one line per server and concurrency level, right-aligned numbers. */
export function formatFiguresTable(rows: FiguresRow[]): string {
  const header = ['server', 'connections', 'requests/s', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'errors', 'SQL/request'];
  const lines = rows.map(({ server, connections, figures, statementsPerRequest }) => [
    server,
    String(connections),
    figures.requestsPerSecond.toFixed(1),
    figures.latencyP50Ms.toFixed(1),
    figures.latencyP99Ms.toFixed(1),
    figures.latencyMaxMs.toFixed(1),
    String(figures.requests),
    String(figures.failures),
    statementsPerRequest === null ? 'n/a' : statementsPerRequest.toFixed(2),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}
