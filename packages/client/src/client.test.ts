import { createServer } from 'node:net';
import { addTestMembership, createTestGroup, createTestInstitution, createTestMember, memberToken, startTestServer, type ListeningTestServer, type TestInstitution } from '@hearth/server/test-support';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHearthClient } from './client.js';
import { groupQuery, groupsQuery } from './operations/groups.js';
import { meQuery } from './operations/members.js';
import { joinGroupMutation } from './operations/memberships.js';
import { paginate, HearthPaginationError } from './pagination.js';

/**
 * The client against a real Hearth API listening on a port (PGlite: the client's behaviour does not depend on the
 * database, and the server's own suites cover both). Each test makes its own institution, so they share a server.
 */
let api: ListeningTestServer;
let graphqlUrl: string;

beforeAll(async () => {
  api = await startTestServer('pglite');
  graphqlUrl = `${api.url}/graphql`;
});
afterAll(async () => {
  await api?.close();
});

/** A fetch that counts the requests it forwards and remembers their headers. */
function recordingFetch() {
  const calls: Array<{ headers: Headers; body: string }> = [];
  const fetchImpl: typeof fetch = (input, init) => {
    calls.push({ headers: new Headers(init?.headers), body: String(init?.body) });
    return fetch(input, init);
  };
  return { calls, fetch: fetchImpl };
}

async function groupId(institution: TestInstitution, slug: string): Promise<string> {
  const client = createHearthClient({ url: graphqlUrl, token: institution.serviceToken });
  const result = await client.request(groupQuery, { slug });
  if (result.kind !== 'ok' || !result.data.group) throw new Error(`group ${slug} not found: ${JSON.stringify(result)}`);
  return result.data.group.id;
}

