#!/usr/bin/env node
// The two commands a newcomer runs — `npm start` and `npm test` — on a machine with only Node 20 and npm:
// bring in the pinned pnpm if it is missing, install the workspace from the lockfile, then start or test.
// Starting builds the widget bundle, then runs the API and the clinic example site (on its own origin, so the
// widgets are embedded across origins as in production) side by side until either stops.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.replace(/^pnpm@/, '');

function pnpmCommand() {
  try {
    const version = execFileSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (version === pinned) return ['pnpm'];
  } catch {
    // not installed: fall through to npx
  }
  return ['npx', '-y', `pnpm@${pinned}`];
}

/**
 * Everything `npm start` and `npm test` have running, so one stop request reaches all of it. The request may come
 * as a signal to this process, or only as the death of its parent: `npm start` runs this script under `sh -c`,
 * and a SIGTERM to npm is passed to that shell, which dies without passing it on.
 */
const running = new Set();
let stopRequest = null;

function requestStop(signal, reason) {
  if (stopRequest) {
    // A second Ctrl+C: stop waiting for a graceful shutdown.
    if (reason === 'signal') for (const child of running) killGroup(child, 'SIGKILL');
    return;
  }
  stopRequest = signal;
  for (const child of running) stopChild(child, signal);
}

process.on('SIGINT', () => requestStop('SIGINT', 'signal'));
process.on('SIGTERM', () => requestStop('SIGTERM', 'signal'));
// The API and the site are not in the terminal's process group, so closing the terminal must stop them from here.
process.on('SIGHUP', () => requestStop('SIGTERM', 'signal'));
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart) requestStop('SIGTERM', 'parent');
}, 250).unref();

/** Signals a child's whole process group (it leads one when spawned detached), so no helper process outlives it. */
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

/** Graceful first (the programs finish requests in flight), then, if that hangs, forced. */
const gracefulStopMs = 10_000;
function stopChild(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // A tool run through wrappers (npx, sh, pnpm) is signalled as a whole group, since a wrapper may not pass the
  // signal on; a program we run directly is signalled alone and stops its own helpers in its own time.
  if (child.signalsGroup) killGroup(child, signal);
  else child.kill(signal);
  const force = setTimeout(() => {
    child.forced = true;
    killGroup(child, 'SIGKILL');
  }, gracefulStopMs);
  force.unref();
  child.once('exit', () => clearTimeout(force));
}

function spawnTracked(command, args, options, signalsGroup = false) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', detached: true, ...options });
  child.signalsGroup = signalsGroup;
  running.add(child);
  child.once('exit', () => {
    running.delete(child);
    // Whatever the program left behind in its group (tsx's esbuild service) goes with it.
    killGroup(child, 'SIGTERM');
  });
  if (stopRequest) stopChild(child, stopRequest);
  return child;
}

/** Runs a tool to its end (install, build, typecheck, vitest); a stop request stops it and fails the run. */
function run(command, args) {
  if (stopRequest) return Promise.resolve(1);
  return new Promise((resolve) => {
    const child = spawnTracked(command, args, {}, true);
    child.on('exit', (code, signal) => resolve(stopRequest ? 1 : (code ?? (signal ? 1 : 0))));
  });
}

function portFromEnvironment(name, fallback) {
  const value = process.env[name];
  if (!value) return fallback;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535) {
    console.error(`${name}="${value}" is not a port number (1 to 65535).`);
    process.exit(2);
  }
  return Number(value);
}

/** Resolves once `url` answers (any HTTP status), or with false when `give up` says so first. */
async function answers(url, giveUp) {
  while (!giveUp()) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  return false;
}

/** How a child stopped, in words, for the line that explains why `npm start` ended. */
function describeExit(code, signal) {
  return signal ? `was stopped by ${signal}` : `exited with code ${code}`;
}

/**
 * The API (`hearth dev`) and the clinic site as two child processes: Ctrl+C or SIGTERM stops both, and when
 * either stops on its own the other is stopped too and `npm start` fails, saying which one stopped and how.
 * Resolves with the exit code to leave with.
 */
