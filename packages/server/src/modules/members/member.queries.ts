import type { HearthDb } from '../../db/database.js';
import type { MemberRow } from '../../db/tables.js';

export async function findMembersByIds(db: HearthDb, ids: readonly string[]): Promise<MemberRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('members').selectAll().where('id', 'in', ids).execute();
}

/** What an SSO token says about its user; `undefined` leaves the stored value as it is. */
export interface MemberClaims {
  institutionId: string;
  externalId: string;
  displayName?: string | undefined;
  locale?: string | undefined;
  isInstitutionAdmin?: boolean | undefined;
}

/**
 * Creates the member on their first token and keeps name, locale and admin flag in step with later ones.
 * Reads first and writes only when something changed, so an ordinary request costs one statement.
 */
export async function upsertMemberFromClaims(db: HearthDb, claims: MemberClaims, fallbackLocale: string): Promise<MemberRow> {
  const existing = await db
    .selectFrom('members')
    .selectAll()
    .where('institution_id', '=', claims.institutionId)
    .where('external_id', '=', claims.externalId)
    .executeTakeFirst();
  if (!existing) {
    return db
      .insertInto('members')
      .values({
        institution_id: claims.institutionId,
        external_id: claims.externalId,
        display_name: claims.displayName ?? 'Member',
        locale: claims.locale ?? fallbackLocale,
        is_institution_admin: claims.isInstitutionAdmin ?? false,
      })
      .onConflict((conflict) =>
        conflict.columns(['institution_id', 'external_id']).doUpdateSet((eb) => ({ updated_at: eb.ref('excluded.updated_at') })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  const changes: Partial<Pick<MemberRow, 'display_name' | 'locale' | 'is_institution_admin'>> = {};
  if (claims.displayName !== undefined && claims.displayName !== existing.display_name) changes.display_name = claims.displayName;
  if (claims.locale !== undefined && claims.locale !== existing.locale) changes.locale = claims.locale;
  if (claims.isInstitutionAdmin !== undefined && claims.isInstitutionAdmin !== existing.is_institution_admin) {
    changes.is_institution_admin = claims.isInstitutionAdmin;
  }
  if (Object.keys(changes).length === 0) return existing;
  return db
    .updateTable('members')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', existing.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateMemberProfile(
  db: HearthDb,
  id: string,
  changes: Partial<Pick<MemberRow, 'display_name' | 'locale' | 'bio' | 'credential' | 'is_institution_admin'>>,
): Promise<MemberRow> {
  return db
    .updateTable('members')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
