import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite is a single-process database: two processes opening one data folder would corrupt it. The server holds
 * this lock while it runs; CLI commands check it and explain instead of opening the folder a second time.
 */
const lockName = 'hearth-server.pid';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function dataDirHolder(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, lockName), 'utf8'));
    return Number.isInteger(pid) && pid !== process.pid && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export function lockDataDir(dataDir: string): () => void {
  const holder = dataDirHolder(dataDir);
  if (holder) throw new Error(`The embedded database in ${dataDir} is in use by process ${holder} (a running Hearth server).`);
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, lockName);
  writeFileSync(path, String(process.pid));
  return () => rmSync(path, { force: true });
}
