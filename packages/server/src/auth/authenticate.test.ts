import { expect, it } from 'vitest';
import { databaseFingerprint, internalDetailPattern } from '../../test-support/database-fingerprint.js';
import { describeEachDatabase } from '../../test-support/test-api.js';
import { withTestInstitution } from '../../test-support/test-context.js';
import { generateServiceToken } from './service-tokens.js';

/**
 * How a request's credentials become its viewer: service tokens (valid, revoked, unknown), guests, and the
 * Authorization header's shape. Tokens are checked through the API, as a backend or a widget sends them.
 */

const whoAmI = 'query($slug: String!) { me { id } institution(slug: $slug) { ssoKeys { kid } } }';

describeEachDatabase('authenticate', (api) => {
  const t = withTestInstitution(api);

  it('accepts a service token as a manager of its own institution (no member) and records its last use', async () => {
    const result = await api().graphql(whoAmI, { slug: t.institution.row.slug }, { token: t.institution.serviceToken });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ me: null, institution: { ssoKeys: [{ kid: 'k1' }] } });
    const row = await api().database.db.selectFrom('service_tokens').select(['last_used_at']).where('institution_id', '=', t.institution.row.id).executeTakeFirstOrThrow();
    expect(row.last_used_at).toBeInstanceOf(Date);

    // Within a minute of the last recorded use, a request writes nothing.
    const before = await databaseFingerprint(api().database.db);
    await api().graphql(whoAmI, { slug: t.institution.row.slug }, { token: t.institution.serviceToken });
    expect(await databaseFingerprint(api().database.db)).toEqual(before);
  });

  it('refuses a revoked and an unknown service token with 401 and their reasons', async () => {
    const db = api().database.db;
    const revoked = generateServiceToken();
    await db.insertInto('service_tokens').values({ institution_id: t.institution.row.id, name: 'old backend', token_hash: revoked.tokenHash, revoked_at: new Date() }).execute();
    const unknown = generateServiceToken();
    const before = await databaseFingerprint(db);
    for (const [token, reason] of [[revoked.token, 'REVOKED'], [unknown.token, 'UNKNOWN_TOKEN'], ['hearth_st_', 'UNKNOWN_TOKEN']] as const) {
      const result = await api().graphql(whoAmI, { slug: t.institution.row.slug }, { token });
      expect(result.status).toBe(401);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason });
      expect(JSON.stringify(result)).not.toMatch(internalDetailPattern);
    }
    expect(await databaseFingerprint(db)).toEqual(before);
  });

  it('treats a request without credentials as a guest of the institution it names', async () => {
    const group = await t.group({ slug: 'guest-visible' });
    const query = '{ me { id } group(slug: "guest-visible") { name } }';
    const named = await api().graphql(query, {}, { institution: t.institution.row.slug.toUpperCase() });
    expect(named.data).toEqual({ me: null, group: { name: group.name } });
    const unnamed = await api().graphql(query);
    expect(unnamed.data).toEqual({ me: null, group: null });
    const unknown = await api().graphql(query, {}, { institution: 'no-such-institution' });
    expect(unknown.status).toBe(200);
    expect(unknown.data).toEqual({ me: null, group: null });
  });

  it('accepts the Bearer scheme in any case and surrounding spaces', async () => {
    const { token } = t.viewer;
    for (const authorization of [`bearer ${token}`, `  Bearer   ${token}  `, `BEARER ${token}`]) {
      const result = await api().graphql('{ me { id } }', {}, { headers: { authorization } });
      expect(result.status, authorization).toBe(200);
      expect(result.data?.me).not.toBeNull();
    }
  });

  it('never lets a broken token fall back to guest access', async () => {
    const result = await api().graphql('{ me { id } }', {}, { headers: { authorization: 'Bearer broken' }, institution: t.institution.row.slug });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'MALFORMED' });
  });
});
