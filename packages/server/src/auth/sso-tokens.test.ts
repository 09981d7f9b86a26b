import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, internalDetailPattern } from '../../test-support/database-fingerprint.js';
import { createTestInstitution, testAudience, type TestInstitution } from '../../test-support/factories.js';
import { describeEachDatabase } from '../../test-support/test-api.js';
import { withTestInstitution } from '../../test-support/test-context.js';

/**
 * Host-site SSO through the API: a good token signs a member in (and keeps their row in step with the claims);
 * every bad one is refused with HTTP 401, `UNAUTHENTICATED`, a reason, nothing internal, and no member row.
 */

const meQuery = '{ me { displayName locale isInstitutionAdmin institution { slug } } }';
const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

interface TokenOptions {
  institution: TestInstitution;
  subject?: string;
  claims?: JWTPayload;
  header?: Record<string, unknown>;
  secret?: string;
  audience?: string;
  issuer?: string;
  issuedAt?: number;
  expiresAt?: number | null;
}

/** An HS256 token as an institution's backend would sign it, with every part overridable for the bad cases. */
function hsToken(options: TokenOptions): Promise<string> {
  const { institution } = options;
  const jwt = new SignJWT({ ...options.claims })
    .setProtectedHeader({ alg: 'HS256', kid: institution.kid, typ: 'JWT', ...options.header } as { alg: string })
    .setIssuer(options.issuer ?? institution.row.slug)
    .setAudience(options.audience ?? testAudience)
    .setIssuedAt(options.issuedAt ?? now());
  if (options.subject !== undefined) jwt.setSubject(options.subject);
  if (options.expiresAt !== null) jwt.setExpirationTime(options.expiresAt ?? now() + 600);
  return jwt.sign(new TextEncoder().encode(options.secret ?? institution.secret));
}

/** A local JWKS endpoint, as an institution's identity provider publishes its public keys. */
interface KeySetServer {
  url: string;
  keys: JWK[];
  server: Server;
}

