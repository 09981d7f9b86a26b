import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { isInstitutionManager, type Viewer } from '../../auth/viewer.js';
import type { GroupRole, MembershipRow, MembershipStatus } from '../../db/tables.js';

/**
 * The standing rules, each written once in TypeScript (for rows already loaded) and once in SQL (for queries
 * that filter or join on them). Every access check, list and widget field calls these; nothing else spells out
 * which statuses or roles count. The SQL forms take the alias of a `memberships` row so they fit both query
 * builder chains (`.where(membershipInForceSql('m'))`) and raw statements (`${membershipInForceSql('m')}`).
 *
 * - Seat holder: ACTIVE or SUSPENDED. Holds a seat (counts against capacity) and reads the group's
 *   conversations: a suspension silences, it doesn't lock out.
 * - Active member ("in force"): ACTIVE, or SUSPENDED with the suspension over. Takes part: posts, replies, reacts.
 *   A suspension ends by itself at `suspended_until`, without a job to lift it, so every path must treat an
 *   ended suspension as ACTIVE — the reason these rules live in one place.
 * - Facilitator: an active member with a facilitator role (peer or professional).
 * - Professional facilitator: an active member with the professional role.
 * - Manager: the institution's admins and its own backend (service tokens); they act as facilitators of every
 *   group of their institution. A property of the viewer, not of a membership (auth/viewer.ts).
 */

type Standing = Pick<MembershipRow, 'status' | 'suspended_until'>;

export const seatHoldingStatuses: ReadonlySet<MembershipStatus> = new Set<MembershipStatus>(['ACTIVE', 'SUSPENDED']);
export const facilitatorRoles: readonly GroupRole[] = ['PEER_FACILITATOR', 'PROFESSIONAL_FACILITATOR'];

export function holdsSeat(membership: Pick<MembershipRow, 'status'>): boolean {
  return seatHoldingStatuses.has(membership.status);
}

export function holdsSeatSql(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.status`)} in ('ACTIVE', 'SUSPENDED'))`;
}

/** An active member: ACTIVE, or SUSPENDED with the suspension over. */
export function isMembershipInForce(membership: Standing, now = new Date()): boolean {
  if (membership.status === 'ACTIVE') return true;
  return membership.status === 'SUSPENDED' && membership.suspended_until !== null && membership.suspended_until <= now;
}

export function membershipInForceSql(alias: string): RawBuilder<SqlBool> {
  const status = sql.ref(`${alias}.status`);
  return sql<SqlBool>`(${status} = 'ACTIVE' or (${status} = 'SUSPENDED' and ${sql.ref(`${alias}.suspended_until`)} <= now()))`;
}

export function isFacilitatorRole(role: GroupRole | null): boolean {
  return role !== null && facilitatorRoles.includes(role);
}

/** A facilitator of the membership's group: a facilitator role, on a membership in force. */
export function isFacilitatorMembership(membership: Standing & Pick<MembershipRow, 'role'>, now = new Date()): boolean {
  return isMembershipInForce(membership, now) && isFacilitatorRole(membership.role);
}

export function facilitatorMembershipSql(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.role`)} in ('PEER_FACILITATOR', 'PROFESSIONAL_FACILITATOR') and ${membershipInForceSql(alias)})`;
}

export function isProfessionalFacilitatorMembership(membership: Standing & Pick<MembershipRow, 'role'>, now = new Date()): boolean {
  return isMembershipInForce(membership, now) && membership.role === 'PROFESSIONAL_FACILITATOR';
}

export function professionalFacilitatorMembershipSql(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.role`)} = 'PROFESSIONAL_FACILITATOR' and ${membershipInForceSql(alias)})`;
}

/** The role a membership gives its member right now: none unless it is in force. */
export function roleInForce(membership: (Standing & Pick<MembershipRow, 'role'>) | null | undefined, now = new Date()): GroupRole | null {
  return membership && isMembershipInForce(membership, now) ? membership.role : null;
}

export { isInstitutionManager };

/** The manager rule in SQL: true for rows of the institution the viewer manages (`column` holds an institution id). */
export function managedByViewerSql(viewer: Viewer, column: string): RawBuilder<SqlBool> {
  const institutionId = viewer.institutionId;
  if (!institutionId || !isInstitutionManager(viewer, institutionId)) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.ref(column)} = ${institutionId}::uuid)`;
}
