import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createHearthClient, groupFeedQuery, groupQuery } from '@hearth/client';
import { createTestInstitution, memberToken, startTestServer, type ListeningTestServer, type TestInstitution } from '@hearth/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceConditionFlag } from '../../workspace-sources.js';

/**
 * Runs integrate.ts as its developer would (`pnpm start` with the environment set) against a real Hearth server,
 * then checks through the API that the group, the membership and the post exist.
 */
let api: ListeningTestServer;
let institution: TestInstitution;

beforeAll(async () => {
  api = await startTestServer('pglite');
  // What `hearth institution create` makes and prints: the slug, an SSO key k1 with its secret, a service token.
  institution = await createTestInstitution(api.database.db, { slug: 'riverside-clinic', name: 'Riverside Clinic' });
});
afterAll(async () => {
  await api?.close();
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runIntegration(environment: Record<string, string>): Promise<Run> {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const script = fileURLToPath(new URL('./integrate.ts', import.meta.url));
  return new Promise((resolve) => {
    execFile(process.execPath, [tsx, script], { env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: sourceConditionFlag, ...environment } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const environmentFor = (target: TestInstitution) => ({
  HEARTH_URL: api.url,
  HEARTH_INSTITUTION: target.row.slug,
  HEARTH_SERVICE_TOKEN: target.serviceToken,
  HEARTH_SSO_KID: target.kid,
  HEARTH_SSO_SECRET: target.secret,
});

describe('examples/node-integration', () => {
  it('creates a group with the service token, signs the user in by SSO, joins and posts', async () => {
    const run = await runIntegration(environmentFor(institution));

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^created group family-caregivers \(\S+\)$/m);
    const joinedLine = run.stdout.match(/^Samira joined: membership ACTIVE, appearing as "(.+)"$/m);
    expect(joinedLine).not.toBeNull();
    expect(joinedLine![1]).not.toBe('Samira');
    expect(run.stdout).toMatch(/^posted "Hello from Samira" \(\S+\): PUBLISHED$/m);

    // As the same user (the example's `user-42`), the group, the seat and the thread are there.
    const samira = createHearthClient({ url: `${api.url}/graphql`, token: await memberToken(institution, 'user-42') });
    const group = await samira.request(groupQuery, { slug: 'family-caregivers' });
    expect(group).toMatchObject({ kind: 'ok', data: { group: { name: 'Family caregivers', joinPolicy: 'OPEN', memberCount: 1, viewerMembership: { status: 'ACTIVE' } } } });
    if (group.kind !== 'ok' || !group.data.group) return;
    // Her post goes out under the pseudonym she joined with, not the site's name for her.
    const feed = await samira.request(groupFeedQuery, { groupId: group.data.group.id, first: 10 });
    expect(feed).toMatchObject({ kind: 'ok', data: { group: { posts: { edges: [{ node: { title: 'Hello from Samira', authorName: joinedLine![1], viewerIsAuthor: true } }] } } } });
  });

  it('runs again without failing: finds the group, sees the membership, posts another thread', async () => {
    const run = await runIntegration(environmentFor(institution));

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^found group family-caregivers/m);
    expect(run.stdout).toMatch(/^Samira is already a member$/m);

    const samira = createHearthClient({ url: `${api.url}/graphql`, token: await memberToken(institution, 'user-42') });
    const group = await samira.request(groupQuery, { slug: 'family-caregivers' });
    if (group.kind !== 'ok' || !group.data.group) throw new Error('the group is gone');
    const feed = await samira.request(groupFeedQuery, { groupId: group.data.group.id, first: 10 });
    expect(feed.kind === 'ok' ? feed.data.group?.posts.edges.length : feed).toBe(2);
  });

  it('stops with a message saying what went wrong: an SSO secret Hearth does not know, a missing setting', async () => {
    const other = await createTestInstitution(api.database.db);
    const wrongSecret = await runIntegration({ ...environmentFor(other), HEARTH_SSO_SECRET: 'not-the-secret' });
    expect(wrongSecret.code).toBe(1);
    expect(wrongSecret.stdout).toMatch(/^created group family-caregivers/m);
    expect(wrongSecret.stderr).toMatch(/^integration failed: Hearth answered HTTP 401: .*signature/m);

    const missing = await runIntegration({ HEARTH_URL: api.url });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('integration failed: set HEARTH_INSTITUTION (see the top of integrate.ts)\n');
  });
});
