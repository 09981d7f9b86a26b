import type { HearthDb } from '../../db/database.js';
import type { CrisisPostHandling, InstitutionRow, ServiceTokenRow, SsoKeyRow } from '../../db/tables.js';

export async function findInstitutionBySlug(db: HearthDb, slug: string): Promise<InstitutionRow | undefined> {
  return db.selectFrom('institutions').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findInstitutionsByIds(db: HearthDb, ids: readonly string[]): Promise<InstitutionRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('institutions').selectAll().where('id', 'in', ids).execute();
}

export interface NewInstitution {
  slug: string;
  name: string;
  defaultLocale: string;
  allowedOrigins: string[];
  jwksUrl?: string | null;
}

export async function insertInstitution(db: HearthDb, institution: NewInstitution): Promise<InstitutionRow> {
  return db
    .insertInto('institutions')
    .values({
      slug: institution.slug,
      name: institution.name,
      default_locale: institution.defaultLocale,
      allowed_origins: institution.allowedOrigins,
      jwks_url: institution.jwksUrl ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The settings updateInstitution may change. */
export type InstitutionChanges = Partial<Pick<InstitutionRow, 'name' | 'default_locale' | 'allowed_origins' | 'jwks_url' | 'crisis_classifier_url' | 'crisis_post_handling'>>;

export async function updateInstitution(db: HearthDb, id: string, changes: InstitutionChanges): Promise<InstitutionRow> {
  return db
    .updateTable('institutions')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The institution's own crisis classifier, or null when it has none (or the institution is gone). */
export async function findCrisisClassifierUrl(db: HearthDb, institutionId: string): Promise<string | null> {
  const row = await db.selectFrom('institutions').select('crisis_classifier_url').where('id', '=', institutionId).executeTakeFirst();
  return row?.crisis_classifier_url ?? null;
}

/** Every origin any institution allows to embed Hearth; CORS answers only these. */
export async function listAllowedOrigins(db: HearthDb): Promise<string[]> {
  const rows = await db.selectFrom('institutions').select('allowed_origins').execute();
  return [...new Set(rows.flatMap((row) => row.allowed_origins))];
}

/**
 * Takes the institution's row lock for the rest of the transaction, so that key rotations, retirements and token
 * creations of one institution run one after another (two admins retiring the last two keys at once must not
 * leave none).
 */
export async function lockInstitution(trx: HearthDb, institutionId: string): Promise<InstitutionRow | undefined> {
  return trx.selectFrom('institutions').selectAll().where('id', '=', institutionId).forUpdate().executeTakeFirst();
}

/** Keys that still verify tokens: the current one and any not yet retired after a rotation. */
export async function findActiveSsoKeys(db: HearthDb, institutionId: string): Promise<SsoKeyRow[]> {
  return db
    .selectFrom('sso_keys')
    .selectAll()
    .where('institution_id', '=', institutionId)
    .where('retired_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('kid', 'desc')
    .execute();
}

/** Every key of these institutions, retired ones included, newest first (for the admin API: no secrets leave). */
export async function listSsoKeysOfInstitutions(db: HearthDb, institutionIds: readonly string[]): Promise<SsoKeyRow[]> {
  if (institutionIds.length === 0) return [];
  return db
    .selectFrom('sso_keys')
    .selectAll()
    .where('institution_id', 'in', institutionIds)
    .orderBy('created_at', 'desc')
    .orderBy('kid', 'desc')
    .execute();
}

export async function findSsoKey(db: HearthDb, institutionId: string, kid: string): Promise<SsoKeyRow | undefined> {
  return db.selectFrom('sso_keys').selectAll().where('institution_id', '=', institutionId).where('kid', '=', kid).executeTakeFirst();
}

export async function insertSsoKey(
  db: HearthDb,
  key: { institutionId: string; kid: string; secret: string },
): Promise<SsoKeyRow> {
  return db
    .insertInto('sso_keys')
    .values({ institution_id: key.institutionId, kid: key.kid, secret: key.secret, algorithm: 'HS256' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function retireSsoKey(db: HearthDb, institutionId: string, kid: string): Promise<SsoKeyRow | undefined> {
  return db
    .updateTable('sso_keys')
    .set({ retired_at: new Date() })
    .where('institution_id', '=', institutionId)
    .where('kid', '=', kid)
    .where('retired_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** A service token by the digest of its secret, revoked or not (the caller tells the two apart). */
export async function findServiceTokenByHash(db: HearthDb, tokenHash: string): Promise<ServiceTokenRow | undefined> {
  return db.selectFrom('service_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Records that a service token was used; callers throttle it so an ordinary request costs no write. */
export async function touchServiceToken(db: HearthDb, id: string, at: Date): Promise<void> {
  await db.updateTable('service_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function findServiceTokensByIds(db: HearthDb, ids: readonly string[]): Promise<ServiceTokenRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('service_tokens').selectAll().where('id', 'in', ids).execute();
}

export async function insertServiceToken(
  db: HearthDb,
  token: { institutionId: string; name: string; tokenHash: string },
): Promise<ServiceTokenRow> {
  return db
    .insertInto('service_tokens')
    .values({ institution_id: token.institutionId, name: token.name, token_hash: token.tokenHash })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function revokeServiceToken(db: HearthDb, institutionId: string, id: string): Promise<ServiceTokenRow | undefined> {
  return db
    .updateTable('service_tokens')
    .set({ revoked_at: new Date() })
    .where('institution_id', '=', institutionId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function countActiveServiceTokens(db: HearthDb, institutionId: string): Promise<number> {
  const row = await db
    .selectFrom('service_tokens')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('institution_id', '=', institutionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Every service token of these institutions, revoked ones included, newest first. */
export async function listServiceTokensOfInstitutions(db: HearthDb, institutionIds: readonly string[]): Promise<ServiceTokenRow[]> {
  if (institutionIds.length === 0) return [];
  return db
    .selectFrom('service_tokens')
    .selectAll()
    .where('institution_id', 'in', institutionIds)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** What the institution does with a post or reply in crisis (publish behind a warning, or hold for a facilitator). */
export async function findCrisisPostHandling(db: HearthDb, institutionId: string): Promise<CrisisPostHandling> {
  const row = await db.selectFrom('institutions').select('crisis_post_handling').where('id', '=', institutionId).executeTakeFirst();
  return row?.crisis_post_handling ?? 'PUBLISH_WITH_WARNING';
}
