import type { RequestAccess } from '../../auth/request-access.js';
import { viewerMemberId, type Viewer } from '../../auth/viewer.js';
import type { HearthDb } from '../../db/database.js';
import type { ContentStatus } from '../../db/tables.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../schema/errors.js';
import type { ContentServices } from '../content-pipeline/content-pipeline.js';
import { findPostRecords, insertContentEdit, lockPost, markPostDeleted, updatePostContent, type PostRecord } from './post.queries.js';
import { conversationAccess, isAuthor } from './post.rules.js';
import { participant, passPipeline, signalModeration, type Published } from './publishing.js';
import { findReplyRecords, lockReply, markReplyDeleted, updateReplyContent, type ReplyRecord } from './reply.queries.js';

/**
 * Authors edit and delete their own items. An edit passes the same pipeline as a new item (marked as an edit, so
 * fixing a typo doesn't spend the posting allowance) — otherwise a new member could post something harmless, be
 * approved, and edit in what pre-moderation or the word list would have held — and keeps the replaced version for
 * the facilitators. Deleting leaves a tombstone so the replies under it stay readable.
 *
 * Refusals never say whose item it is: "not yours" reads the same for an anonymous item as for any other.
 */
const notYours = 'Only its author can change this.';

/** A held item stays held through an edit; a published one is held again if the pipeline holds the new text. */
function statusAfterEdit(current: ContentStatus, held: boolean): ContentStatus {
  return current === 'PENDING_REVIEW' || held ? 'PENDING_REVIEW' : current;
}

function refuseUnlessEditable(status: ContentStatus): void {
  if (status === 'DELETED') throw new ConflictError('This was deleted.');
  if (status === 'REMOVED' || status === 'HIDDEN') throw new ForbiddenError('A facilitator took this down; it can no longer be edited.');
}

export async function editPost(
  db: HearthDb,
  access: RequestAccess,
  visiblePost: PostRecord | null,
  changes: { title?: string | undefined; body?: string | undefined; contentWarning?: string | null | undefined },
  services: ContentServices,
): Promise<Published<PostRecord>> {
  if (!visiblePost) throw new NotFoundError('No such post.');
  if (!isAuthor(visiblePost, viewerMemberId(access.viewer))) throw new ForbiddenError(notYours);
  refuseUnlessEditable(visiblePost.status);
  const who = participant(access.viewer, await conversationAccess(access, visiblePost.group_id));
  const next = {
    title: changes.title ?? visiblePost.title,
    body: changes.body ?? visiblePost.body,
    contentWarning: changes.contentWarning === undefined ? visiblePost.content_warning : changes.contentWarning,
  };
  const outcome = await passPipeline(db, who, { kind: 'POST', ...next, anonymous: visiblePost.anonymous, edit: true }, services);
  await db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, visiblePost.id);
    if (!post) throw new NotFoundError('No such post.');
    refuseUnlessEditable(post.status);
    await insertContentEdit(trx, {
      institutionId: post.institution_id,
      subjectType: 'POST',
      subjectId: post.id,
      title: post.title,
      body: post.body,
      contentWarning: post.content_warning,
    });
    await updatePostContent(trx, post.id, {
      ...next,
      status: statusAfterEdit(post.status, outcome.status === 'PENDING_REVIEW'),
      crisis: post.crisis || outcome.crisis,
    });
    await signalModeration(trx, { institutionId: post.institution_id, groupId: post.group_id, type: 'POST', id: post.id }, outcome);
  });
  const [record] = await findPostRecords(db, [visiblePost.id]);
  return { item: record!, crisisResources: outcome.crisisResources };
}

export async function editReply(
  db: HearthDb,
  access: RequestAccess,
  visibleReply: ReplyRecord | null,
  changes: { body?: string | undefined; contentWarning?: string | null | undefined },
  services: ContentServices,
): Promise<Published<ReplyRecord>> {
  if (!visibleReply) throw new NotFoundError('No such reply.');
  if (!isAuthor(visibleReply, viewerMemberId(access.viewer))) throw new ForbiddenError(notYours);
  refuseUnlessEditable(visibleReply.status);
  const who = participant(access.viewer, await conversationAccess(access, visibleReply.group_id));
  const next = {
    body: changes.body ?? visibleReply.body,
    contentWarning: changes.contentWarning === undefined ? visibleReply.content_warning : changes.contentWarning,
  };
  const outcome = await passPipeline(db, who, { kind: 'REPLY', title: null, ...next, anonymous: visibleReply.anonymous, edit: true }, services);
  await db.transaction().execute(async (trx) => {
    const reply = await lockReply(trx, visibleReply.id);
    if (!reply) throw new NotFoundError('No such reply.');
    refuseUnlessEditable(reply.status);
    await insertContentEdit(trx, {
      institutionId: reply.institution_id,
      subjectType: 'REPLY',
      subjectId: reply.id,
      title: null,
      body: reply.body,
      contentWarning: reply.content_warning,
    });
    await updateReplyContent(trx, reply.id, {
      ...next,
      status: statusAfterEdit(reply.status, outcome.status === 'PENDING_REVIEW'),
      crisis: reply.crisis || outcome.crisis,
    });
    await signalModeration(trx, { institutionId: reply.institution_id, groupId: reply.group_id, type: 'REPLY', id: reply.id }, outcome);
  });
  const [record] = await findReplyRecords(db, [visibleReply.id]);
  return { item: record!, crisisResources: outcome.crisisResources };
}

/**
 * Deleting is the author's right even after they left the group or were suspended (someone who no longer wants
 * their words there must be able to take them back), so it checks authorship on the stored row, not membership.
 * Anyone else is refused as they would be on any item they can see, and told nothing about one they can't (nor,
 * across institutions, that it exists). Items a facilitator removed stay removed.
 */
function refuseUnlessDeletable(item: { status: ContentStatus; author_id: string } | undefined, memberId: string | null, seenByViewer: boolean): void {
  if (!item || (!isAuthor(item, memberId) && !seenByViewer)) throw new NotFoundError('Not found.');
  if (!isAuthor(item, memberId)) throw new ForbiddenError(notYours);
  if (item.status === 'DELETED') throw new ConflictError('This was already deleted.');
  if (item.status === 'REMOVED') throw new ConflictError('A facilitator already removed this.');
}

export async function deletePost(db: HearthDb, viewer: Viewer, postId: string, seenByViewer: boolean): Promise<PostRecord> {
  const memberId = viewerMemberId(viewer);
  await db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, postId);
    refuseUnlessDeletable(post, memberId, seenByViewer);
    await markPostDeleted(trx, postId);
  });
  const [record] = await findPostRecords(db, [postId]);
  return record!;
}

export async function deleteReply(db: HearthDb, viewer: Viewer, replyId: string, seenByViewer: boolean): Promise<ReplyRecord> {
  const memberId = viewerMemberId(viewer);
  await db.transaction().execute(async (trx) => {
    const reply = await lockReply(trx, replyId);
    refuseUnlessDeletable(reply, memberId, seenByViewer);
    await markReplyDeleted(trx, replyId);
  });
  const [record] = await findReplyRecords(db, [replyId]);
  return record!;
}
