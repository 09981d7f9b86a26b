import { randomBytes } from 'node:crypto';
import type { Viewer } from '../../auth/viewer.js';
import type { HearthDb } from '../../db/database.js';
import type { GroupRow, InvitationRow } from '../../db/tables.js';
import { ConflictError } from '../../schema/errors.js';
import { insertInvitation } from './membership.queries.js';

/**
 * Invitation links: a code that lets its holder see a PRIVATE group and join an INVITE_ONLY one. 18 random bytes
 * give 24 url-safe characters (144 bits), so codes cannot be guessed and need no rate limit of their own.
 */
export function generateInvitationCode(): string {
  return randomBytes(18).toString('base64url');
}

export async function createInvitation(
  db: HearthDb,
  viewer: Viewer,
  group: GroupRow,
  options: { expiresAt: Date | null; maxUses: number | null },
): Promise<InvitationRow> {
  if (group.archived_at) throw new ConflictError('This group is archived and takes no new members.');
  return insertInvitation(db, {
    institutionId: group.institution_id,
    groupId: group.id,
    code: generateInvitationCode(),
    createdBy: viewer.kind === 'member' ? viewer.member.id : null,
    expiresAt: options.expiresAt,
    maxUses: options.maxUses,
  });
}
