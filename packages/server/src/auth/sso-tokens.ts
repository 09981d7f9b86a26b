import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { isDatabaseUnavailable } from '../db/availability.js';
import type { HearthDb } from '../db/database.js';
import type { InstitutionRow, SsoKeyRow } from '../db/tables.js';
import { findActiveSsoKeys, findInstitutionBySlug } from '../modules/institutions/institution.queries.js';
import { readDisplayName, slugText } from '../schema/text-input.js';

/**
 * Host-site SSO (design section 4). An institution's backend signs a short-lived JWT for its signed-in user:
 * `iss` is the institution's slug, `sub` the user's id in the host's system, `aud` Hearth's audience, and the
 * header's `kid` names the key. HS256 tokens are checked against the institution's shared secrets (several may be
 * live during a rotation); RS256/ES256 tokens against the keys published at the institution's JWKS URL.
 */

export type TokenRejection =
  | 'MALFORMED'
  | 'UNSIGNED'
  | 'UNSUPPORTED_ALGORITHM'
  | 'UNKNOWN_INSTITUTION'
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'WRONG_AUDIENCE'
  | 'MISSING_CLAIM'
  | 'KEY_SET_UNAVAILABLE'
  | 'UNKNOWN_TOKEN'
  | 'REVOKED';

/** A token Hearth refuses; the request fails with HTTP 401 and `extensions.code = 'UNAUTHENTICATED'`. */
export class TokenRejectedError extends Error {
  override name = 'TokenRejectedError';
  constructor(readonly reason: TokenRejection, message: string) {
    super(message);
  }
}

export interface VerifiedSsoToken {
  institution: InstitutionRow;
  subject: string;
  name: string | undefined;
  locale: string | undefined;
  /** `true`/`false` when the token carries a `roles` claim; `undefined` leaves the stored flag alone. */
  institutionAdmin: boolean | undefined;
}

const asymmetricAlgorithms = ['RS256', 'ES256'] as const;
/** Longest lifetime Hearth accepts, whatever `exp` says: SSO tokens are meant to be short-lived. */
const maxTokenAge = '24h';
/** Allowed clock difference between the host's servers and Hearth's. */
const clockTolerance = 30;

const remoteKeySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function remoteKeySet(url: string): ReturnType<typeof createRemoteJWKSet> {
  let keySet = remoteKeySets.get(url);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
    remoteKeySets.set(url, keySet);
  }
  return keySet;
}

function reject(reason: TokenRejection, message: string): never {
  throw new TokenRejectedError(reason, message);
}

function translateJoseError(error: unknown): never {
  if (error instanceof TokenRejectedError) throw error;
  if (error instanceof joseErrors.JWTExpired) reject('EXPIRED', 'The token has expired.');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') reject('MISSING_CLAIM', `The token has no "${error.claim}" claim.`);
    if (error.claim === 'aud') reject('WRONG_AUDIENCE', 'The token was issued for another audience.');
    // jose reports an `iat` in the future here (one too far in the past is a JWTExpired, above).
    if (error.claim === 'nbf' || error.claim === 'iat') reject('NOT_YET_VALID', 'The token is not valid yet.');
    reject('MISSING_CLAIM', `The token's "${error.claim}" claim is missing or invalid.`);
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) reject('BAD_SIGNATURE', 'The token signature is not valid.');
  if (error instanceof joseErrors.JWKSNoMatchingKey) reject('UNKNOWN_KEY', 'No published key matches the token.');
  if (error instanceof joseErrors.JOSEAlgNotAllowed) reject('UNSUPPORTED_ALGORITHM', 'The token algorithm is not accepted.');
  // The institution's key set could not be fetched or read: not the token's fault, so say so rather than MALFORMED.
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid || isFetchFailure(error)) {
    reject('KEY_SET_UNAVAILABLE', "The institution's published keys could not be read; try again shortly.");
  }
  // The shared secrets are read inside the verifying try; a database outage there is no fault of the token (a 401
  // would sign the member out) and becomes the request's 503.
  if (isDatabaseUnavailable(error)) throw error;
  reject('MALFORMED', 'The token could not be verified.');
}

/**
 * A JWKS download that failed: fetch's own TypeError (connection refused, DNS), or jose's generic error for a
 * response that is not 200 or not JSON.
 */
function isFetchFailure(error: unknown): boolean {
  if (error instanceof TypeError) return /fetch failed/i.test(error.message);
  return error instanceof joseErrors.JOSEError && error.code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set/.test(error.message);
}

const controlCharacters = /[\u0000-\u001F\u007F]/;
/** The same shape the API accepts for a locale (schema/text-input.ts `languageTag`). */
const languageTagPattern = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A claim the member row stores: trimmed, NFC, one line; anything else refuses the token rather than store it. */
function claimString(payload: JWTPayload, name: string, maxLength: number): string | undefined {
  const value = payload[name];
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' ? value.normalize('NFC').trim() : '';
  if (text === '' || text.length > maxLength || controlCharacters.test(text)) {
    reject('MISSING_CLAIM', `The token's "${name}" claim must be a single-line string of 1 to ${maxLength} characters.`);
  }
  return text;
}

