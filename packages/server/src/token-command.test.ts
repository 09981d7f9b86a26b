import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hearthCommandEnvironment, runHearth, useScratchFolder } from '../test-support/hearth-command.js';
import { createEmptyPostgresDatabase } from '../test-support/index.js';

/**
 * `hearth token` finds the keys where the server keeps them, or says plainly that it can't, and looking never
 * leaves a database (or a folder) behind.
 */
describe('hearth token', () => {
  const scratchFolder = useScratchFolder('hearth-token-');

  const token = (environment: Record<string, string>, slug = 'riverside') =>
    runHearth(['token', '--institution', slug, '--member', 'demo-amal'], hearthCommandEnvironment(environment), 30_000).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/^\s+at |node_modules|Error:/m);

  it('says where it looked when there is no database, and creates neither the folder nor a database', async () => {
    const missing = join(scratchFolder(), 'never-started');
    const result = await token({ HEARTH_DATA_DIR: missing });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('hearth: no Hearth database to read the institution\'s keys from');
    expect(result.stderr).toContain(`${missing} (HEARTH_DATA_DIR) holds no embedded database`);
    expect(result.stderr).toContain('the DATABASE_URL or HEARTH_DATA_DIR the server uses');
    noStackTrace(result.stderr);
    expect(existsSync(missing)).toBe(false);

    const empty = join(scratchFolder(), 'empty');
    await mkdir(empty);
    expect((await token({ HEARTH_DATA_DIR: empty })).stderr).toContain(`${empty} (HEARTH_DATA_DIR) holds no embedded database`);
    expect(await readdir(empty)).toEqual([]);
  });

  it('points at DATABASE_URL when the folder holds only what a server on PostgreSQL wrote', async () => {
    const folder = join(scratchFolder(), 'written-by-postgres-server');
    await mkdir(folder);
    await writeFile(join(folder, 'demo-credentials.json'), JSON.stringify({ institutions: [] }));
    const result = await token({ HEARTH_DATA_DIR: folder });
    expect(result.stderr).toContain('a server on PostgreSQL wrote it, so give this command its DATABASE_URL');
    expect(await readdir(folder)).toEqual(['demo-credentials.json']);
  });

  describe('while a server holds the embedded database', () => {
    let folder: string;
    let holder: ChildProcess;
    const secret = 'a-demo-secret-long-enough-for-hs256-0123456789';

    beforeAll(async () => {
      folder = join(scratchFolder(), 'held');
      await mkdir(folder);
      // The lock names a live process; any will do, since PGlite itself is never opened here.
      holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      await writeFile(join(folder, 'hearth-server.pid'), String(holder.pid));
      await writeFile(join(folder, 'demo-credentials.json'), JSON.stringify({ institutions: [{ slug: 'riverside', kid: 'demo-k1', secret, serviceToken: 'x' }] }));
    });
    afterAll(() => {
      holder.kill();
    });

    it('signs with the key in the credentials the server wrote', async () => {
      const result = await token({ HEARTH_DATA_DIR: folder });
      expect(result.stderr).toBe('');
      const { payload, protectedHeader } = await jwtVerify(result.stdout.trim(), new TextEncoder().encode(secret), { audience: 'hearth' });
      expect(protectedHeader.kid).toBe('demo-k1');
      expect(payload).toMatchObject({ iss: 'riverside', sub: 'demo-amal' });
    });

    it('names the institutions it has keys for when asked for another', async () => {
      const result = await token({ HEARTH_DATA_DIR: folder }, 'elsewhere');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`the Hearth server running as process ${holder.pid} holds the embedded database in ${folder}`);
      expect(result.stderr).toContain('have keys for riverside, not "elsewhere"');
      expect(await readdir(folder)).toEqual(expect.arrayContaining(['hearth-server.pid', 'demo-credentials.json']));
      expect(await readdir(folder)).toHaveLength(2);
    });
  });

  it('explains an unreachable PostgreSQL', async () => {
    const result = await token({ DATABASE_URL: 'postgres://hearth:secret-password@127.0.0.1:1/hearth' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('hearth: cannot reach PostgreSQL at 127.0.0.1:1/hearth (DATABASE_URL) (ECONNREFUSED)');
    expect(result.stderr).not.toContain('secret-password');
    noStackTrace(result.stderr);
  });

  it('leaves a PostgreSQL database without Hearth tables as it found it, and says so', async ({ skip }) => {
    const database = await createEmptyPostgresDatabase();
    if (!database) return skip('PostgreSQL does not answer');
    try {
      const result = await token({ DATABASE_URL: database.url });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^hearth: PostgreSQL at \S+ \(DATABASE_URL\) has no Hearth tables yet: start the server once/);
      noStackTrace(result.stderr);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const tables = await client.query(`select table_name from information_schema.tables where table_schema = 'public'`);
        expect(tables.rows).toEqual([]);
      } finally {
        await client.end();
      }
    } finally {
      await database.drop();
    }
  });
});
