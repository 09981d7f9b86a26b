import { isInstitutionManager, type Viewer } from '../../auth/viewer.js';

/** How much of an institution's group list a viewer finds (see `visibleIn` in discovery.queries.ts). */
export type ListingScope =
  /** The institution's admins and service tokens: every group, whatever its visibility. */
  | { kind: 'everything' }
  /** A member of the institution: public groups, and private ones they belong to. */
  | { kind: 'publicAndJoined'; memberId: string }
  /** Guests, and members of other institutions: public groups only. */
  | { kind: 'public' };

/**
 * What the viewer may find among `institutionId`'s groups. Naming another institution is allowed and shows
 * exactly what a guest would see there: its public groups are public data, so refusing would protect nothing,
 * and a viewer's memberships and admin rights never reach across institutions.
 */
export function listingScope(viewer: Viewer, institutionId: string): ListingScope {
  if (isInstitutionManager(viewer, institutionId)) return { kind: 'everything' };
  if (viewer.kind === 'member' && viewer.institutionId === institutionId) return { kind: 'publicAndJoined', memberId: viewer.member.id };
  return { kind: 'public' };
}
