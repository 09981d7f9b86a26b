import type { RequestAccess } from '../../auth/request-access.js';
import type { GroupRow } from '../../db/tables.js';

/** Fields of `UpdateGroupInput`, as named in the API. */
export type GroupField =
  | 'slug'
  | 'name'
  | 'description'
  | 'topics'
  | 'languages'
  | 'facilitation'
  | 'visibility'
  | 'joinPolicy'
  | 'entryQuestions'
  | 'capacity'
  | 'formats'
  | 'location'
  | 'timeZone'
  | 'guidelines'
  | 'anonymityPolicy'
  | 'heldFirstPosts'
  | 'publicReading'
  | 'feeDescription';

/**
 * Who edits what. Institution managers decide everything. A professional facilitator runs the group day to day
 * (who may join and how, its size, anonymity and moderation settings) but not how the institution presents it
 * (slug, facilitation, visibility, and whether the public may read its posts: members wrote them for the group). A peer facilitator keeps the group's description and practical details current.
 */
const professionalFields: ReadonlySet<GroupField> = new Set<GroupField>([
  'name',
  'description',
  'topics',
  'languages',
  'joinPolicy',
  'entryQuestions',
  'capacity',
  'formats',
  'location',
  'timeZone',
  'guidelines',
  'anonymityPolicy',
  'heldFirstPosts',
  'feeDescription',
]);
const peerFields: ReadonlySet<GroupField> = new Set<GroupField>([
  'description',
  'topics',
  'languages',
  'entryQuestions',
  'formats',
  'location',
  'timeZone',
  'guidelines',
]);

/** The fields of `requested` that the viewer may not change in this group (empty when all are allowed). */
export async function fieldsViewerMayNotEdit(access: RequestAccess, group: GroupRow, requested: GroupField[]): Promise<GroupField[]> {
  if (access.managesInstitution(group.institution_id)) return [];
  const role = await access.activeRole(group.id);
  const allowed = role === 'PROFESSIONAL_FACILITATOR' ? professionalFields : role === 'PEER_FACILITATOR' ? peerFields : new Set<GroupField>();
  return requested.filter((field) => !allowed.has(field));
}
