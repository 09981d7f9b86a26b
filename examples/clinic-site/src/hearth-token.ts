import { SignJWT } from 'jose';
import type { Edition, SiteUser } from './editions.js';

/**
 * The SSO keys the site signs with, one per hospital: what `hearth institution create` printed, kept in the
 * host's own backend configuration. (The demo's are in the credentials file `hearth dev` writes.)
 */
export interface SsoCredentials {
  institutions: Array<{ slug: string; kid: string; secret: string }>;
}

/** Thrown when the site has no key for a hospital: the API has not seeded the demo yet, or the file is elsewhere. */
export class MissingCredentialsError extends Error {
  override name = 'MissingCredentialsError';
}

/** How long a token lives: the widgets ask for a new one when Hearth refuses an expired token. */
const tokenLifetimeSeconds = 10 * 60;

/**
 * What the site's backend does for its signed-in user: vouch for them to Hearth with a short-lived JWT, signed
 * HS256 with the hospital's SSO secret and naming the key (`kid`), its issuer being the hospital's slug.
 */
export async function signHearthToken(
  credentials: SsoCredentials,
  edition: Edition,
  user: SiteUser,
  audience: string,
): Promise<string> {
  const key = credentials.institutions.find((institution) => institution.slug === edition.institution);
  if (!key) throw new MissingCredentialsError(`No SSO key for "${edition.institution}" in the site's credentials.`);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: user.name, locale: edition.lang, ...(user.admin ? { roles: ['institution_admin'] } : {}) })
    .setProtectedHeader({ alg: 'HS256', kid: key.kid })
    .setIssuer(edition.institution)
    .setSubject(user.externalId)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + tokenLifetimeSeconds)
    .sign(new TextEncoder().encode(key.secret));
}
