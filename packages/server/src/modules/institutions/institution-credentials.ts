import { randomBytes } from 'node:crypto';
import { generateServiceToken, generateSsoSecret } from '../../auth/service-tokens.js';
import type { Viewer } from '../../auth/viewer.js';
import type { HearthDb } from '../../db/database.js';
import type { ServiceTokenRow, SsoKeyRow } from '../../db/tables.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../schema/errors.js';
import {
  countActiveServiceTokens,
  findActiveSsoKeys,
  findServiceTokensByIds,
  findSsoKey,
  insertServiceToken,
  insertSsoKey,
  lockInstitution,
  retireSsoKey,
  revokeServiceToken,
} from './institution.queries.js';
import { otherInstitutionRefusal, serviceTokenCreationRefusal, ssoKeyRetirementRefusal, ssoKeyRotationRefusal } from './institution.rules.js';

/**
 * An institution's credentials: the SSO keys its backend signs members' tokens with, and the service tokens its
 * backend calls the admin API with. Secrets are generated here and returned once; each change runs in one
 * transaction under the institution's row lock, so concurrent admins cannot break the rules in rules.ts.
 */

/** A readable, sortable, unguessable-enough key id: the day it was made and a random suffix. */
function newKid(now: Date): string {
  return `k${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
}

async function lockOwnInstitution(trx: HearthDb, institutionId: string) {
  const institution = await lockInstitution(trx, institutionId);
  if (!institution) throw new NotFoundError('No such institution.');
  return institution;
}

/** Adds a key that verifies tokens from now on; the older keys keep working until they are retired. */
export async function rotateSsoKey(db: HearthDb, institutionId: string): Promise<{ key: SsoKeyRow; secret: string }> {
  return db.transaction().execute(async (trx) => {
    await lockOwnInstitution(trx, institutionId);
    const refusal = ssoKeyRotationRefusal(await findActiveSsoKeys(trx, institutionId));
    if (refusal) throw new ConflictError(refusal);
    const secret = generateSsoSecret();
    const key = await insertSsoKey(trx, { institutionId, kid: newKid(new Date()), secret });
    return { key, secret };
  });
}

/** Stops a key verifying tokens: a token naming its kid is refused from now on. */
export async function retireSsoKeyOf(db: HearthDb, institutionId: string, kid: string): Promise<SsoKeyRow> {
  return db.transaction().execute(async (trx) => {
    const institution = await lockOwnInstitution(trx, institutionId);
    const key = await findSsoKey(trx, institutionId, kid);
    if (!key) throw new NotFoundError(`This institution has no SSO key "${kid}".`);
    const refusal = ssoKeyRetirementRefusal(institution, key, await findActiveSsoKeys(trx, institutionId));
    if (refusal) throw new ConflictError(refusal);
    const retired = await retireSsoKey(trx, institutionId, kid);
    if (!retired) throw new ConflictError(`Key "${kid}" is already retired.`);
    return retired;
  });
}

/** A new service token; only its SHA-256 digest is stored, the token itself is returned this once. */
export async function createServiceToken(db: HearthDb, institutionId: string, name: string): Promise<{ serviceToken: ServiceTokenRow; token: string }> {
  return db.transaction().execute(async (trx) => {
    await lockOwnInstitution(trx, institutionId);
    const refusal = serviceTokenCreationRefusal(await countActiveServiceTokens(trx, institutionId));
    if (refusal) throw new ConflictError(refusal);
    const { token, tokenHash } = generateServiceToken();
    const serviceToken = await insertServiceToken(trx, { institutionId, name, tokenHash });
    return { serviceToken, token };
  });
}

/** Revokes a token of the viewer's institution. Revoking a revoked token again changes nothing. */
export async function revokeServiceTokenFor(db: HearthDb, viewer: Viewer, serviceTokenId: string): Promise<ServiceTokenRow> {
  const [token] = await findServiceTokensByIds(db, [serviceTokenId]);
  if (!token) throw new NotFoundError('No such service token.');
  const refusal = otherInstitutionRefusal(viewer, token);
  if (refusal) throw new ForbiddenError(refusal);
  if (token.revoked_at) return token;
  // Undefined when a concurrent request revoked it first: read back the row that request wrote.
  return (await revokeServiceToken(db, token.institution_id, token.id)) ?? (await findServiceTokensByIds(db, [token.id]))[0]!;
}
