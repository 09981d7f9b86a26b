import type { RequestAccess } from '../../auth/request-access.js';
import type { Viewer } from '../../auth/viewer.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.js';
import { runContentPipeline, type ContentDraft, type ContentOutcome, type ContentServices } from '../content-pipeline/content-pipeline.js';
import type { CrisisResource } from '../crisis-resources/crisis-resources.js';
import { defaultContentStages } from '../content-pipeline/default-stages.js';
import { openOrUpdateModerationCase } from '../moderation/moderation-cases.queries.js';
import type { GroupRow, MemberRow, SubjectType } from '../../db/tables.js';
import type { HearthDb } from '../../db/database.js';
import { findPostRecords, insertPost, lockPost, bumpPostActivity, type PostRecord } from './post.queries.js';
import { acceptsReplies, conversationAccess, isAuthor, type GroupConversationAccess } from './post.rules.js';
import { findReplyRecords, insertReply, threadAliasFor, type ReplyRecord } from './reply.queries.js';

/**
 * Writing a post or a reply: the input was validated by its schema; here the author's standing is checked, the
 * content passes the pipeline (validation → rate limit → word lists → crisis detection → pre-moderation), and the
 * item, the author's thread alias when anonymous, and the moderation case when the pipeline held or flagged it
 * are written in one transaction.
 */
export interface Published<Item> {
  item: Item;
  crisisResources: CrisisResource[];
}

/** The signed-in member taking part in a group, or the reason they can't. */
export function participant(viewer: Viewer, groupAccess: GroupConversationAccess): { member: MemberRow; group: GroupRow; access: GroupConversationAccess } {
  if (viewer.kind !== 'member') throw new ForbiddenError('Only members of the group can take part.');
  if (!groupAccess.group) throw new NotFoundError('No such group.');
  if (groupAccess.group.archived_at) throw new ForbiddenError('This group is archived: it takes no new posts.');
  if (!groupAccess.takePart || !groupAccess.membership) {
    throw new ForbiddenError('Only active members of the group can post, reply and react here.');
  }
  return { member: viewer.member, group: groupAccess.group, access: groupAccess };
}

export function refuseAnonymityIfDisabled(group: GroupRow, anonymous: boolean): void {
  if (anonymous && group.anonymity_policy === 'DISABLED') {
    throw ValidationError.field(['input', 'anonymous'], "This group doesn't allow anonymous posts.");
  }
}

/** Runs the pipeline for the member's draft in the group; a stage's refusal propagates as its typed error. */
export async function passPipeline(
  db: HearthDb,
  who: ReturnType<typeof participant>,
  draft: ContentDraft,
  services: ContentServices,
): Promise<ContentOutcome> {
  return runContentPipeline(defaultContentStages, draft, { member: who.member, membership: who.access.membership!, group: who.group }, db, services);
}

/** Held or flagged items open (or join) their moderation case, in the transaction that writes them. */
export async function signalModeration(
  trx: HearthDb,
  subject: { institutionId: string; groupId: string; type: SubjectType; id: string },
  outcome: ContentOutcome,
): Promise<void> {
  if (outcome.status !== 'PENDING_REVIEW' && !outcome.crisis) return;
  await openOrUpdateModerationCase(trx, {
    institutionId: subject.institutionId,
    groupId: subject.groupId,
    subjectType: subject.type,
    subjectId: subject.id,
    crisis: outcome.crisis,
    riskLevel: outcome.riskLevel,
    warningSigns: outcome.warningSigns,
    heldForReview: outcome.status === 'PENDING_REVIEW',
    reasons: outcome.reasons,
  });
}

export async function publishPost(
  db: HearthDb,
  access: RequestAccess,
  input: { groupId: string; title: string; body: string; contentWarning: string | null; anonymous: boolean },
  services: ContentServices,
): Promise<Published<PostRecord>> {
  const who = participant(access.viewer, await conversationAccess(access, input.groupId));
  refuseAnonymityIfDisabled(who.group, input.anonymous);
  const draft: ContentDraft = { kind: 'POST', title: input.title, body: input.body, contentWarning: input.contentWarning, anonymous: input.anonymous };
  const outcome = await passPipeline(db, who, draft, services);
  const postId = await db.transaction().execute(async (trx) => {
    const post = await insertPost(trx, {
      institutionId: who.group.institution_id,
      groupId: who.group.id,
      authorId: who.member.id,
      anonymous: input.anonymous,
      title: input.title,
      body: input.body,
      contentWarning: input.contentWarning,
      status: outcome.status,
      crisis: outcome.crisis,
    });
    if (input.anonymous) await threadAliasFor(trx, post.id, who.member.id);
    await signalModeration(trx, { institutionId: post.institution_id, groupId: post.group_id, type: 'POST', id: post.id }, outcome);
    return post.id;
  });
  const [record] = await findPostRecords(db, [postId]);
  return { item: record!, crisisResources: outcome.crisisResources };
}