describe('requests', () => {
  it('answers ok with typed data: a guest searching one institution (X-Hearth-Institution) and a signed-in member', async () => {
    const institution = await createTestInstitution(api.database.db);
    await createTestGroup(api.database.db, institution, { slug: 'grief-circle', name: 'Grief circle', topics: ['grief'] });
    const recorder = recordingFetch();
    const guest = createHearthClient({ url: graphqlUrl, institution: institution.row.slug, fetch: recorder.fetch });

    const found = await guest.request(groupsQuery, { filter: { text: 'grief' }, first: 10 });

    expect(found).toMatchObject({ kind: 'ok', data: { groups: { edges: [{ node: { slug: 'grief-circle', name: 'Grief circle', joinPolicy: 'OPEN' } }] } } });
    expect(recorder.calls[0]?.headers.get('x-hearth-institution')).toBe(institution.row.slug);
    expect(recorder.calls[0]?.headers.get('content-type')).toBe('application/json');
    expect(recorder.calls[0]?.headers.has('authorization')).toBe(false);

    const member = await createTestMember(api.database.db, institution, { name: 'Amal' });
    const signedIn = createHearthClient({ url: graphqlUrl, token: member.token, institution: 'ignored-for-members', fetch: recorder.fetch });
    const me = await signedIn.request(meQuery);
    expect(me).toMatchObject({ kind: 'ok', data: { me: { displayName: 'Amal', institution: { slug: institution.row.slug } } } });
    expect(recorder.calls[1]?.headers.get('authorization')).toBe(`Bearer ${member.token}`);
    expect(recorder.calls[1]?.headers.has('x-hearth-institution')).toBe(false);
  });

  it("returns a mutation's typed errors as values: GroupFullError for a full group, ForbiddenError for a guest", async () => {
    const institution = await createTestInstitution(api.database.db);
    const group = await createTestGroup(api.database.db, institution, { slug: 'small-group', capacity: 1 });
    const seated = await createTestMember(api.database.db, institution);
    await addTestMembership(api.database.db, group, seated.row);
    const id = await groupId(institution, 'small-group');
    const newcomer = await createTestMember(api.database.db, institution);

    const full = await createHearthClient({ url: graphqlUrl, token: newcomer.token }).mutate(joinGroupMutation, { input: { groupId: id } }, (data) => data.joinGroup);
    expect(full).toMatchObject({ kind: 'error', error: { __typename: 'GroupFullError', waitlistOpen: true } });
    if (full.kind === 'error' && full.error.__typename === 'GroupFullError') expect(full.error.message).toMatch(/full/i);

    const guest = await createHearthClient({ url: graphqlUrl, institution: institution.row.slug }).mutate(joinGroupMutation, { input: { groupId: id } }, (data) => data.joinGroup);
    expect(guest).toMatchObject({ kind: 'error', error: { __typename: 'ForbiddenError' } });

    const invalid = await createHearthClient({ url: graphqlUrl, token: newcomer.token }).mutate(
      joinGroupMutation,
      { input: { groupId: id, pseudonym: 'x'.repeat(500), answers: Array.from({ length: 100 }, () => 'an answer') } },
      (data) => data.joinGroup,
    );
    expect(invalid).toMatchObject({ kind: 'error', error: { __typename: 'ValidationError' } });
    if (invalid.kind === 'error' && invalid.error.__typename === 'ValidationError') {
      expect(invalid.error.fields.map((field) => field.path.join('.'))).toEqual(expect.arrayContaining(['input.pseudonym', 'input.answers']));
    }
  });

  it('returns the payload as ok when the mutation succeeds', async () => {
    const institution = await createTestInstitution(api.database.db);
    await createTestGroup(api.database.db, institution, { slug: 'open-group' });
    const id = await groupId(institution, 'open-group');
    const member = await createTestMember(api.database.db, institution);

    const joined = await createHearthClient({ url: graphqlUrl, token: member.token }).mutate(joinGroupMutation, { input: { groupId: id } }, (data) => data.joinGroup);

    expect(joined).toMatchObject({ kind: 'ok', data: { __typename: 'Membership', status: 'ACTIVE', role: 'MEMBER', group: { id } } });
  });

  it('reports a connection failure as a network failure (a closed port)', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const result = await createHearthClient({ url: `http://127.0.0.1:${port}/graphql`, institution: 'any' }).request(groupsQuery, {});
    expect(result.kind).toBe('network');
    if (result.kind === 'network') expect(result.cause).toBeInstanceOf(Error);
  });

  it('reports a non-2xx answer as an HTTP failure with its status and errors', async () => {
    const refused = await createHearthClient({ url: graphqlUrl, token: 'not-a-token' }).request(meQuery);
    expect(refused).toMatchObject({ kind: 'http', status: 401, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });

    const missing = await createHearthClient({ url: `${api.url}/no-such-endpoint`, institution: 'any' }).request(meQuery);
    expect(missing).toMatchObject({ kind: 'http', status: 404 });
  });

  it('reports top-level GraphQL errors as a graphql failure, with the data the API could still answer', async () => {
    const institution = await createTestInstitution(api.database.db);
    const client = createHearthClient({ url: graphqlUrl, token: institution.serviceToken });
    // `first` above the API's page limit is a field error: `groups` is non-null, so `data` is null.
    const result = await client.request(groupsQuery, { first: 100_000 });
    expect(result).toMatchObject({ kind: 'graphql', data: null, errors: [{ path: ['groups'] }] });
  });
});

