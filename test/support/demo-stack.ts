import { startClinicSite, type ClinicSite } from '@hearth/example-clinic-site';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.js';
import { startHostPages, type HostPages } from './host-page.js';
import { memberToken, seedDemo, startTestServer, testAudience, type DemoCredentials, type ListeningTestServer } from '@hearth/server/test-support';

/** A real API on a private database seeded with the demo hospitals, and the clinic site embedding its widgets. */
export interface DemoStack {
  api: ListeningTestServer;
  site: ClinicSite;
  /** Pages a test writes itself, on another loopback origin the institutions also allow. */
  hostPages: HostPages;
  credentials: DemoCredentials;
  /** Runs GraphQL against the API as an institution's backend (its service token) or a guest. */
  graphql<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: { institution?: string; token?: string }): Promise<{ data?: Data; errors?: unknown[] }>;
  close(): Promise<void>;
}

export async function startDemoStack(): Promise<DemoStack> {
  const api = await startTestServer('pglite');
  const credentials = await seedDemo(api.database.db);
  if (!credentials) throw new Error('The test database was already seeded.');
  const site = await startClinicSite({ apiUrl: api.url, credentials: () => credentials, audience: testAudience });
  const hostPages = await startHostPages(api.url);

  const graphql: DemoStack['graphql'] = async (query, variables = {}, options = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    else if (options.institution) headers['x-hearth-institution'] = options.institution;
    const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: never; errors?: unknown[] };
  };

  // The sites run on ports picked at start, so each demo hospital's admin registers their origins as embedding
  // origins through the API, as a real institution does (the seed knows only port 4001).
  for (const institution of credentials.institutions) {
    const result = await graphql(
      `mutation ($input: UpdateInstitutionInput!) { updateInstitution(input: $input) { __typename ... on Error { message } } }`,
      { input: { allowedOrigins: [site.url, site.url.replace('127.0.0.1', 'localhost'), hostPages.url] } },
      { token: institution.serviceToken },
    );
    const outcome = (result.data as { updateInstitution?: { __typename: string } } | undefined)?.updateInstitution?.__typename;
    if (outcome !== 'Institution') throw new Error(`Could not allow the clinic site's origin for ${institution.slug}: ${JSON.stringify(result)}`);
  }

  return {
    api,
    site,
    hostPages,
    credentials,
    graphql,
    async close() {
      await Promise.all([site.close(), hostPages.close()]);
      await api.close();
    },
  };
}

/**
 * An SSO token for a demo member, from the clinic site's own token route after its demo sign-in — the way the
 * widgets get theirs — for a test's own API calls.
 */
export async function signInToken(stack: DemoStack, institution: string, member: string): Promise<string> {
  const response = await fetch(`${stack.site.url}/api/hearth-token?institution=${institution}`, { headers: { cookie: await sessionCookie(stack, institution, member) } });
  const { token } = (await response.json()) as { token: string | null };
  if (!token) throw new Error(`No token for ${member} at ${institution}`);
  return token;
}

/**
 * An SSO token for a new person of a demo hospital (someone the seed does not know), signed with the hospital's
 * key as its site's backend would: the API creates the member on its first request.
 */
export function newPersonToken(stack: DemoStack, institution: string, externalId: string, name: string): Promise<string> {
  const key = stack.credentials.institutions.find((each) => each.slug === institution);
  if (!key) throw new Error(`No demo hospital "${institution}"`);
  return memberToken({ row: { slug: key.slug }, kid: key.kid, secret: key.secret }, externalId, { name });
}

/** Signs in on the clinic site's demo sign-in form and returns its session cookie. */
async function sessionCookie(stack: DemoStack, institution: string, member: string): Promise<string> {
  const prefix = institution === 'nour' ? '/ar' : '';
  const response = await fetch(`${stack.site.url}${prefix}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.site.url },
    body: new URLSearchParams({ member, return: `${prefix}/` }).toString(),
  });
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error(`Sign-in as ${member} failed: ${response.status}`);
  return cookie.split(';')[0]!;
}

/**
 * A suite's API, clinic site and Chromium: started before its tests, closed after them. `receive` gets them once
 * started (suites keep them in their own variables).
 */
export function withDemoStackAndBrowser(receive: (started: { stack: DemoStack; browser: Browser }) => void): void {
  let started: { stack: DemoStack; browser: Browser } | undefined;
  beforeAll(async () => {
    const [stack, browser] = await Promise.all([startDemoStack(), launchChromium()]);
    started = { stack, browser };
    receive(started);
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.stack.close();
  });
}
