import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start` exactly as a newcomer runs it (npm → sh → scripts/hearth-dev.mjs → the API and the clinic site), on
 * free ports and a private data folder, watched from outside the way an operator would: through its ports and the
 * process table (Linux's /proc), not through anything the script reports about itself.
 */
export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunningNpmStart {
  npm: ChildProcess;
  apiPort: number;
  sitePort: number;
  /** Everything printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with npm's exit code (or the signal that ended it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** npm and every process under it, as seen now (pid and command line). */
  processTree(): Array<{ pid: number; command: string }>;
  /** The processes seen in the tree while it ran that still run (same pid, same command line). */
  survivors(): Array<{ pid: number; command: string }>;
  /** Kills the survivors: the cleanup a failing test needs. */
  killLeftovers(): void;
}

/** A port nothing listens on right now (the kernel's pick, released before use). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether something accepts connections on the local port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function parentOf(pid: number): number | null {
  try {
    // The command name (field 2) is in parentheses and may hold spaces; the parent's pid follows it.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Empty for a process that is gone, a zombie, or between fork and exec. */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

function descendants(rootPid: number): Array<{ pid: number; command: string }> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== null) parents.set(Number(entry), parent);
  }
  const inTree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!inTree.has(pid) && inTree.has(parent)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  return [...inTree].filter((pid) => parents.has(pid)).map((pid) => ({ pid, command: commandLine(pid) }));
}

/** Starts `npm start` and resolves once the API answers /readyz and the site serves its home page. */
export async function startNpmStart(environment: Record<string, string>, options: { readyWithinMs?: number } = {}): Promise<RunningNpmStart> {
  const apiPort = await freePort();
  const sitePort = await freePort();
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  const npm = spawn('npm', ['start'], {
    cwd: repositoryRoot,
    // Its own process group, as a terminal's job would be, so nothing the test runner sends reaches it.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...inherited, PORT: String(apiPort), CLINIC_PORT: String(sitePort), HEARTH_LOG_LEVEL: 'warn', ...environment },
  });
  let output = '';
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => npm.once('exit', (code, signal) => resolve({ code, signal })));
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));

  const seen = new Map<number, string>();
  const processTree = () => {
    const tree = npm.pid ? descendants(npm.pid) : [];
    for (const { pid, command } of tree) if (command) seen.set(pid, command);
    return tree;
  };
  const running: RunningNpmStart = {
    npm,
    apiPort,
    sitePort,
    output: () => output,
    exited,
    processTree,
    // Only a process that still runs the same command counts: a pid may have been reused since.
    survivors: () => [...seen].filter(([pid, command]) => commandLine(pid) === command).map(([pid, command]) => ({ pid, command })),
    killLeftovers() {
      for (const { pid } of running.survivors()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
    },
  };

  const answers = async (url: string) => {
    try {
      return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
    } catch {
      return false;
    }
  };
  try {
    await waitUntil(
      async () => {
        if (exitedEarly) throw new Error(`npm start exited before it was ready:\n${output}`);
        processTree();
        return (await answers(`http://127.0.0.1:${apiPort}/readyz`)) && (await answers(`http://127.0.0.1:${sitePort}/`));
      },
      options.readyWithinMs ?? 90_000,
      `npm start to serve the API on ${apiPort} and the site on ${sitePort}`,
    );
  } catch (error) {
    running.killLeftovers();
    throw error;
  }
  processTree();
  return running;
}
