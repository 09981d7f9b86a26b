import type { RequestAccess } from '../../auth/request-access.js';
import type { Viewer } from '../../auth/viewer.js';
import type { HearthDb } from '../../db/database.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.js';
import type { MembershipRow, OutreachMessageRow, OutreachSide, OutreachThreadRow, SubjectType } from '../../db/tables.js';
import { runContentPipeline, type ContentServices, type ContentStage } from '../content-pipeline/content-pipeline.js';
import { crisisStage } from '../content-pipeline/crisis-stage.js';
import { rateLimitStage } from '../content-pipeline/rate-limit-stage.js';
import { validationStage } from '../content-pipeline/validation-stage.js';
import { openOrUpdateModerationCase } from '../moderation/moderation-cases.queries.js';
import { findOutreachSubject, findThreadAlias, findThreadsByIds, insertMessage, insertOrFindThread, type NewThread, type OutreachSubject } from './outreach.queries.js';
import { actsForFacilitators, sideOf } from './outreach.rules.js';

/**
 * The outreach mutations: a facilitator writes to the writer of a crisis item, either side answers, a member
 * writes to their group's facilitators. Member-to-member messages don't exist: one side of every thread is
 * always the group's facilitators.
 *
 * A message passes the content pipeline's validation, rate limit and crisis detection (word lists and
 * pre-moderation are for what the group reads; a private message to the facilitators is never held from them).
 */
const outreachStages: ContentStage[] = [validationStage, rateLimitStage, crisisStage];

/** Flag added to the subject's moderation case when the writer's answer speaks of crisis. */
export const outreachCrisisReason = 'OUTREACH_CRISIS_LANGUAGE';

// Errors say what to do, never who wrote what.
const noSuchSubject = () => new NotFoundError('No such post or reply.');
const noSuchThread = () => new NotFoundError('No such conversation.');

function signedInMember(viewer: Viewer) {
  if (viewer.kind !== 'member') throw new ForbiddenError('Sign in as a member to send messages.');
  return viewer.member;
}

async function passOutreachPipeline(db: HearthDb, access: RequestAccess, groupId: string, body: string, services: ContentServices): Promise<{ crisis: boolean }> {
  const member = signedInMember(access.viewer);
  const group = await access.group(groupId);
  if (!group) throw noSuchThread();
  // These three stages read the member and the group only; an institution admin writing on the facilitators'
  // side may hold no membership in the group.
  const membership = (await access.viewerMembership(groupId)) as MembershipRow;
  const draft = { kind: 'REPLY' as const, title: null, body, contentWarning: null, anonymous: false };
  const outcome = await runContentPipeline(outreachStages, draft, { member, membership, group }, db, services);
  return { crisis: outcome.crisis };
}

/** Writes one message (opening the thread when `thread` opens one) in a transaction; returns the thread as it now is. */
async function writeMessage(
  db: HearthDb,
  viewer: Viewer,
  thread: (trx: HearthDb) => Promise<OutreachThreadRow>,
  message: { from: OutreachSide; body: string; crisis: boolean },
): Promise<{ thread: OutreachThreadRow; message: OutreachMessageRow }> {
  const member = signedInMember(viewer);
  return db.transaction().execute(async (trx) => {
    const target = await thread(trx);
    const row = await insertMessage(trx, {
      threadId: target.id,
      from: message.from,
      senderMemberId: message.from === 'FACILITATORS' ? member.id : null,
      body: message.body,
      crisis: message.crisis,
    });
    // The writer speaks of crisis again: their item goes back to the top of the facilitators' queue.
    if (message.crisis && message.from === 'WRITER' && target.subject_id && target.subject_type) {
      await openOrUpdateModerationCase(trx, {
        institutionId: target.institution_id,
        groupId: target.group_id,
        subjectType: target.subject_type,
        subjectId: target.subject_id,
        crisis: true,
        reasons: [outreachCrisisReason],
      });
    }
    const [fresh] = await findThreadsByIds(trx, [target.id]);
    return { thread: fresh!, message: row };
  });
}

