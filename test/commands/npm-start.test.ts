import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmptyPostgresDatabase } from '@hearth/server/test-support';
import { isListening, repositoryRoot, startNpmStart, waitUntil, type RunningNpmStart } from '../support/npm-start.js';

const run = promisify(execFile);

/**
 * `npm start` as a newcomer (or a process supervisor) runs it: stopped by a signal to the command, or failing
 * when one of its two programs dies, it leaves nothing listening and no process behind.
 */
describe('npm start', () => {
  let dataParent: string;
  let started: RunningNpmStart | undefined;

  beforeEach(async () => {
    dataParent = await mkdtemp(join(tmpdir(), 'hearth-npm-start-'));
  });
  afterEach(async () => {
    started?.killLeftovers();
    started = undefined;
    await rm(dataParent, { recursive: true, force: true });
  });

  /** Both ports free and every process seen under npm gone, within the graceful-shutdown budget. */
  async function expectAllStopped(run: RunningNpmStart): Promise<void> {
    await waitUntil(async () => !(await isListening(run.apiPort)) && !(await isListening(run.sitePort)) && run.survivors().length === 0, 15_000, 'both ports to be free and every process to be gone').catch((error: Error) => {
      throw new Error(`${error.message}\nstill running: ${JSON.stringify(run.survivors(), null, 1)}\noutput:\n${run.output()}`);
    });
  }

  const findProgram = (run: RunningNpmStart, script: string) => {
    const program = run.processTree().find(({ command }) => command.includes(script));
    if (!program) throw new Error(`no process running ${script} under npm start: ${JSON.stringify(run.processTree(), null, 1)}`);
    return program;
  };

  it.each([
    { signal: 'SIGTERM', to: 'npm' },
    { signal: 'SIGINT', to: 'npm' },
    { signal: 'SIGTERM', to: 'the start script' },
  ] as const)('a $signal to $to stops the API and the site', async ({ signal, to }) => {
    started = await startNpmStart({ HEARTH_DATA_DIR: join(dataParent, 'data') });
    expect(started.processTree().length).toBeGreaterThan(3);
    const target = to === 'npm' ? started.npm.pid! : findProgram(started, 'scripts/hearth-dev.mjs').pid;
    process.kill(target, signal);
    await started.exited;
    await expectAllStopped(started);
  }, 150_000);

  it.each([
    { program: 'the API', script: 'src/cli.ts dev', other: 'the clinic site' },
    { program: 'the clinic site', script: 'src/main.ts', other: 'the API' },
  ])('when $program dies, stops $other and fails, saying why', async ({ program, script, other }) => {
    started = await startNpmStart({ HEARTH_DATA_DIR: join(dataParent, 'data') });
    process.kill(findProgram(started, script).pid, 'SIGKILL');
    const exit = await started.exited;
    expect(exit.code).not.toBe(0);
    expect(started.output()).toContain(`npm start: ${program} was stopped by SIGKILL; stopping ${other}.`);
    await expectAllStopped(started);
  }, 150_000);

  it('runs from a fresh clone on PostgreSQL (DATABASE_URL, no data folder yet)', async ({ skip }) => {
    const database = await createEmptyPostgresDatabase();
    if (!database) return skip('PostgreSQL does not answer');
    const dataDir = join(dataParent, 'never-created');
    try {
      started = await startNpmStart({ DATABASE_URL: database.url, HEARTH_DATA_DIR: dataDir });
      const response = await fetch(`http://127.0.0.1:${started.apiPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hearth-institution': 'riverside' },
        body: JSON.stringify({ query: '{ groups { edges { node { name } } } }' }),
      });
      const body = (await response.json()) as { data?: { groups: { edges: unknown[] } } };
      expect(body.data?.groups.edges.length).toBeGreaterThan(0);
      // The site signs its demo sign-ins with the credentials the API wrote beside where PGlite would live.
      expect(existsSync(join(dataDir, 'demo-credentials.json'))).toBe(true);

      // The README's next step: a member's token from the database the running server uses, which it accepts.
      const { stdout } = await run('npm', ['run', '-s', 'hearth', '--', 'token', '--institution', 'riverside', '--member', 'demo-amal'], {
        cwd: repositoryRoot,
        env: { ...process.env, DATABASE_URL: database.url, HEARTH_DATA_DIR: dataDir },
      });
      const me = await fetch(`http://127.0.0.1:${started.apiPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stdout.trim()}` },
        body: JSON.stringify({ query: '{ me { displayName } }' }),
      });
      expect(((await me.json()) as { data?: { me: { displayName: string } } }).data?.me.displayName).toBe('Amal Haddad');
      process.kill(started.npm.pid!, 'SIGTERM');
      await started.exited;
      await expectAllStopped(started);
    } finally {
      started?.killLeftovers();
      await database.drop();
    }
  }, 150_000);
});
