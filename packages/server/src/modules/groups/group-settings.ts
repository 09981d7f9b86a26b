import type { RequestAccess } from '../../auth/request-access.js';
import type { Viewer } from '../../auth/viewer.js';
import { isUniqueViolation } from '../../db/constraint-errors.js';
import type { HearthDb } from '../../db/database.js';
import type { GroupRow, GroupUpdate } from '../../db/tables.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.js';
import { serveWaitlist } from '../memberships/seats.js';
import { joinPolicyIssues } from './group-input.js';
import { insertGroup, updateGroup } from './group.queries.js';
import { fieldsViewerMayNotEdit, type GroupField } from './group.rules.js';

/**
 * Creating, changing and archiving groups. Each field was checked by its input schema (group-input.ts); here are
 * the checks that need the viewer's role or the stored group, and the write.
 */

/** API field → column, for the fields a group's settings name. */
const columnOf = {
  slug: 'slug',
  name: 'name',
  description: 'description',
  topics: 'topics',
  languages: 'languages',
  facilitation: 'facilitation',
  visibility: 'visibility',
  joinPolicy: 'join_policy',
  entryQuestions: 'entry_questions',
  capacity: 'capacity',
  formats: 'formats',
  location: 'location',
  timeZone: 'time_zone',
  guidelines: 'guidelines',
  anonymityPolicy: 'anonymity_policy',
  heldFirstPosts: 'held_first_posts',
  publicReading: 'public_reading',
  feeDescription: 'fee_description',
} as const satisfies Record<GroupField, keyof GroupUpdate>;

/** A group's settings as the API names them, with the values the columns hold. */
export type GroupSettings = { [F in GroupField]: GroupRow[(typeof columnOf)[F]] };

type RequiredSetting = 'slug' | 'name' | 'languages' | 'facilitation' | 'visibility' | 'joinPolicy';

/** The settings of a new group (CreateGroupInput): the required ones, and the others where not the default. */
export type NewGroupSettings = Pick<GroupSettings, RequiredSetting> & { [F in Exclude<GroupField, RequiredSetting>]?: GroupSettings[F] | null };

/** What `updateGroup` changes (UpdateGroupInput): an omitted (undefined) field stays as it is; null clears it. */
export type GroupSettingsChanges = { [F in GroupField]?: GroupSettings[F] | null };

/** The settings that may be cleared (null); any other must keep a value. */
const nullableFields = new Set<GroupField>(['capacity', 'location', 'feeDescription']);

const slugTaken = (slug: string | null | undefined) => new ConflictError(`A group with the slug "${String(slug)}" already exists.`);

/** A group in the viewer's institution (the caller checked that the viewer manages institutions). */
export async function createGroup(db: HearthDb, viewer: Viewer, settings: NewGroupSettings): Promise<GroupRow> {
  const institutionId = viewer.institutionId;
  if (!institutionId) throw new ForbiddenError();
  try {
    return await insertGroup(db, {
      institution_id: institutionId,
      slug: settings.slug,
      name: settings.name,
      description: settings.description ?? '',
      topics: settings.topics ?? [],
      languages: settings.languages,
      facilitation: settings.facilitation,
      visibility: settings.visibility,
      join_policy: settings.joinPolicy,
      entry_questions: settings.entryQuestions ?? [],
      capacity: settings.capacity ?? null,
      formats: settings.formats ?? ['FORUM'],
      location: settings.location || null,
      time_zone: settings.timeZone ?? 'UTC',
      guidelines: settings.guidelines ?? '',
      anonymity_policy: settings.anonymityPolicy ?? 'DISABLED',
      held_first_posts: settings.heldFirstPosts ?? 0,
      public_reading: settings.publicReading ?? false,
      fee_description: settings.feeDescription ?? null,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(settings.slug);
    throw error;
  }
}

async function existingGroup(access: RequestAccess, groupId: string): Promise<GroupRow> {
  const group = await access.group(groupId);
  if (!group) throw new NotFoundError('No such group.');
  return group;
}

/**
 * Changes the settings the viewer's role may change (group.rules.ts), all of them or none. The join-policy rules
 * are checked on the group as it will be (a change of policy alone must still leave an APPROVAL group its
 * questions), and a capacity raise hands the new seats to the waitlist at once.
 */
export async function changeGroupSettings(db: HearthDb, access: RequestAccess, groupId: string, changes: GroupSettingsChanges): Promise<GroupRow> {
  const group = await existingGroup(access, groupId);
  const requested = (Object.keys(changes) as GroupField[]).filter((field) => changes[field] !== undefined);
  for (const field of requested) {
    if (changes[field] === null && !nullableFields.has(field)) throw ValidationError.field(['input', field], 'Must not be null.');
  }
  const refused = await fieldsViewerMayNotEdit(access, group, requested);
  if (refused.length > 0) throw new ForbiddenError(`Your role can't change: ${refused.join(', ')}.`);

  const issues = joinPolicyIssues({
    joinPolicy: changes.joinPolicy ?? group.join_policy,
    entryQuestions: changes.entryQuestions ?? group.entry_questions,
    feeDescription: changes.feeDescription === undefined ? group.fee_description : changes.feeDescription,
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const columns: Record<string, unknown> = {};
  for (const field of requested) columns[columnOf[field]] = changes[field];
  try {
    const updated = await updateGroup(db, group.id, columns as GroupUpdate);
    // More seats (or no limit) owe the waitlist its places now, in order, rather than at the next join.
    if ('capacity' in columns && (updated.capacity === null || (group.capacity !== null && updated.capacity > group.capacity))) {
      await serveWaitlist(db, group.id);
    }
    return updated;
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(changes.slug);
    throw error;
  }
}

/** Archives a group (no longer listed, no new members; its history kept) or restores it. The institution's managers. */
export async function archiveGroup(db: HearthDb, access: RequestAccess, groupId: string, archived: boolean): Promise<GroupRow> {
  const group = await existingGroup(access, groupId);
  if (!access.managesInstitution(group.institution_id)) throw new ForbiddenError();
  return updateGroup(db, group.id, { archived_at: archived ? new Date() : null });
}
