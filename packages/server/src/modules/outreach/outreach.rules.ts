import type { RequestAccess } from '../../auth/request-access.js';
import type { OutreachSide, OutreachThreadRow } from '../../db/tables.js';
import { viewerMemberId } from '../../auth/viewer.js';
import { aliasName, memberNameFor, type MemberNameParts } from '../posts/author-names.js';

/**
 * Who takes part in an outreach thread, and on which side. Written once; the node loader, the listing's SQL
 * (outreach.queries.ts, the same standing rule in SQL) and the mutations ask here.
 *
 * - The writer side: the member the thread is about, and only them.
 * - The facilitators' side: signed-in facilitators of the thread's group (the standing rule: a facilitator role
 *   on a membership in force) and the institution's admins. Never a service token: an outreach message is a person
 *   writing to a person, and a backend reading private threads would be a channel nobody agreed to.
 * - Everyone else: the thread doesn't exist for them.
 */
export async function sideOf(access: RequestAccess, thread: OutreachThreadRow): Promise<OutreachSide | null> {
  if (viewerMemberId(access.viewer) === thread.writer_member_id) return 'WRITER';
  return (await actsForFacilitators(access, thread.group_id)) ? 'FACILITATORS' : null;
}

/** A person (not a backend) who facilitates the group: its facilitators in force and the institution's admins. */
export async function actsForFacilitators(access: RequestAccess, groupId: string): Promise<boolean> {
  return access.viewer.kind === 'member' && (await access.isFacilitator(groupId));
}

/** The thread alias in the reader's language: "Anonymous 3", «مجهول 3». */
export function localizedAlias(aliasNumber: number | null, language: string): string {
  if (language.toLowerCase().split('-')[0] !== 'ar') return aliasName(aliasNumber);
  return aliasNumber === null ? 'مجهول' : `مجهول ${aliasNumber}`;
}

/**
 * The writer's name in a thread: the thread alias when the subject was anonymous — always, for both sides, so no
 * message of the thread ever carries their name — else the name the group shows for them (their pseudonym, or
 * their name if they chose it; facilitators read members' names).
 */
export function writerNameOf(thread: Pick<OutreachThreadRow, 'writer_anonymous' | 'writer_alias'>, groupName: MemberNameParts | null, language: string): string {
  if (thread.writer_anonymous) return localizedAlias(thread.writer_alias, language);
  if (!groupName) return language.toLowerCase().startsWith('ar') ? 'الكاتب' : 'The writer';
  return memberNameFor(groupName, { seesMemberNames: true, language });
}

/** A facilitator's name as the writer reads it: their name in the group (their pseudonym there, or their name). */
export function facilitatorNameOf(groupName: MemberNameParts | null, language: string): string {
  if (!groupName) return language.toLowerCase().startsWith('ar') ? 'ميسّر' : 'Facilitator';
  return memberNameFor(groupName, { seesMemberNames: true, language });
}

/** Outreach times are shown to the minute: a message's second could be lined up with the writer's activity elsewhere. */
export function toWholeMinute(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000);
}

/** The first words of the subject, for the thread list (plain text; clients render it as text). */
export function excerptOf(body: string, max = 140): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}
