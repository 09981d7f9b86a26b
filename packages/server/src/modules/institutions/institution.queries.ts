import type { HearthDb } from '../../db/database.js';
import type { InstitutionRow, ServiceTokenRow, SsoKeyRow } from '../../db/tables.js';

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

export async function updateInstitution(
  db: HearthDb,
  id: string,
  changes: Partial<Pick<InstitutionRow, 'name' | 'default_locale' | 'allowed_origins' | 'jwks_url'>>,
): Promise<InstitutionRow> {
  return db
    .updateTable('institutions')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every origin any institution allows to embed Hearth; CORS answers only these. */
export async function listAllowedOrigins(db: HearthDb): Promise<string[]> {
  const rows = await db.selectFrom('institutions').select('allowed_origins').execute();
  return [...new Set(rows.flatMap((row) => row.allowed_origins))];
}

/** Keys that still verify tokens: the current one and any not yet retired after a rotation. */
export async function findActiveSsoKeys(db: HearthDb, institutionId: string): Promise<SsoKeyRow[]> {
  return db
    .selectFrom('sso_keys')
    .selectAll()
    .where('institution_id', '=', institutionId)
    .where('retired_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
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

export async function findServiceTokenByHash(db: HearthDb, tokenHash: string): Promise<ServiceTokenRow | undefined> {
  return db
    .selectFrom('service_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
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

export async function listServiceTokens(db: HearthDb, institutionId: string): Promise<ServiceTokenRow[]> {
  return db
    .selectFrom('service_tokens')
    .selectAll()
    .where('institution_id', '=', institutionId)
    .orderBy('created_at', 'desc')
    .execute();
}