describe('token refresh', () => {
  it('asks getToken once more after a 401 and retries once with the fresh token, then keeps using it', async () => {
    const institution = await createTestInstitution(api.database.db);
    const member = await createTestMember(api.database.db, institution, { externalId: 'refresh-user', name: 'Refreshed' });
    const expired = await memberToken(institution, 'refresh-user', { name: 'Refreshed', expiresIn: '-10m' });
    const getToken = vi.fn<() => Promise<string>>().mockResolvedValueOnce(expired).mockResolvedValueOnce(member.token);
    const recorder = recordingFetch();
    const client = createHearthClient({ url: graphqlUrl, getToken, fetch: recorder.fetch });

    const first = await client.request(meQuery);
    expect(first).toMatchObject({ kind: 'ok', data: { me: { displayName: 'Refreshed' } } });
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(recorder.calls.map((call) => call.headers.get('authorization'))).toEqual([`Bearer ${expired}`, `Bearer ${member.token}`]);

    const second = await client.request(meQuery);
    expect(second.kind).toBe('ok');
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(recorder.calls).toHaveLength(3);
  });

  it('refreshes only once when the fresh token is refused too, and then reports the 401', async () => {
    const institution = await createTestInstitution(api.database.db);
    const expired = await memberToken(institution, 'stale-user', { expiresIn: '-10m' });
    const getToken = vi.fn(async () => expired);
    const recorder = recordingFetch();

    const result = await createHearthClient({ url: graphqlUrl, getToken, fetch: recorder.fetch }).request(meQuery);

    expect(result).toMatchObject({ kind: 'http', status: 401, errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'EXPIRED' } }] });
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(recorder.calls).toHaveLength(2);
  });

  it('shares one refresh between requests refused at the same time', async () => {
    const institution = await createTestInstitution(api.database.db);
    const member = await createTestMember(api.database.db, institution, { externalId: 'busy-user' });
    const expired = await memberToken(institution, 'busy-user', { expiresIn: '-10m' });
    const getToken = vi.fn<() => Promise<string>>().mockResolvedValueOnce(expired).mockResolvedValue(member.token);
    const client = createHearthClient({ url: graphqlUrl, getToken });

    const results = await Promise.all([client.request(meQuery), client.request(meQuery), client.request(meQuery)]);

    expect(results.map((result) => result.kind)).toEqual(['ok', 'ok', 'ok']);
    expect(getToken).toHaveBeenCalledTimes(2);
  });
});

describe('paginate', () => {
  it('walks a connection across pages with `after`, in order, and stops when the loop does', async () => {
    const institution = await createTestInstitution(api.database.db);
    const slugs = ['pages-a', 'pages-b', 'pages-c', 'pages-d', 'pages-e'];
    for (const slug of slugs) await createTestGroup(api.database.db, institution, { slug, name: `Pages ${slug}`, topics: ['paging'] });
    const recorder = recordingFetch();
    const client = createHearthClient({ url: graphqlUrl, token: institution.serviceToken, fetch: recorder.fetch });

    const seen: string[] = [];
    for await (const group of paginate(client, groupsQuery, { filter: { topics: ['paging'] } }, (data) => data.groups, { pageSize: 2 })) seen.push(group.slug);

    expect([...seen].sort()).toEqual(slugs);
    expect(new Set(seen).size).toBe(5);
    const variables = recorder.calls.map((call) => (JSON.parse(call.body) as { variables: { first: number; after: string | null } }).variables);
    expect(variables).toHaveLength(3);
    expect(variables.map((page) => page.first)).toEqual([2, 2, 2]);
    expect(variables[0]?.after).toBeNull();
    expect(variables[1]?.after).toEqual(expect.any(String));
    expect(variables[2]?.after).not.toBe(variables[1]?.after);

    recorder.calls.length = 0;
    for await (const group of paginate(client, groupsQuery, { filter: { topics: ['paging'] } }, (data) => data.groups, { pageSize: 2 })) {
      void group;
      break;
    }
    expect(recorder.calls).toHaveLength(1);
  });

  it('throws a HearthPaginationError carrying the failure when a page cannot be loaded', async () => {
    const client = createHearthClient({ url: graphqlUrl, token: 'not-a-token' });
    const walk = async () => {
      for await (const group of paginate(client, groupsQuery, {}, (data) => data.groups)) void group;
    };
    await expect(walk()).rejects.toBeInstanceOf(HearthPaginationError);
    await expect(walk()).rejects.toMatchObject({ failure: { kind: 'http', status: 401 } });
  });
});
