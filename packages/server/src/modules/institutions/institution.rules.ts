import type { Viewer } from '../../auth/viewer.js';
import type { InstitutionRow, MemberRow, SsoKeyRow } from '../../db/tables.js';

/**
 * Who may change an institution's credentials and admins, beyond the `institutionManager` scope the fields
 * declare: the target must belong to the manager's own institution, and some changes would lock people out.
 */

/** At most this many SSO keys verify tokens at once; more would only mean forgotten rotations. */
export const maxActiveSsoKeys = 5;
/** At most this many live service tokens per institution: one per backend, with room to rotate. */
export const maxActiveServiceTokens = 25;

/** Why the viewer may not act on a row of another institution, or null when it is their own. */
export function otherInstitutionRefusal(viewer: Viewer, row: { institution_id: string }): string | null {
  return viewer.institutionId === row.institution_id ? null : 'This belongs to another institution.';
}

/**
 * Why a key may not be retired, or null. Retiring the last active key would leave the institution without any
 * way to sign its members in, unless its backend signs with keys published at a JWKS URL instead.
 */
export function ssoKeyRetirementRefusal(institution: InstitutionRow, key: SsoKeyRow, activeKeys: SsoKeyRow[]): string | null {
  if (key.retired_at) return `Key "${key.kid}" is already retired.`;
  const othersActive = activeKeys.some((active) => active.kid !== key.kid);
  if (!othersActive && !institution.jwks_url) {
    return `Key "${key.kid}" is the institution's last active SSO key; rotate to a new key (or set a JWKS URL) before retiring it.`;
  }
  return null;
}

export function ssoKeyRotationRefusal(activeKeys: SsoKeyRow[]): string | null {
  return activeKeys.length >= maxActiveSsoKeys
    ? `${maxActiveSsoKeys} SSO keys are already active; retire one before adding another.`
    : null;
}

export function serviceTokenCreationRefusal(activeTokens: number): string | null {
  return activeTokens >= maxActiveServiceTokens
    ? `${maxActiveServiceTokens} service tokens are already active; revoke one before creating another.`
    : null;
}

/**
 * Why the viewer may not make `member` an admin (or stop them being one), or null. Nobody removes their own admin
 * rights: an institution must not lose its last admin by a slip, and another admin can always do it.
 */
export function adminChangeRefusal(viewer: Viewer, member: MemberRow, admin: boolean): string | null {
  const elsewhere = otherInstitutionRefusal(viewer, member);
  if (elsewhere) return elsewhere;
  if (!admin && viewer.kind === 'member' && viewer.member.id === member.id) {
    return 'You cannot remove your own admin rights; ask another admin.';
  }
  return null;
}