async function startKeySetServer(): Promise<KeySetServer> {
  const keys: JWK[] = [];
  const server = createServer((request, response) => {
    if (request.url !== '/jwks.json') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`, keys, server };
}

interface AsymmetricKey {
  alg: 'RS256' | 'ES256';
  kid: string;
  privateKey: CryptoKey;
}

async function publishKey(keySet: KeySetServer, alg: 'RS256' | 'ES256', kid: string): Promise<AsymmetricKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  keySet.keys.push({ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' });
  return { alg, kid, privateKey };
}

function asymmetricToken(key: AsymmetricKey, institution: TestInstitution, subject: string, claims: JWTPayload = {}, kid = key.kid): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid })
    .setIssuer(institution.row.slug)
    .setSubject(subject)
    .setAudience(testAudience)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(key.privateKey);
}

let keySet: KeySetServer;
let rsaKey: AsymmetricKey;
let ecKey: AsymmetricKey;
let unpublishedRsaKey: AsymmetricKey;

beforeAll(async () => {
  keySet = await startKeySetServer();
  rsaKey = await publishKey(keySet, 'RS256', 'idp-rsa-1');
  ecKey = await publishKey(keySet, 'ES256', 'idp-ec-1');
  // Same kid as the published RSA key, but a key the identity provider never published: a forger's.
  const { privateKey } = await generateKeyPair('RS256');
  unpublishedRsaKey = { alg: 'RS256', kid: 'idp-rsa-1', privateKey };
});

afterAll(async () => {
  await new Promise((resolve) => keySet.server.close(resolve));
});

describeEachDatabase('SSO tokens', (api) => {
  const t = withTestInstitution(api, { institution: { defaultLocale: 'ar' }, otherInstitution: true });
  let jwksClinic: TestInstitution;
  let unreachableJwksClinic: TestInstitution;

  beforeAll(async () => {
    const db = t.db;
    jwksClinic = await createTestInstitution(db);
    unreachableJwksClinic = await createTestInstitution(db);
    await db.updateTable('institutions').set({ jwks_url: keySet.url }).where('id', '=', jwksClinic.row.id).execute();
    // A port that nothing listens on: the key set cannot be fetched.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks.json`;
    await new Promise((resolve) => closed.close(resolve));
    await db.updateTable('institutions').set({ jwks_url: deadUrl }).where('id', '=', unreachableJwksClinic.row.id).execute();
  });

  async function memberRow(institution: TestInstitution, externalId: string) {
    return api()
      .database.db.selectFrom('members')
      .selectAll()
      .where('institution_id', '=', institution.row.id)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
  }

  describe('accepted tokens', () => {
    it('creates the member from a valid HS256 token, then keeps name, locale and admin flag in step', async () => {
      const first = await api().graphql(meQuery, {}, { token: await hsToken({ institution: t.institution, subject: 'user-1', claims: { name: 'Amal' } }) });
      expect(first.status).toBe(200);
      // No locale claim: the institution's default; no roles claim: not an admin.
      expect(first.data?.me).toEqual({ displayName: 'Amal', locale: 'ar', isInstitutionAdmin: false, institution: { slug: t.institution.row.slug } });
      const created = await memberRow(t.institution, 'user-1');

      const second = await api().graphql(meQuery, {}, {
        token: await hsToken({ institution: t.institution, subject: 'user-1', claims: { name: 'Amal K.', locale: 'en-GB', roles: ['institution_admin'] } }),
      });
      expect(second.data?.me).toMatchObject({ displayName: 'Amal K.', locale: 'en-GB', isInstitutionAdmin: true });
      const updated = await memberRow(t.institution, 'user-1');
      expect(updated?.id).toBe(created?.id);

      // A token without a roles claim leaves the flag; one with roles that omit the admin role clears it.
      const noRoles = await api().graphql(meQuery, {}, { token: await hsToken({ institution: t.institution, subject: 'user-1' }) });
      expect(noRoles.data?.me).toMatchObject({ displayName: 'Amal K.', isInstitutionAdmin: true });
      const demoted = await api().graphql(meQuery, {}, { token: await hsToken({ institution: t.institution, subject: 'user-1', claims: { roles: ['staff'] } }) });
      expect(demoted.data?.me).toMatchObject({ isInstitutionAdmin: false });
      const rows = await api().database.db.selectFrom('members').select('id').where('external_id', '=', 'user-1').execute();
      expect(rows).toHaveLength(1);
    });

    it('stores the name claim as a profile edit would: NFC, trimmed; Arabic with its marks kept', async () => {
      const decomposed = await api().graphql(meQuery, {}, { token: await hsToken({ institution: t.institution, subject: 'nfc-name', claims: { name: '  Rene\u0301e  ' } }) });
      expect(decomposed.data?.me).toMatchObject({ displayName: 'Ren\u00e9e' });
      const arabic = await api().graphql(meQuery, {}, { token: await hsToken({ institution: t.institution, subject: 'arabic-name', claims: { name: 'أمل \u200Fحداد' } }) });
      expect(arabic.data?.me).toMatchObject({ displayName: 'أمل \u200Fحداد' });
      // The profile form refuses what the token is refused for (the same rule, schema/text-input.ts).
      const member = await hsToken({ institution: t.institution, subject: 'nfc-name' });
      const edit = await api().graphql(
        `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { __typename ... on ValidationError { fields { path message } } } }`,
        { input: { displayName: 'evil\u202Egnp.exe' } },
        { token: member },
      );
      expect(edit.data?.updateProfile.__typename).toBe('ValidationError');
    });

    it('verifies a token without a kid against any active key', async () => {
      const token = await hsToken({ institution: t.institution, subject: 'no-kid', header: { kid: undefined } });
      expect((await api().graphql(meQuery, {}, { token })).status).toBe(200);
    });

    it.each(['RS256', 'ES256'] as const)('accepts %s tokens signed with a key published at the institution\'s JWKS URL', async (alg) => {
      const key = alg === 'RS256' ? rsaKey : ecKey;
      const subject = `jwks-${alg}`;
      const result = await api().graphql(meQuery, {}, { token: await asymmetricToken(key, jwksClinic, subject, { name: `Via ${alg}` }) });
      expect(result.status).toBe(200);
      expect(result.data?.me).toMatchObject({ displayName: `Via ${alg}`, institution: { slug: jwksClinic.row.slug } });
      expect(await memberRow(jwksClinic, subject)).toBeDefined();
    });
  });

  describe('refused tokens', () => {
    interface RefusalCase {
      name: string;
      reason: string;
      /** The Authorization header's value. */
      authorization: () => Promise<string>;
      /** The external id the token names, to check no member row appears for it. */
      subject?: string;
    }

    const refusals: RefusalCase[] = [
      {
        name: 'an unsigned token (alg none)',
        reason: 'UNSIGNED',
        subject: 'alg-none',
        authorization: async () => `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ iss: t.institution.row.slug, sub: 'alg-none', aud: testAudience, iat: now(), exp: now() + 600 })}.`,
      },
      {
        name: 'an unsigned token with the signature of another token kept',
        reason: 'UNSIGNED',
        subject: 'alg-none-2',
        authorization: async () => {
          const signature = (await hsToken({ institution: t.institution, subject: 'alg-none-2' })).split('.')[2];
          return `Bearer ${base64url({ alg: 'None' })}.${base64url({ iss: t.institution.row.slug, sub: 'alg-none-2', aud: testAudience, iat: now(), exp: now() + 600 })}.${signature}`;
        },
      },
      { name: 'an expired token', reason: 'EXPIRED', subject: 'expired', authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'expired', issuedAt: now() - 3600, expiresAt: now() - 120 })}` },
      {
        name: 'a token issued too long ago (iat beyond 24 hours)',
        reason: 'EXPIRED',
        subject: 'too-old',
        authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'too-old', issuedAt: now() - 25 * 3600, expiresAt: now() + 3600 })}`,
      },
      { name: 'a token issued in the future', reason: 'NOT_YET_VALID', subject: 'future', authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'future', issuedAt: now() + 3600 })}` },
      { name: 'a token for another audience', reason: 'WRONG_AUDIENCE', subject: 'other-aud', authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'other-aud', audience: 'another-app' })}` },
      {
        name: "a token naming institution A but signed with B's secret",
        reason: 'BAD_SIGNATURE',
        subject: 'cross-tenant',
        authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'cross-tenant', secret: t.otherInstitution.secret })}`,
      },
      { name: 'a token from an unknown issuer', reason: 'UNKNOWN_INSTITUTION', subject: 'nobody', authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'nobody', issuer: 'no-such-clinic' })}` },
      { name: 'a token naming a kid the institution does not have', reason: 'UNKNOWN_KEY', subject: 'bad-kid', authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'bad-kid', header: { kid: 'k99' } })}` },
      {
        name: 'a tampered payload (another subject, original signature)',
        reason: 'BAD_SIGNATURE',
        subject: 'victim',
        authorization: async () => {
          const [header, , signature] = (await hsToken({ institution: t.institution, subject: 'attacker' })).split('.');
          return `Bearer ${header}.${base64url({ iss: t.institution.row.slug, sub: 'victim', aud: testAudience, iat: now(), exp: now() + 600, roles: ['institution_admin'] })}.${signature}`;
        },
      },
      {
        name: 'a tampered header (kid switched)',
        reason: 'UNKNOWN_KEY',
        subject: 'switched',
        authorization: async () => {
          const [, payload, signature] = (await hsToken({ institution: t.institution, subject: 'switched' })).split('.');
          return `Bearer ${base64url({ alg: 'HS256', kid: 'k2' })}.${payload}.${signature}`;
        },
      },
      { name: 'a token without a subject', reason: 'MISSING_CLAIM', authorization: async () => `Bearer ${await hsToken({ institution: t.institution })}` },
      { name: 'a token without an expiry', reason: 'MISSING_CLAIM', subject: 'no-exp', authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'no-exp', expiresAt: null })}` },
      { name: 'a token with a malformed locale claim', reason: 'MISSING_CLAIM', subject: 'bad-locale', authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'bad-locale', claims: { locale: '<script>' } })}` },
      { name: 'a token with a control character in its name claim', reason: 'MISSING_CLAIM', subject: 'bad-name', authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'bad-name', claims: { name: 'a\u0000b' } })}` },
      { name: 'a token with a right-to-left override in its name claim', reason: 'MISSING_CLAIM', subject: 'rlo-name', authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'rlo-name', claims: { name: 'evil\u202Egnp.exe' } })}` },
      { name: 'a token with a zero-width space in its name claim', reason: 'MISSING_CLAIM', subject: 'zwsp-name', authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'zwsp-name', claims: { name: 'Admin\u200B' } })}` },
      { name: 'a token with an isolate in its name claim', reason: 'MISSING_CLAIM', subject: 'isolate-name', authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'isolate-name', claims: { name: '\u2067Amal\u2069' } })}` },
      { name: 'a token with a name claim longer than a profile allows', reason: 'MISSING_CLAIM', subject: 'long-name', authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'long-name', claims: { name: 'x'.repeat(81) } })}` },
      { name: 'a token with a blank name claim', reason: 'MISSING_CLAIM', subject: 'blank-name', authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'blank-name', claims: { name: '   ' } })}` },
      { name: 'a token with a name claim that is not a string', reason: 'MISSING_CLAIM', subject: 'number-name', authorization: async () => `Bearer ${await hsToken({ institution: t.institution, subject: 'number-name', claims: { name: 42 } })}` },
      {
        name: 'a token signed with HS512',
        reason: 'UNSUPPORTED_ALGORITHM',
        subject: 'hs512',
        authorization: async () =>
          `Bearer ${await new SignJWT({}).setProtectedHeader({ alg: 'HS512', kid: 'k1' }).setIssuer(t.institution.row.slug).setSubject('hs512').setAudience(testAudience).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode(t.institution.secret.repeat(2)))}`,
      },
      {
        name: 'an RS256 token for an institution without a JWKS URL',
        reason: 'UNSUPPORTED_ALGORITHM',
        subject: 'rs-no-jwks',
        authorization: async () => `Bearer ${await asymmetricToken(rsaKey, t.institution, 'rs-no-jwks')}`,
      },
      {
        name: 'an RS256 token signed with a key that was never published (same kid)',
        reason: 'BAD_SIGNATURE',
        subject: 'forged-rs',
        authorization: async () => `Bearer ${await asymmetricToken(unpublishedRsaKey, jwksClinic, 'forged-rs')}`,
      },
      {
        name: 'an RS256 token naming a kid the JWKS does not publish',
        reason: 'UNKNOWN_KEY',
        subject: 'unknown-jwks-kid',
        authorization: async () => `Bearer ${await asymmetricToken(rsaKey, jwksClinic, 'unknown-jwks-kid', {}, 'idp-rsa-9')}`,
      },
      {
        name: 'an ES256 token for another institution (iss of the JWKS t.institution, key published elsewhere)',
        reason: 'BAD_SIGNATURE',
        subject: 'es-elsewhere',
        authorization: async () => `Bearer ${await asymmetricToken({ ...ecKey, privateKey: (await generateKeyPair('ES256')).privateKey }, jwksClinic, 'es-elsewhere')}`,
      },
      {
        name: 'an RS256 token whose institution key set cannot be fetched',
        reason: 'KEY_SET_UNAVAILABLE',
        subject: 'jwks-down',
        authorization: async () => `Bearer ${await asymmetricToken(rsaKey, unreachableJwksClinic, 'jwks-down')}`,
      },
      { name: 'a string that is not a JWT', reason: 'MALFORMED', authorization: async () => 'Bearer not-a-token' },
      { name: 'three parts of garbage', reason: 'MALFORMED', authorization: async () => 'Bearer aaa.bbb.ccc' },
      { name: 'a header that is not JSON', reason: 'MALFORMED', authorization: async () => `Bearer ${base64url('{"alg":')}.${base64url({ sub: 'x' })}.sig` },
      { name: 'a payload that is not JSON', reason: 'MALFORMED', authorization: async () => `Bearer ${base64url({ alg: 'HS256', kid: 'k1' })}.${base64url('nope')}.sig` },
      { name: 'an Authorization header that is not Bearer', reason: 'MALFORMED', authorization: async () => `Basic ${Buffer.from('admin:admin').toString('base64')}` },
      { name: 'a Bearer header with two tokens', reason: 'MALFORMED', authorization: async () => 'Bearer one two' },
      { name: 'an empty Bearer header', reason: 'MALFORMED', authorization: async () => 'Bearer ' },
    ];

    for (const refusal of refusals) {
      it(`refuses ${refusal.name} (${refusal.reason}) with 401, nothing internal, no member created`, async () => {
        const db = api().database.db;
        const before = await databaseFingerprint(db);
        const response = await api().graphql(meQuery, {}, { headers: { authorization: await refusal.authorization() } });
        const text = JSON.stringify(response);
        expect(response.status, text).toBe(401);
        expect(response.data ?? null).toBeNull();
        expect(response.errors).toHaveLength(1);
        expect(response.errors?.[0]?.extensions, text).toEqual({ code: 'UNAUTHENTICATED', reason: refusal.reason });
        expect(text).not.toMatch(internalDetailPattern);
        expect(await databaseFingerprint(db)).toEqual(before);
        if (refusal.subject) expect(await memberRow(t.institution, refusal.subject)).toBeUndefined();
      });
    }
  });

  describe('key rotation as the verifier sees it', () => {
    it('refuses a token naming a retired kid even while the secret still matches', async () => {
      const db = api().database.db;
      const rotating = await createTestInstitution(db);
      const token = await hsToken({ institution: rotating, subject: 'retiree' });
      expect((await api().graphql(meQuery, {}, { token })).status).toBe(200);
      await db.insertInto('sso_keys').values({ institution_id: rotating.row.id, kid: 'k2', secret: 'x'.repeat(43), algorithm: 'HS256' }).execute();
      await db.updateTable('sso_keys').set({ retired_at: new Date() }).where('institution_id', '=', rotating.row.id).where('kid', '=', 'k1').execute();
      const refused = await api().graphql(meQuery, {}, { token });
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'UNKNOWN_KEY' });
      // Without a kid, the retired key is not tried either.
      const noKid = await hsToken({ institution: rotating, subject: 'retiree', header: { kid: undefined } });
      expect((await api().graphql(meQuery, {}, { token: noKid })).errors?.[0]?.extensions?.reason).toBe('BAD_SIGNATURE');
    });
  });
});

