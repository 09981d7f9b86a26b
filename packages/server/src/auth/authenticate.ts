import type { HearthDb } from '../db/database.js';
import { findInstitutionBySlug, findServiceTokenByHash, touchServiceToken } from '../modules/institutions/institution.queries.js';
import { upsertMemberFromClaims } from '../modules/members/member.queries.js';
import { hashServiceToken, looksLikeServiceToken } from './service-tokens.js';
import { TokenRejectedError, verifySsoToken } from './sso-tokens.js';
import type { Viewer } from './viewer.js';
import { slugText } from '../schema/text-input.js';

/** `lastUsedAt` of a service token is kept to this precision, so a busy backend's requests cost no extra write. */
const lastUsedPrecisionMs = 60_000;

/** Header a guest (no token) uses to say which institution's public groups they are browsing. */
export const institutionHeader = 'x-hearth-institution';

/**
 * Turns a request's credentials into its viewer. No `Authorization` header means a guest; a header that is
 * present but wrong is refused (a broken token must not silently degrade to guest access).
 */
export async function authenticate(db: HearthDb, request: Request, audience: string): Promise<Viewer> {
  const authorization = request.headers.get('authorization');
  if (!authorization) {
    const slug = request.headers.get(institutionHeader);
    const named = slug?.trim().toLowerCase();
    // A header that is no slug names no institution (and never reaches the database).
    const institution = named && slugText.safeParse(named).success ? await findInstitutionBySlug(db, named) : undefined;
    return { kind: 'guest', institutionId: institution?.id ?? null };
  }
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new TokenRejectedError('MALFORMED', 'The Authorization header must be "Bearer <token>".');
  const token = match[1]!;

  if (looksLikeServiceToken(token)) {
    const row = await findServiceTokenByHash(db, hashServiceToken(token));
    if (!row) throw new TokenRejectedError('UNKNOWN_TOKEN', 'The service token is unknown.');
    if (row.revoked_at) throw new TokenRejectedError('REVOKED', 'The service token has been revoked.');
    const now = new Date();
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > lastUsedPrecisionMs) await touchServiceToken(db, row.id, now);
    return { kind: 'service', institutionId: row.institution_id, serviceTokenId: row.id };
  }

  const verified = await verifySsoToken(db, token, audience);
  const member = await upsertMemberFromClaims(
    db,
    {
      institutionId: verified.institution.id,
      externalId: verified.subject,
      displayName: verified.name,
      locale: verified.locale,
      isInstitutionAdmin: verified.institutionAdmin,
    },
    verified.institution.default_locale,
  );
  return { kind: 'member', institutionId: verified.institution.id, member };
}
