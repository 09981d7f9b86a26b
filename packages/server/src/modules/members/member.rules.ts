import type { RequestAccess } from '../../auth/request-access.js';
import type { MemberRow } from '../../db/tables.js';

/**
 * Who may read a member's profile (name, bio, locale): the member, their institution's managers, and a
 * facilitator of a group the member has joined or applied to. Everyone else sees pseudonyms only.
 */
export async function memberProfileVisibleTo(access: RequestAccess, member: MemberRow): Promise<boolean> {
  const viewer = access.viewer;
  if (viewer.kind === 'member' && viewer.member.id === member.id) return true;
  if (access.managesInstitution(member.institution_id)) return true;
  if (viewer.kind !== 'member' || viewer.institutionId !== member.institution_id) return false;
  return access.facilitatesAnyGroupOf(member.id);
}