/**
 * The `name` claim, under the rule a profile edit's display name follows (schema/text-input.ts): a name the member
 * couldn't type into their profile refuses the token instead of being stored and shown.
 */
function nameClaim(payload: JWTPayload): string | undefined {
  if (payload.name === undefined || payload.name === null) return undefined;
  const read = readDisplayName(payload.name);
  if ('problem' in read) reject('MISSING_CLAIM', `The token's "name" claim is not a name Hearth can show: ${read.problem}`);
  return read.name;
}

export async function verifySsoToken(db: HearthDb, token: string, audience: string): Promise<VerifiedSsoToken> {
  let algorithm: string | undefined;
  let kid: string | undefined;
  let issuer: unknown;
  try {
    const header = decodeProtectedHeader(token);
    algorithm = header.alg;
    kid = header.kid;
    issuer = decodeJwt(token).iss;
  } catch {
    reject('MALFORMED', 'The token is not a well-formed JWT.');
  }
  if (!algorithm || algorithm.toLowerCase() === 'none') reject('UNSIGNED', 'Unsigned tokens are not accepted.');
  if (typeof issuer !== 'string' || issuer === '') reject('MISSING_CLAIM', 'The token has no "iss" claim.');
  // Only a slug can name an institution; anything else (a NUL byte, 10,000 characters) is refused before the
  // database sees it.
  if (!slugText.safeParse(issuer).success) reject('UNKNOWN_INSTITUTION', 'The token was issued by an unknown institution.');
  const institution = await findInstitutionBySlug(db, issuer);
  if (!institution) reject('UNKNOWN_INSTITUTION', 'The token was issued by an unknown institution.');

  const options = { audience, issuer: institution.slug, clockTolerance, maxTokenAge, requiredClaims: ['sub', 'exp', 'iat'] };
  let payload: JWTPayload;
  try {
    if (algorithm === 'HS256') {
      payload = await verifyWithSharedSecrets(token, await findActiveSsoKeys(db, institution.id), kid, options);
    } else if ((asymmetricAlgorithms as readonly string[]).includes(algorithm)) {
      if (!institution.jwks_url) reject('UNSUPPORTED_ALGORITHM', 'This institution has no JWKS URL for RS256/ES256 tokens.');
      ({ payload } = await jwtVerify(token, remoteKeySet(institution.jwks_url), { ...options, algorithms: [...asymmetricAlgorithms] }));
    } else {
      reject('UNSUPPORTED_ALGORITHM', `Tokens signed with ${algorithm} are not accepted.`);
    }
  } catch (error) {
    translateJoseError(error);
  }

  const roles = payload.roles;
  const locale = claimString(payload, 'locale', 35);
  if (locale !== undefined && !languageTagPattern.test(locale)) {
    reject('MISSING_CLAIM', 'The token\'s "locale" claim must be a language tag such as "en" or "ar-EG".');
  }
  return {
    institution,
    subject: claimString(payload, 'sub', 200)!,
    name: nameClaim(payload),
    locale,
    institutionAdmin: Array.isArray(roles) ? roles.includes('institution_admin') : undefined,
  };
}

async function verifyWithSharedSecrets(
  token: string,
  keys: SsoKeyRow[],
  kid: string | undefined,
  options: Parameters<typeof jwtVerify>[2],
): Promise<JWTPayload> {
  // With a kid, only that key may verify (a retired kid fails even if its secret leaked); without one, any live key.
  const candidates = kid === undefined ? keys : keys.filter((key) => key.kid === kid);
  if (candidates.length === 0) reject('UNKNOWN_KEY', 'The token names a key this institution does not have (or has retired).');
  let lastError: unknown;
  for (const key of candidates) {
    try {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(key.secret), { ...options, algorithms: ['HS256'] });
      return payload;
    } catch (error) {
      lastError = error;
      if (!(error instanceof joseErrors.JWSSignatureVerificationFailed)) break;
    }
  }
  throw lastError;
}

export interface SsoTokenRequest {
  institutionSlug: string;
  kid: string;
  secret: string;
  subject: string;
  name?: string;
  locale?: string;
  roles?: string[];
  audience: string;
  /** Lifetime, in jose's notation. @default '1h' */
  expiresIn?: string;
}

/** Signs a token the way an institution's backend would (used by `hearth token`, the examples and the tests). */
export async function signSsoToken(request: SsoTokenRequest): Promise<string> {
  const claims: JWTPayload = {};
  if (request.name) claims.name = request.name;
  if (request.locale) claims.locale = request.locale;
  if (request.roles) claims.roles = request.roles;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', kid: request.kid, typ: 'JWT' })
    .setIssuer(request.institutionSlug)
    .setSubject(request.subject)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(request.secret));
}