function startApiAndClinic(apiArgs) {
  const apiPort = portFromEnvironment('PORT', 4000);
  const clinicPort = portFromEnvironment('CLINIC_PORT', apiPort + 1);
  const apiUrl = process.env.HEARTH_API_URL || `http://localhost:${apiPort}`;
  const clinicUrl = `http://localhost:${clinicPort}`;
  const env = { ...process.env, PORT: String(apiPort), CLINIC_PORT: String(clinicPort), HEARTH_API_URL: apiUrl };
  // The demo hospitals allow the clinic site's usual origins (port 4001); on any other port the API must be told.
  if (clinicPort !== 4001) {
    env.HEARTH_CORS_ORIGINS = [process.env.HEARTH_CORS_ORIGINS, clinicUrl, `http://127.0.0.1:${clinicPort}`].filter(Boolean).join(',');
  }

  // Each program runs as node itself (tsx as a loader, no pnpm or tsx wrapper process between), in a process
  // group of its own, and hears a signal once, from here. A wrapper that does not pass a signal on (the shell
  // under `npm exec`, `pnpm run`) would leave the program up; a terminal's Ctrl+C would otherwise reach every
  // process at once.
  const program = (name, folder, args) => {
    const child = spawnTracked(process.execPath, ['--import', 'tsx', ...args], { cwd: join(root, folder), env });
    child.programName = name;
    return child;
  };
  const children = [program('the API', 'packages/server', ['src/cli.ts', 'dev', ...apiArgs]), program('the clinic site', 'examples/clinic-site', ['src/main.ts'])];

  void Promise.all([answers(`${apiUrl}/readyz`, () => stopRequest !== null), answers(`http://127.0.0.1:${clinicPort}/`, () => stopRequest !== null)]).then(([api, clinic]) => {
    if (!api || !clinic) return;
    console.log(
      [
        '',
        '  The clinic site: a hospital\'s own pages embedding the widgets from the API, on their own origin',
        `    English (Riverside Hospital)   ${clinicUrl}/`,
        `    Arabic (مستشفى النور)           ${clinicUrl}/ar/`,
        `    Facilitators' queue            ${clinicUrl}/facilitators   (sign in as Sara or Lina)`,
        `    Demo sign-in                   ${clinicUrl}/sign-in        (pick who you are)`,
        '',
        '  Ctrl+C stops the API and the site.',
        '',
      ].join('\n'),
    );
  });

  return new Promise((resolve) => {
    let exitCode = 0;
    let left = children.length;
    for (const child of children) {
      child.on('exit', (code, signal) => {
        if (!stopRequest) {
          // The first to stop on its own takes the other down, and the command fails with the reason.
          const others = children.filter((other) => other !== child).map((other) => other.programName);
          console.error(`\nnpm start: ${child.programName} ${describeExit(code, signal)}; stopping ${others.join(' and ')}.`);
          exitCode = 1;
          requestStop('SIGTERM', 'child');
        } else if (child.forced) {
          console.error(`npm start: ${child.programName} did not stop within ${gracefulStopMs / 1000} s and was killed.`);
          exitCode = 1;
        }
        left -= 1;
        if (left === 0) resolve(exitCode);
      });
    }
  });
}

const [task, ...rest] = process.argv.slice(2);
const [pnpm, ...pnpmArgs] = pnpmCommand();

const installed = await run(pnpm, [...pnpmArgs, 'install', '--frozen-lockfile', '--reporter=silent']);
if (installed !== 0) process.exit(installed);

if (task === 'start') {
  const built = await run(pnpm, [...pnpmArgs, '--filter', '@hearth/widgets', 'build']);
  if (built !== 0) process.exit(built);
  process.exit(await startApiAndClinic(rest));
} else if (task === 'test') {
  const typechecked = await run(pnpm, [...pnpmArgs, '-r', 'run', 'typecheck']);
  if (typechecked !== 0) process.exit(typechecked);
  process.exit(await run(pnpm, [...pnpmArgs, 'exec', 'vitest', 'run', ...rest]));
} else {
  console.error('usage: node scripts/hearth-dev.mjs start|test');
  process.exit(2);
}
