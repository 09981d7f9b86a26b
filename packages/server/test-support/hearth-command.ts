import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';

/** The `hearth` command as an operator runs it: Node on bin/hearth.mjs, in an environment the test gives. */
const hearthBin = resolve(import.meta.dirname, '..', 'bin', 'hearth.mjs');
const execFileAsync = promisify(execFile);

export function runHearth(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<{ stdout: string; stderr: string }> {
  return execFileAsync(process.execPath, [hearthBin, ...args], { env, timeout: timeoutMs });
}

/**
 * This process's environment without the database it points at (DATABASE_URL, HEARTH_DATA_DIR: the test says
 * where the command looks), in test mode and quiet, with `overrides` on top.
 */
export function hearthCommandEnvironment(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _unset, HEARTH_DATA_DIR: _default, ...rest } = process.env;
  return { ...rest, NODE_ENV: 'test', HEARTH_LOG_LEVEL: 'silent', ...overrides };
}

/** A scratch folder of the suite's own under the system's temporary folder, made before its tests and removed after. */
export function useScratchFolder(prefix: string): () => string {
  let folder: string | undefined;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });
  return () => {
    if (!folder) throw new Error('The scratch folder exists only while the suite runs.');
    return folder;
  };
}
