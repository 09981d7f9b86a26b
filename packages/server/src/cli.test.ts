import { describe, expect, it } from 'vitest';
import { hearthCommandEnvironment, runHearth, useScratchFolder } from '../test-support/hearth-command.js';
import { openDatabase, type Database } from './db/database.js';
import { createHearthServer, type HearthServer } from './server.js';

/**
 * The `hearth` command as an operator runs it, on a fresh embedded database: create an institution, sign a
 * member's token, and check that the API accepts what the command printed.
 */
describe('hearth CLI', () => {
  const scratch = useScratchFolder('hearth-cli-');
  const hearth = (...args: string[]) => runHearth(args, hearthCommandEnvironment({ HEARTH_DATA_DIR: scratch() }));

  it('creates an institution, prints a token for a member, and the API accepts both credentials', async () => {
    const created = await hearth('institution', 'create', '--slug', 'cli-clinic', '--name', 'CLI Clinic', '--origin', 'https://cli.clinic.example');
    const serviceToken = /service token:\s+(hearth_st_\S+)/.exec(created.stdout)?.[1];
    expect(serviceToken).toBeDefined();
    expect(created.stdout).toMatch(/SSO key id \(kid\): k1/);

    const signed = await hearth('token', '--institution', 'cli-clinic', '--member', 'cli-user', '--name', 'Nour', '--admin');
    const token = signed.stdout.trim();
    expect(token.split('.')).toHaveLength(3);

    let database: Database | undefined;
    try {
      database = await openDatabase({ kind: 'pglite', dataDir: scratch() });
      const server: HearthServer = createHearthServer({
        database,
        config: { mode: 'test', ssoAudience: 'hearth', extraCorsOrigins: [], maxBodyBytes: 100 * 1024 },
      });
      const ask = async (bearer: string, query: string) => {
        const response = await server.fetch(
          new Request('http://hearth.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query }) }),
        );
        return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
      };
      const member = await ask(token, '{ me { displayName isInstitutionAdmin institution { slug allowedOrigins } } }');
      expect(member.status).toBe(200);
      expect(member.body.data.me).toEqual({
        displayName: 'Nour',
        isInstitutionAdmin: true,
        institution: { slug: 'cli-clinic', allowedOrigins: ['https://cli.clinic.example'] },
      });
      const backend = await ask(serviceToken!, '{ institution(slug: "cli-clinic") { ssoKeys { kid } } }');
      expect(backend.body.data.institution.ssoKeys).toEqual([{ kid: 'k1' }]);
    } finally {
      await database?.close();
    }
  }, 120_000);

  it('explains a bad slug, a taken slug or a missing institution without a stack trace', async () => {
    const badSlug = await hearth('institution', 'create', '--slug', 'Bad Slug!', '--name', 'X').catch((error: { code: number; stderr: string }) => error);
    expect(badSlug).toMatchObject({ code: 1 });
    expect((badSlug as { stderr: string }).stderr).toMatch(/^hearth: --slug /m);
    expect((badSlug as { stderr: string }).stderr).not.toMatch(/\bat\s+\S+\s+\(|node_modules/);

    await hearth('institution', 'create', '--slug', 'twice', '--name', 'Twice');
    const duplicate = await hearth('institution', 'create', '--slug', 'twice', '--name', 'Twice again').catch((error: { code: number; stderr: string }) => error);
    expect(duplicate).toMatchObject({ code: 1, stderr: expect.stringContaining('"twice" already exists') });

    const missing = await hearth('token', '--institution', 'no-such-clinic', '--member', 'x').catch((error: { code: number; stderr: string }) => error);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('no institution "no-such-clinic"') });
  }, 120_000);
});
