#!/usr/bin/env node
// The two commands a newcomer runs — `npm start` and `npm test` — on a machine with only Node 20 and npm:
// bring in the pinned pnpm if it is missing, install the workspace from the lockfile, then start or test.
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

const [task, ...rest] = process.argv.slice(2);
const [pnpm, ...pnpmArgs] = pnpmCommand();

const installed = await run(pnpm, [...pnpmArgs, 'install', '--frozen-lockfile', '--reporter=silent']);
if (installed !== 0) process.exit(installed);

if (task === 'start') {
  process.exit(await run(pnpm, [...pnpmArgs, '--filter', '@hearth/server', 'exec', 'tsx', 'src/cli.ts', 'dev', ...rest]));
} else if (task === 'test') {
  const typechecked = await run(pnpm, [...pnpmArgs, '-r', 'run', 'typecheck']);
  if (typechecked !== 0) process.exit(typechecked);
  process.exit(await run(pnpm, [...pnpmArgs, 'exec', 'vitest', 'run', ...rest]));
} else {
  console.error('usage: node scripts/hearth-dev.mjs start|test');
  process.exit(2);
}
