import type { MemberRow } from '../db/tables.js';

/**
 * Who is making a request. Every request has exactly one viewer; the institution is the tenant every query is
 * confined to (a guest may name one with the `X-Hearth-Institution` header to browse its public groups).
 */
export type Viewer =
  | { kind: 'guest'; institutionId: string | null }
  | { kind: 'member'; institutionId: string; member: MemberRow }
  | { kind: 'service'; institutionId: string; serviceTokenId: string };

export const anonymousGuest: Viewer = { kind: 'guest', institutionId: null };

export function viewerMemberId(viewer: Viewer): string | null {
  return viewer.kind === 'member' ? viewer.member.id : null;
}

/** Institution admins and the institution's own backend (service tokens) manage the institution. */
export function isInstitutionManager(viewer: Viewer, institutionId: string): boolean {
  if (viewer.institutionId !== institutionId) return false;
  return viewer.kind === 'service' || (viewer.kind === 'member' && viewer.member.is_institution_admin);
}