/**
 * Whether a reply is anonymous when its input doesn't say. The writer of an anonymous post replying in their own
 * thread stays under the thread's alias: a reply under their name there would tell the thread who wrote the post.
 * Everyone else replies under their name unless they ask otherwise. Where the group no longer allows anonymity,
 * the writer must choose (anonymous: false) rather than be named by a default.
 */
export function replyAnonymity(requested: boolean | null | undefined, post: PostRecord, group: GroupRow, memberId: string): boolean {
  if (requested != null) return requested;
  const writerOfAnonymousPost = post.anonymous && isAuthor(post, memberId);
  if (writerOfAnonymousPost && group.anonymity_policy === 'DISABLED') {
    throw ValidationError.field(
      ['input', 'anonymous'],
      'This group no longer allows anonymous replies, so a reply here would show your name beside your anonymous post. Send anonymous: false to reply under your name.',
    );
  }
  return writerOfAnonymousPost;
}

export async function publishReply(
  db: HearthDb,
  access: RequestAccess,
  requested: { postId: string; parentReplyId: string | null; body: string; contentWarning: string | null; anonymous: boolean | null | undefined },
  visible: { post: PostRecord | null; parent: ReplyRecord | null },
  services: ContentServices,
): Promise<Published<ReplyRecord>> {
  const { post, parent } = visible;
  if (!post) throw new NotFoundError('No such post.');
  const who = participant(access.viewer, await conversationAccess(access, post.group_id));
  const input = { ...requested, anonymous: replyAnonymity(requested.anonymous, post, who.group, who.member.id) };
  const refusal = acceptsReplies(post);
  if (refusal) throw new ForbiddenError(refusal);
  let topLevelId: string | null = null;
  if (input.parentReplyId) {
    if (!parent || parent.post_id !== post.id) throw ValidationError.field(['input', 'parentReplyId'], 'Answer a reply of the same post.');
    if (parent.status !== 'PUBLISHED') throw new ForbiddenError('This reply takes no answers.');
    // One level of threading: an answer to an answer hangs under the same top-level reply.
    topLevelId = parent.parent_reply_id ?? parent.id;
  }
  refuseAnonymityIfDisabled(who.group, input.anonymous);
  const draft: ContentDraft = { kind: 'REPLY', title: null, body: input.body, contentWarning: input.contentWarning, anonymous: input.anonymous };
  const outcome = await passPipeline(db, who, draft, services);
  const replyId = await db.transaction().execute(async (trx) => {
    // Under the thread's lock: a facilitator may have locked it, or the author deleted it, since it was read.
    const thread = await lockPost(trx, post.id);
    const lockedRefusal = thread ? acceptsReplies(thread) : 'This post takes no replies.';
    if (lockedRefusal) throw new ForbiddenError(lockedRefusal);
    const reply = await insertReply(trx, {
      institutionId: post.institution_id,
      groupId: post.group_id,
      postId: post.id,
      parentReplyId: topLevelId,
      authorId: who.member.id,
      anonymous: input.anonymous,
      body: input.body,
      contentWarning: input.contentWarning,
      status: outcome.status,
      crisis: outcome.crisis,
    });
    if (input.anonymous) await threadAliasFor(trx, post.id, who.member.id);
    if (outcome.status === 'PUBLISHED') await bumpPostActivity(trx, post.id);
    await signalModeration(trx, { institutionId: reply.institution_id, groupId: reply.group_id, type: 'REPLY', id: reply.id }, outcome);
    return reply.id;
  });
  const [record] = await findReplyRecords(db, [replyId]);
  return { item: record!, crisisResources: outcome.crisisResources };
}
