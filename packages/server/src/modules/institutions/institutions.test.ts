import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { signSsoToken } from '../../auth/sso-tokens.js';
import { databaseFingerprint } from '../../../test-support/database-fingerprint.js';
import { createTestInstitution, testAudience, type TestInstitution, type TestMember } from '../../../test-support/factories.js';
import { describeEachDatabase, type TestApi } from '../../../test-support/test-api.js';
import { createTestContext, withTestInstitution } from '../../../test-support/test-context.js';
import { mutationDocument } from '../../../test-support/test-documents.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';

const institutionCredentials = /* GraphQL */ `
  query Credentials($slug: String!) {
    institution(slug: $slug) {
      slug
      ssoKeys { kid algorithm createdAt retiredAt active }
      serviceTokens { id name createdAt lastUsedAt revokedAt }
    }
  }
`;
const rotateSsoKey = /* GraphQL */ `
  mutation {
    rotateSsoKey {
      __typename
      ... on RotateSsoKeyPayload { secret key { kid algorithm active retiredAt } }
      ... on Error { message }
    }
  }
`;
const retireSsoKey = mutationDocument('retireSsoKey', 'RetireSsoKeyInput', '... on SsoKey { kid active retiredAt }');
const createServiceToken = mutationDocument('createServiceToken', 'CreateServiceTokenInput', '... on CreateServiceTokenPayload { token serviceToken { id name lastUsedAt revokedAt } }');
const revokeServiceToken = mutationDocument('revokeServiceToken', 'RevokeServiceTokenInput', '... on ServiceToken { id revokedAt }');
const setInstitutionAdmin = mutationDocument('setInstitutionAdmin', 'SetInstitutionAdminInput', '... on Member { id isInstitutionAdmin }');

/** A token as a host site that sends no `roles` claim signs it: the stored admin flag is left alone. */
function tokenWithoutRoles(institution: TestInstitution, externalId: string, key = { kid: institution.kid, secret: institution.secret }) {
  return signSsoToken({ institutionSlug: institution.row.slug, kid: key.kid, secret: key.secret, subject: externalId, audience: testAudience });
}

/** Asks for the viewer's own member row; 200 with data means the token was accepted. */
async function whoAmI(api: TestApi, token: string) {
  return api.graphql<{ me: { displayName: string; isInstitutionAdmin: boolean } | null }>('{ me { displayName isInstitutionAdmin } }', {}, { token });
}

