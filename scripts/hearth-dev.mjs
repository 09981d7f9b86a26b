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

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
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

/**
 * The API (`hearth dev`) and the clinic site as two child processes: Ctrl+C or SIGTERM stops both, and when
 * either stops on its own the other is stopped too. Resolves with the exit code to leave with.
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

  // Each child runs in a process group of its own and hears a signal once, from here: `pnpm exec` passes it on
  // to the program, which shuts down gracefully. (Ctrl+C in a terminal would otherwise reach pnpm, tsx and the
  // program at once, and pnpm reports the program it saw interrupted as a failure. `pnpm run start` is not
  // used for the site because it passes no signal on to the script's shell, which would leave the site up.)
  const options = { cwd: root, stdio: 'inherit', env, detached: true };
  const children = [
    spawn(pnpm, [...pnpmArgs, '--filter', '@hearth/server', 'exec', 'tsx', 'src/cli.ts', 'dev', ...apiArgs], options),
    spawn(pnpm, [...pnpmArgs, '--filter', '@hearth/example-clinic-site', 'exec', 'tsx', 'src/main.ts'], options),
  ];
  let stopping = false;
  let exitCode = 0;
  const stopAll = (signal) => {
    stopping = true;
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  // The children are not in the terminal's process group, so closing the terminal must stop them from here.
  process.on('SIGHUP', () => stopAll('SIGTERM'));

  void Promise.all([answers(`${apiUrl}/readyz`, () => stopping), answers(`http://127.0.0.1:${clinicPort}/`, () => stopping)]).then(([api, clinic]) => {
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
    let running = children.length;
    for (const child of children) {
      child.on('exit', (code, signal) => {
        // The first to stop on its own decides the exit code; the other is then stopped.
        if (!stopping) {
          exitCode = code ?? (signal ? 1 : 0);
          stopAll('SIGTERM');
        }
        running -= 1;
        if (running === 0) resolve(exitCode);
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
