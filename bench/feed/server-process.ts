import { fork, type ChildProcess } from 'node:child_process';

/**
 * Each server under test runs in its own Node process, started by the benchmark and measured one at a time, so
 * the load generator and the other server never share its event loop or its CPU time. Parent and child talk over
 * the IPC channel: the child says where it listens, answers tally requests, and stops when asked or when the
 * parent goes away (a benchmark that crashes must not leave servers behind).
 */

/** What a served process counts: HTTP requests answered and SQL statements run for them. */
export interface ServerTally {
  requests: number;
  statements: number;
  /** The first few unexpected errors the server logged, so a bad run says why. */
  errors: string[];
}

export interface ServedApp {
  url: string;
  /** Extra facts to print beside the figures (versions, settings). */
  description: string;
  tally(): ServerTally;
  resetTally(): void;
  stop(): Promise<void>;
}

type ParentMessage = { type: 'tally' } | { type: 'reset' } | { type: 'stop' };
type ChildMessage =
  | { type: 'ready'; url: string; description: string }
  | { type: 'failed'; message: string }
  | { type: 'tally'; tally: ServerTally }
  | { type: 'reset' }
  | { type: 'stopped' };

/** Runs in the child: starts the app and serves the parent's requests until told to stop. */
export async function serveForBenchmark(start: () => Promise<ServedApp>): Promise<void> {
  const send = (message: ChildMessage) => process.send?.(message);
  let app: ServedApp;
  try {
    app = await start();
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  }
  const stop = async () => {
    await app.stop().catch(() => {});
    send({ type: 'stopped' });
    process.exit(0);
  };
  process.on('disconnect', () => void stop());
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'tally') send({ type: 'tally', tally: app.tally() });
    if (message.type === 'reset') {
      app.resetTally();
      send({ type: 'reset' });
    }
    if (message.type === 'stop') void stop();
  });
  send({ type: 'ready', url: app.url, description: app.description });
}

export interface ServerProcess {
  url: string;
  description: string;
  tally(): Promise<ServerTally>;
  resetTally(): Promise<void>;
  stop(): Promise<void>;
}

const startTimeoutMs = 60_000;
const answerTimeoutMs = 10_000;

/** Runs in the parent: forks `entry` (a TypeScript file, run through tsx) and waits until it listens. */
export function startServerProcess(entry: URL, environment: Record<string, string> = {}): Promise<ServerProcess> {
  const child: ChildProcess = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

  const next = <T extends ChildMessage['type']>(type: T, timeoutMs: number): Promise<Extract<ChildMessage, { type: T }>> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${entry.pathname} did not answer "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'failed') {
          cleanup();
          reject(new Error(`${entry.pathname} failed to start:\n${message.message}`));
        } else if (message.type === type) {
          cleanup();
          resolve(message as Extract<ChildMessage, { type: T }>);
        }
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`${entry.pathname} exited (code ${code}) before answering "${type}"`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });

  return next('ready', startTimeoutMs).then(
    ({ url, description }) => ({
      url,
      description,
      async tally() {
        const answer = next('tally', answerTimeoutMs);
        child.send({ type: 'tally' } satisfies ParentMessage);
        return (await answer).tally;
      },
      async resetTally() {
        const answer = next('reset', answerTimeoutMs);
        child.send({ type: 'reset' } satisfies ParentMessage);
        await answer;
      },
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.send({ type: 'stop' } satisfies ParentMessage);
        const timer = setTimeout(() => child.kill('SIGKILL'), answerTimeoutMs);
        await exited;
        clearTimeout(timer);
      },
    }),
    (error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    },
  );
}