describeEachDatabase('institution admin API', (api) => {
  const t = withTestInstitution(api, { otherInstitution: true });
  let otherAdmin: TestMember;

  beforeAll(async () => {
    otherAdmin = await t.member({ admin: true }, t.otherInstitution);
    // First requests create/refresh the members' rows, so later fingerprints compare only what a test changes.
    for (const token of [t.admin.token, t.viewer.token, otherAdmin.token]) await whoAmI(api(), token);
  });

  describe('ssoKeys and serviceTokens on Institution', () => {
    it('shows keys and tokens to the institution admin and its service token, never a secret', async () => {
      for (const token of [t.admin.token, t.institution.serviceToken]) {
        const result = await api().graphql(institutionCredentials, { slug: t.institution.row.slug }, { token });
        expect(result.errors).toBeUndefined();
        expect(result.data?.institution.ssoKeys).toContainEqual(
          expect.objectContaining({ kid: 'k1', algorithm: 'HS256', active: true, retiredAt: null }),
        );
        expect(result.data?.institution.serviceTokens).toContainEqual(expect.objectContaining({ name: 'tests', revokedAt: null }));
        expect(JSON.stringify(result)).not.toContain(t.institution.secret);
      }
      const fields = await api().graphql(`{ __type(name: "SsoKey") { fields { name } } t: __type(name: "ServiceToken") { fields { name } } }`);
      const names = [...fields.data!.__type.fields, ...fields.data!.t.fields].map((field: { name: string }) => field.name);
      expect(names.filter((name) => /secret|hash|token/i.test(name))).toEqual([]);
    });

    it('answers null to members, guests and other institutions\' admins', async () => {
      const viewers = [{ token: t.viewer.token }, { institution: t.institution.row.slug }, { token: otherAdmin.token }, { token: t.otherInstitution.serviceToken }];
      for (const viewer of viewers) {
        const result = await api().graphql(institutionCredentials, { slug: t.institution.row.slug }, viewer);
        expect(result.data?.institution).toEqual({ slug: t.institution.row.slug, ssoKeys: null, serviceTokens: null });
      }
    });

    it('loads keys and tokens of several institutions in one statement each', async () => {
      const query = `query($a: String!, $b: String!) { a: institution(slug: $a) { ssoKeys { kid } serviceTokens { name } } b: institution(slug: $b) { ssoKeys { kid } serviceTokens { name } } }`;
      const result = await api().graphql(query, { a: t.institution.row.slug, b: t.otherInstitution.row.slug }, { token: t.institution.serviceToken });
      expect(result.data?.a.ssoKeys.length).toBeGreaterThan(0);
      expect(result.data?.b.ssoKeys).toBeNull();
      // token lookup (+ at most one last-used write), two institution lookups, one key list, one token list
      expect(result.statements).toBeLessThanOrEqual(6);
    });
  });

  describe('rotateSsoKey and retireSsoKey', () => {
    it('rotates without downtime: old and new keys both work until the old one is retired', async () => {
      const db = api().database.db;
      const { institution: clinicA, admin: adminA } = await createTestContext(api());
      const oldKidToken = await tokenWithoutRoles(clinicA, 'rotating-user');

      const rotated = await api().graphql(rotateSsoKey, {}, { token: adminA.token });
      expect(rotated.data?.rotateSsoKey).toMatchObject({ __typename: 'RotateSsoKeyPayload', key: { algorithm: 'HS256', active: true, retiredAt: null } });
      const { secret, key } = rotated.data!.rotateSsoKey as { secret: string; key: { kid: string } };
      expect(secret.length).toBeGreaterThanOrEqual(43);
      expect(key.kid).not.toBe('k1');
      const newKidToken = await tokenWithoutRoles(clinicA, 'rotating-user', { kid: key.kid, secret });

      expect((await whoAmI(api(), oldKidToken)).status).toBe(200);
      expect((await whoAmI(api(), newKidToken)).status).toBe(200);
      const listed = await api().graphql(institutionCredentials, { slug: clinicA.row.slug }, { token: adminA.token });
      expect(listed.data?.institution.ssoKeys.map((k: { kid: string }) => k.kid)).toEqual([key.kid, 'k1']);
      expect(JSON.stringify(listed)).not.toContain(secret);

      const retired = await api().graphql(retireSsoKey, { input: { kid: 'k1' } }, { token: adminA.token });
      expect(retired.data?.retireSsoKey).toMatchObject({ __typename: 'SsoKey', kid: 'k1', active: false, retiredAt: expect.any(String) });

      const refused = await whoAmI(api(), oldKidToken);
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'UNKNOWN_KEY' });
      expect((await whoAmI(api(), newKidToken)).status).toBe(200);
    });

    it('refuses to retire the last active key with a ConflictError, unless the institution has a JWKS URL', async () => {
      const db = api().database.db;
      const { institution: clinicB, admin: adminB } = await createTestContext(api());
      await whoAmI(api(), adminB.token);
      const before = await databaseFingerprint(db);
      const refused = await api().graphql(retireSsoKey, { input: { kid: 'k1' } }, { token: adminB.token });
      expect(refused.data?.retireSsoKey).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('last active') });
      expect(await databaseFingerprint(db)).toEqual(before);

      await db.updateTable('institutions').set({ jwks_url: 'https://sso.clinic.example/jwks.json' }).where('id', '=', clinicB.row.id).execute();
      const allowed = await api().graphql(retireSsoKey, { input: { kid: 'k1' } }, { token: adminB.token });
      expect(allowed.data?.retireSsoKey).toMatchObject({ __typename: 'SsoKey', active: false });
      const again = await api().graphql(retireSsoKey, { input: { kid: 'k1' } }, { token: clinicB.serviceToken });
      expect(again.data?.retireSsoKey).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('already retired') });
    });

    it('lets two concurrent retirements of the last two keys leave one active', async () => {
      const db = api().database.db;
      // A race shows only sometimes; several rounds make a missing lock fail this test reliably on PostgreSQL.
      for (let round = 0; round < 6; round += 1) {
        const clinicC = await createTestInstitution(db);
        const rotated = await api().graphql(rotateSsoKey, {}, { token: clinicC.serviceToken });
        const newKid = rotated.data!.rotateSsoKey.key.kid as string;
        const results = await Promise.all(
          ['k1', newKid].map((kid) => api().graphql(retireSsoKey, { input: { kid } }, { token: clinicC.serviceToken })),
        );
        expect(results.map((result) => result.data?.retireSsoKey.__typename).sort()).toEqual(['ConflictError', 'SsoKey']);
        const active = await db.selectFrom('sso_keys').select('kid').where('institution_id', '=', clinicC.row.id).where('retired_at', 'is', null).execute();
        expect(active).toHaveLength(1);
      }
    });

    it('caps the number of active keys', async () => {
      const db = api().database.db;
      const clinicD = await createTestInstitution(db);
      const outcomes: string[] = [];
      for (let i = 0; i < 5; i += 1) outcomes.push((await api().graphql(rotateSsoKey, {}, { token: clinicD.serviceToken })).data?.rotateSsoKey.__typename);
      expect(outcomes).toEqual(['RotateSsoKeyPayload', 'RotateSsoKeyPayload', 'RotateSsoKeyPayload', 'RotateSsoKeyPayload', 'ConflictError']);
    });

    it('refuses members, guests and other institutions with typed errors, and writes nothing', async () => {
      const db = api().database.db;
      const before = await databaseFingerprint(db);
      for (const viewer of [{ token: t.viewer.token }, { institution: t.institution.row.slug }]) {
        expect((await api().graphql(rotateSsoKey, {}, viewer)).data?.rotateSsoKey.__typename).toBe('ForbiddenError');
        expect((await api().graphql(retireSsoKey, { input: { kid: 'k1' } }, viewer)).data?.retireSsoKey.__typename).toBe('ForbiddenError');
      }
      // Another institution's admin acts on their own institution only: the clinic's kid is not theirs.
      const uniqueKid = (await db.insertInto('sso_keys').values({ institution_id: t.institution.row.id, kid: 'clinic-only', secret: 's'.repeat(43), algorithm: 'HS256' }).returning('kid').executeTakeFirstOrThrow()).kid;
      const afterInsert = await databaseFingerprint(db);
      expect(afterInsert).not.toEqual(before);
      const foreign = await api().graphql(retireSsoKey, { input: { kid: uniqueKid } }, { token: otherAdmin.token });
      expect(foreign.data?.retireSsoKey).toMatchObject({ __typename: 'NotFoundError' });
      const empty = await api().graphql(retireSsoKey, { input: { kid: '  ' } }, { token: t.admin.token });
      expect(empty.data?.retireSsoKey).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'kid'] }] });
      expect(await databaseFingerprint(db)).toEqual(afterInsert);
    });
  });

  describe('service tokens', () => {
    it('creates a token shown once, stores only its SHA-256 digest, and accepts it', async () => {
      const db = api().database.db;
      const created = await api().graphql(createServiceToken, { input: { name: '  Patient portal  ' } }, { token: t.admin.token });
      expect(created.data?.createServiceToken).toMatchObject({
        __typename: 'CreateServiceTokenPayload',
        token: expect.stringMatching(/^hearth_st_[A-Za-z0-9_-]{43}$/),
        serviceToken: { name: 'Patient portal', lastUsedAt: null, revokedAt: null },
      });
      const token = created.data!.createServiceToken.token as string;

      const rows = await db.selectFrom('service_tokens').selectAll().where('name', '=', 'Patient portal').execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(token.slice('hearth_st_'.length));

      const used = await api().graphql(institutionCredentials, { slug: t.institution.row.slug }, { token });
      expect(used.status).toBe(200);
      const mine = used.data?.institution.serviceTokens.find((entry: { name: string }) => entry.name === 'Patient portal');
      expect(mine.lastUsedAt).not.toBeNull();
      expect(mine.id).toBe(created.data!.createServiceToken.serviceToken.id);
    });

    it('validates the name before writing anything', async () => {
      const db = api().database.db;
      const before = await databaseFingerprint(db);
      for (const name of ['', '   ', 'x'.repeat(81), 'line\nbreak', 'nul\u0000']) {
        const result = await api().graphql(createServiceToken, { input: { name } }, { token: t.admin.token });
        expect(result.data?.createServiceToken).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'name'] }] });
      }
      expect(await databaseFingerprint(db)).toEqual(before);
    });

    it('revokes a token: requests bearing it are refused with reason REVOKED', async () => {
      const created = await api().graphql(createServiceToken, { input: { name: 'to revoke' } }, { token: t.institution.serviceToken });
      const { token, serviceToken } = created.data!.createServiceToken as { token: string; serviceToken: { id: string } };
      expect((await api().graphql('{ me { id } }', {}, { token })).status).toBe(200);

      const revoked = await api().graphql(revokeServiceToken, { input: { serviceTokenId: serviceToken.id } }, { token: t.admin.token });
      expect(revoked.data?.revokeServiceToken).toMatchObject({ __typename: 'ServiceToken', id: serviceToken.id, revokedAt: expect.any(String) });
      const again = await api().graphql(revokeServiceToken, { input: { serviceTokenId: serviceToken.id } }, { token: t.admin.token });
      expect(again.data?.revokeServiceToken.revokedAt).toBe(revoked.data?.revokeServiceToken.revokedAt);

      const refused = await api().graphql('{ me { id } }', {}, { token });
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REVOKED' });
    });

    it("refuses another institution's manager, members and bad ids, and changes nothing", async () => {
      const db = api().database.db;
      const created = await api().graphql(createServiceToken, { input: { name: 'kept' } }, { token: t.admin.token });
      const { token, serviceToken } = created.data!.createServiceToken as { token: string; serviceToken: { id: string } };
      await api().graphql('{ me { id } }', {}, { token });
      const before = await databaseFingerprint(db);

      const cases: Array<{ viewer: { token?: string; institution?: string }; id: string; typename: string }> = [
        { viewer: { token: otherAdmin.token }, id: serviceToken.id, typename: 'ForbiddenError' },
        { viewer: { token: t.otherInstitution.serviceToken }, id: serviceToken.id, typename: 'ForbiddenError' },
        { viewer: { token: t.viewer.token }, id: serviceToken.id, typename: 'ForbiddenError' },
        { viewer: { institution: t.institution.row.slug }, id: serviceToken.id, typename: 'ForbiddenError' },
        { viewer: { token: t.admin.token }, id: globalId('ServiceToken', '00000000-0000-4000-8000-000000000000'), typename: 'NotFoundError' },
        { viewer: { token: t.admin.token }, id: globalId('Member', t.admin.row.id), typename: 'ValidationError' },
        { viewer: { token: t.admin.token }, id: 'not-an-id', typename: 'ValidationError' },
      ];
      for (const { viewer, id, typename } of cases) {
        const result = await api().graphql(revokeServiceToken, { input: { serviceTokenId: id } }, viewer);
        expect(result.data?.revokeServiceToken.__typename, JSON.stringify(result)).toBe(typename);
      }
      const node = await api().graphql('query($id: ID!) { node(id: $id) { id } }', { id: serviceToken.id }, { token: otherAdmin.token });
      expect(node.data?.node).toBeNull();
      const forOther = await api().graphql(createServiceToken, { input: { name: 'sneaky' } }, { token: t.viewer.token });
      expect(forOther.data?.createServiceToken.__typename).toBe('ForbiddenError');

      expect(await databaseFingerprint(db)).toEqual(before);
      expect((await api().graphql('{ me { id } }', {}, { token })).status).toBe(200);
    });
  });

  describe('setInstitutionAdmin', () => {
    it('promotes and demotes a member of the institution; the change takes effect on their next request', async () => {
      const db = api().database.db;
      const externalId = 'promoted-by-admin';
      const token = await tokenWithoutRoles(t.institution, externalId);
      await whoAmI(api(), token);
      const row = await db.selectFrom('members').select('id').where('external_id', '=', externalId).executeTakeFirstOrThrow();
      const memberId = globalId('Member', row.id);

      expect((await api().graphql(rotateSsoKey, {}, { token })).data?.rotateSsoKey.__typename).toBe('ForbiddenError');
      const promoted = await api().graphql(setInstitutionAdmin, { input: { memberId, admin: true } }, { token: t.admin.token });
      expect(promoted.data?.setInstitutionAdmin).toEqual({ __typename: 'Member', id: memberId, isInstitutionAdmin: true });
      expect((await whoAmI(api(), token)).data?.me?.isInstitutionAdmin).toBe(true);
      const listed = await api().graphql(institutionCredentials, { slug: t.institution.row.slug }, { token });
      expect(listed.data?.institution.ssoKeys).not.toBeNull();

      const demoted = await api().graphql(setInstitutionAdmin, { input: { memberId, admin: false } }, { token: t.institution.serviceToken });
      expect(demoted.data?.setInstitutionAdmin).toMatchObject({ isInstitutionAdmin: false });
      expect((await api().graphql(institutionCredentials, { slug: t.institution.row.slug }, { token })).data?.institution.ssoKeys).toBeNull();
    });

    it('refuses removing oneself, other institutions, members and bad ids, and writes nothing', async () => {
      const db = api().database.db;
      const before = await databaseFingerprint(db);
      const selfId = globalId('Member', t.admin.row.id);
      const self = await api().graphql(setInstitutionAdmin, { input: { memberId: selfId, admin: false } }, { token: t.admin.token });
      expect(self.data?.setInstitutionAdmin).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('your own') });

      const memberId = globalId('Member', t.viewer.row.id);
      for (const token of [otherAdmin.token, t.otherInstitution.serviceToken, t.viewer.token]) {
        const refused = await api().graphql(setInstitutionAdmin, { input: { memberId, admin: true } }, { token });
        expect(refused.data?.setInstitutionAdmin.__typename).toBe('ForbiddenError');
      }
      const unknown = await api().graphql(setInstitutionAdmin, { input: { memberId: globalId('Member', '00000000-0000-4000-8000-000000000000'), admin: true } }, { token: t.admin.token });
      expect(unknown.data?.setInstitutionAdmin.__typename).toBe('NotFoundError');
      const wrongType = await api().graphql(setInstitutionAdmin, { input: { memberId: globalId('Group', t.viewer.row.id), admin: true } }, { token: t.admin.token });
      expect(wrongType.data?.setInstitutionAdmin).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'memberId'] }] });
      expect(await databaseFingerprint(db)).toEqual(before);
    });
  });

  describe('updateInstitution', () => {
    const updateInstitution = mutationDocument('updateInstitution', 'UpdateInstitutionInput', '... on Institution { name defaultLocale allowedOrigins }');


    it('changes name, locale and embedding origins, normalising each origin', async () => {
      const db = api().database.db;
      const clinicE = await createTestInstitution(db);
      const result = await api().graphql(
        updateInstitution,
        { input: { name: '  Riverside Clinic ', defaultLocale: 'ar-EG', allowedOrigins: ['https://Portal.Clinic.example/', 'https://portal.clinic.example'] } },
        { token: clinicE.serviceToken },
      );
      expect(result.data?.updateInstitution).toEqual({
        __typename: 'Institution',
        name: 'Riverside Clinic',
        defaultLocale: 'ar-EG',
        allowedOrigins: ['https://portal.clinic.example'],
      });
    });

    it('returns every invalid field at once, never an internal error, and writes nothing', async () => {
      const db = api().database.db;
      const before = await databaseFingerprint(db);
      const result = await api().graphql(
        updateInstitution,
        { input: { name: '', defaultLocale: 'english please', allowedOrigins: ['not a url', 'https://t.institution.example/embed', 'ftp://t.institution.example'], jwksUrl: 'file:///etc/passwd' } },
        { token: t.admin.token },
      );
      expect(result.data?.updateInstitution.__typename, JSON.stringify(result)).toBe('ValidationError');
      const paths = result.data!.updateInstitution.fields.map((field: { path: string[] }) => field.path.join('.'));
      expect(paths).toEqual(
        expect.arrayContaining(['input.name', 'input.defaultLocale', 'input.allowedOrigins.0', 'input.allowedOrigins.1', 'input.allowedOrigins.2', 'input.jwksUrl']),
      );
      const refused = await api().graphql(updateInstitution, { input: { name: 'Taken over' } }, { token: t.viewer.token });
      expect(refused.data?.updateInstitution.__typename).toBe('ForbiddenError');
      expect(await databaseFingerprint(db)).toEqual(before);
    });
  });
});
