import DataLoader from 'dataloader';
import type { HearthDb } from '../db/database.js';
import type { GroupRole, GroupRow, MembershipRow } from '../db/tables.js';
import { findGroupsByIds } from '../modules/groups/group.queries.js';
import {
  holdsSeat,
  isFacilitatorRole,
  roleInForce,
} from '../modules/memberships/membership-standing.queries.js';
import { findMembershipsOfMember, findMembersInGroupsFacilitatedBy } from '../modules/memberships/membership.queries.js';
import { isInstitutionManager, type Viewer } from './viewer.js';


/**
 * The viewer's standing in groups, loaded at most once per request and batched: authorization scopes, visibility
 * filters and resolvers all ask through here, so checking ten groups costs one query, not ten.
 */
export class RequestAccess {
  private readonly groups: DataLoader<string, GroupRow | null>;
  private readonly viewerMemberships: DataLoader<string, MembershipRow | null>;
  private readonly facilitatedMembers: DataLoader<string, boolean>;

  constructor(
    private readonly db: HearthDb,
    readonly viewer: Viewer,
  ) {
    this.groups = new DataLoader(async (ids) => {
      const rows = await findGroupsByIds(db, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    const memberId = viewer.kind === 'member' ? viewer.member.id : null;
    this.viewerMemberships = new DataLoader(async (groupIds) => {
      if (!memberId) return groupIds.map(() => null);
      const rows = await findMembershipsOfMember(db, memberId, groupIds);
      const byGroup = new Map(rows.map((row) => [row.group_id, row]));
      return groupIds.map((id) => byGroup.get(id) ?? null);
    });
    this.facilitatedMembers = new DataLoader(async (memberIds) => {
      if (!memberId) return memberIds.map(() => false);
      const found = new Set(await findMembersInGroupsFacilitatedBy(db, memberId, memberIds));
      return memberIds.map((id) => found.has(id));
    });
  }

  /** True when the viewer actively facilitates a group this member has joined or applied to. */
  async facilitatesAnyGroupOf(memberId: string): Promise<boolean> {
    return this.facilitatedMembers.load(memberId);
  }

  /** A group by id whoever can see it; visibility is decided by `canSeeGroup`. */
  async group(groupId: string): Promise<GroupRow | null> {
    return this.groups.load(groupId);
  }

  /** Lets a caller that already read group rows share them with the rest of the request. */
  primeGroup(row: GroupRow): void {
    this.groups.prime(row.id, row);
  }

  async viewerMembership(groupId: string): Promise<MembershipRow | null> {
    return this.viewerMemberships.load(groupId);
  }

  /** Forgets cached rows after a write in this request changed them. */
  forgetGroup(groupId: string): void {
    this.groups.clear(groupId);
    this.viewerMemberships.clear(groupId);
  }

  managesInstitution(institutionId: string): boolean {
    return isInstitutionManager(this.viewer, institutionId);
  }

  /** The viewer's effective role in a group, counting only memberships that are in force. */
  async activeRole(groupId: string): Promise<GroupRole | null> {
    return roleInForce(await this.viewerMembership(groupId));
  }

  async isFacilitator(groupId: string): Promise<boolean> {
    const group = await this.group(groupId);
    if (!group) return false;
    if (this.managesInstitution(group.institution_id)) return true;
    return isFacilitatorRole(await this.activeRole(groupId));
  }

  async isActiveMember(groupId: string): Promise<boolean> {
    return (await this.activeRole(groupId)) !== null;
  }

  /** A seat holder (ACTIVE or SUSPENDED): reads the group's conversations and sees its members' names. */
  async holdsSeat(groupId: string): Promise<boolean> {
    const membership = await this.viewerMembership(groupId);
    return membership !== null && holdsSeat(membership);
  }

  async canSeeGroup(group: GroupRow): Promise<boolean> {
    if (this.managesInstitution(group.institution_id)) return true;
    if (group.archived_at) return (await this.viewerMembership(group.id)) !== null;
    if (group.visibility !== 'PRIVATE') return true;
    const membership = await this.viewerMembership(group.id);
    return membership !== null && membership.status !== 'BANNED' && membership.status !== 'REJECTED';
  }
}
