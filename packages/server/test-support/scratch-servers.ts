import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Database servers a fault test owns outright, so it can restart or kill them without touching the PostgreSQL and
 * Redis the rest of the suite shares: a PostgreSQL cluster made by `initdb` in a temporary folder, a Redis with
 * no persistence, each on a free port of its own.
 */

const run = promisify(execFile);

/** A free local TCP port (the kernel's pick; closed again before the server that will use it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function onPath(program: string): string | undefined {
  return (process.env.PATH ?? '').split(delimiter).find((folder) => folder && existsSync(join(folder, program)));
}

/**
 * The folder holding `initdb` and `pg_ctl`: `HEARTH_PG_BIN`, else `pg_config --bindir`, else Debian's
 * `/usr/lib/postgresql/<version>/bin` (newest), else `PATH`. Debian keeps them off `PATH`, hence the search.
 */
export function findPostgresBinaries(): string | undefined {
  const candidates: string[] = [];
  if (process.env.HEARTH_PG_BIN) candidates.push(process.env.HEARTH_PG_BIN);
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // No pg_config: the other places are still worth a look.
  }
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join('/usr/lib/postgresql', version, 'bin')));
  }
  const onPathFolder = onPath('initdb');
  if (onPathFolder) candidates.push(onPathFolder);
  return candidates.find((folder) => existsSync(join(folder, 'initdb')) && existsSync(join(folder, 'pg_ctl')));
}

/**
 * PostgreSQL refuses to run as root; then the cluster belongs to the `postgres` account and its commands run
 * through `runuser`. Undefined when that is needed but impossible.
 */
function postgresRunner(): { prefix: string[]; uid?: number; gid?: number } | undefined {
  if (process.getuid?.() !== 0) return { prefix: [] };
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return onPath('runuser') ? { prefix: ['runuser', '-u', 'postgres', '--'], uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/** Why a scratch PostgreSQL cannot start here, or undefined when it can. */
export function scratchPostgresUnavailable(): string | undefined {
  if (!findPostgresBinaries()) return 'initdb/pg_ctl not found (set HEARTH_PG_BIN, or install PostgreSQL)';
  if (!postgresRunner()) return 'running as root without a postgres account and runuser to start PostgreSQL as';
  return undefined;
}

export interface ScratchPostgres {
  port: number;
  /** A connection URL for one of its databases (`postgres` exists from the start). */
  url(database: string): string;
  /** `pg_ctl restart -m fast`: every connection is ended (57P01), then the server starts again. */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

export async function startScratchPostgres(): Promise<ScratchPostgres> {
  const bin = findPostgresBinaries();
  const runner = postgresRunner();
  if (!bin || !runner) throw new Error(`No scratch PostgreSQL: ${scratchPostgresUnavailable()}`);
  const folder = await mkdtemp(join(tmpdir(), 'hearth-scratch-pg-'));
  if (runner.uid !== undefined) await chown(folder, runner.uid, runner.gid!);
  const dataDir = join(folder, 'data');
  const port = await freePort();
  const as = (program: string, args: string[]) => {
    const [command, ...rest] = [...runner.prefix, join(bin, program), ...args];
    return run(command!, rest, { timeout: 30_000 });
  };
  const pgCtl = (...args: string[]) => as('pg_ctl', ['-D', dataDir, '-l', join(folder, 'server.log'), '-w', ...args]);
  await as('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  // The socket goes into the private folder (not /var/run/postgresql, which may belong to a system server).
  await pgCtl('-o', `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1`, 'start');
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    // pg_ctl restart reuses the options the server was started with (postmaster.opts).
    restart: async () => void (await pgCtl('-m', 'fast', 'restart')),
    async destroy() {
      await pgCtl('-m', 'immediate', 'stop').catch(() => {});
      await rm(folder, { recursive: true, force: true });
    },
  };
}

export interface ScratchRedis {
  url: string;
  /** Kills the server (SIGKILL: gone as a crash would leave it, no goodbye to clients). */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

export function findRedisServer(): string | undefined {
  const folder = onPath('redis-server');
  return folder ? join(folder, 'redis-server') : undefined;
}

export async function startScratchRedis(): Promise<ScratchRedis> {
  const program = findRedisServer();
  if (!program) throw new Error('redis-server not found');
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(program, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
      child!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child!.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}): ${output}`));
      });
    });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      const dying = child;
      if (!dying || dying.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        dying.once('exit', () => resolve());
        dying.kill('SIGKILL');
      });
    },
    start,
  };
}