/** The thread to open about a subject (or none): the writer under the thread alias when the subject is anonymous. */
async function threadAbout(db: HearthDb, subject: OutreachSubject | null, base: Omit<NewThread, 'subject' | 'writerAnonymous' | 'writerAlias'>): Promise<NewThread> {
  const anonymous = subject?.anonymous ?? false;
  return {
    ...base,
    subject: subject ? { type: subject.type, id: subject.id } : null,
    writerAnonymous: anonymous,
    // An anonymous item always has its alias (written with it); without one the writer is "Anonymous" alone.
    writerAlias: anonymous ? await findThreadAlias(db, subject!.post_id, subject!.author_id) : null,
  };
}

export async function startOutreach(
  db: HearthDb,
  access: RequestAccess,
  subjectRef: { type: SubjectType; id: string },
  body: string,
  services: ContentServices,
): Promise<OutreachThreadRow> {
  const member = signedInMember(access.viewer);
  const subject = await findOutreachSubject(db, subjectRef.type, subjectRef.id);
  if (!subject || subject.institution_id !== member.institution_id) throw noSuchSubject();
  if (!(await actsForFacilitators(access, subject.group_id))) {
    throw new ForbiddenError("Only the group's facilitators and the institution's admins can write to the writer of a post.");
  }
  if (!subject.in_crisis) throw ValidationError.field(['input', 'subjectId'], 'Outreach is for posts and replies flagged for crisis.');
  if (subject.author_id === member.id) throw ValidationError.field(['input', 'subjectId'], 'You wrote this yourself.');
  const { crisis } = await passOutreachPipeline(db, access, subject.group_id, body, services);
  const opening = await threadAbout(db, subject, {
    institutionId: subject.institution_id,
    groupId: subject.group_id,
    writerMemberId: subject.author_id,
    startedBy: 'FACILITATORS',
  });
  return (await writeMessage(db, access.viewer, (trx) => insertOrFindThread(trx, opening), { from: 'FACILITATORS', body, crisis })).thread;
}

export async function replyToOutreach(
  db: HearthDb,
  access: RequestAccess,
  threadId: string,
  body: string,
  services: ContentServices,
): Promise<OutreachMessageRow> {
  signedInMember(access.viewer);
  const [thread] = await findThreadsByIds(db, [threadId]);
  const side = thread ? await sideOf(access, thread) : null;
  if (!thread || !side) throw noSuchThread();
  const { crisis } = await passOutreachPipeline(db, access, thread.group_id, body, services);
  return (await writeMessage(db, access.viewer, async () => thread, { from: side, body, crisis })).message;
}

export async function contactFacilitators(
  db: HearthDb,
  access: RequestAccess,
  input: { groupId: string; body: string; subject: { type: SubjectType; id: string } | null },
  services: ContentServices,
): Promise<OutreachThreadRow> {
  const member = signedInMember(access.viewer);
  const group = await access.group(input.groupId);
  if (!group || group.institution_id !== member.institution_id || !(await access.canSeeGroup(group))) throw new NotFoundError('No such group.');
  if (!(await access.isActiveMember(group.id))) throw new ForbiddenError("Only the group's active members can write to its facilitators.");
  let subject: OutreachSubject | null = null;
  if (input.subject) {
    subject = await findOutreachSubject(db, input.subject.type, input.subject.id);
    // Only the viewer's own item in this group: someone else's item gets the same answer as none.
    if (!subject || subject.author_id !== member.id || subject.group_id !== group.id) {
      throw ValidationError.field(['input', 'subjectId'], 'Choose one of your own posts or replies in this group, or leave it out.');
    }
  }
  const { crisis } = await passOutreachPipeline(db, access, group.id, input.body, services);
  const opening = await threadAbout(db, subject, { institutionId: group.institution_id, groupId: group.id, writerMemberId: member.id, startedBy: 'WRITER' });
  // A thread already about the same item (a facilitator wrote first) is continued: its writer is this member.
  return (await writeMessage(db, access.viewer, (trx) => insertOrFindThread(trx, opening), { from: 'WRITER', body: input.body, crisis })).thread;
}
