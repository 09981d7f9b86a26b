import { viewerMemberId } from '../../auth/viewer.js';
import { builder } from '../../schema/builder.js';
import { contentServicesOf, type HearthContext } from '../../schema/context.js';
import type { ConnectionArgs } from '../../schema/keyset-pagination.js';
import { MemberNode } from '../members/member.types.js';
import { connectionsByKey, emptyConnection, readContentTimePage, timeKey, toWholeSecond } from './content-pages.js';
import { ContentEditType, PostNode, PostStatusEnum, authorIdFor, editHistoryOf, itemView, shownAuthorName, viewerContentWarning, visibleToViewer } from './post.types.js';
import { ContributionInterface } from './contribution-ref.js';
import type { PostRecord } from './post.queries.js';
import { conversationAccess, itemVisible, tombstoneText } from './post.rules.js';
import { findRepliesToOwnPosts, findReplyPages, findReplyRecords, type ReplyRecord } from './reply.queries.js';
import { renderSafeMarkdown } from './safe-markdown.js';
import { ForbiddenError, NotFoundError, RateLimitedError, standardMutationErrors, ValidationError } from '../../schema/errors.js';
import type { CrisisResource } from '../crisis-resources/crisis-resources.js';
import { CrisisResourceType } from '../crisis-resources/crisis-resource.types.js';
import { deleteReply, editReply } from './content-editing.js';
import { contentLimits, createReplySchema, deleteReplySchema, editReplySchema } from './post-input.js';
import { publishReply } from './publishing.js';

/**
 * A reply is visible where its thread is: besides its own status (post.rules.ts), its post must be one the viewer
 * sees, so hiding a post hides the conversation under it.
 */
async function visibleReplies(context: HearthContext, replies: ReplyRecord[]): Promise<ReplyRecord[]> {
  const memberId = viewerMemberId(context.viewer);
  const inVisibleThreads = await Promise.all(
    replies.map(async (reply) =>
      itemVisible({ status: reply.post_status, author_id: reply.post_author_id, crisis_visibility: reply.post_crisis_visibility }, await conversationAccess(context.access, reply.group_id), memberId),
    ),
  );
  return visibleToViewer(context, replies.filter((_reply, index) => inVisibleThreads[index]));
}

/**
 * An answer in a thread. Threads are one level deep: a reply answers the post (a top-level reply) or a top-level
 * reply; an answer to an answer hangs under the same top-level reply.
 */
export const ReplyNode = builder.loadableNodeRef<ReplyRecord>('Reply', {
  id: { resolve: (reply) => reply.id },
  load: async (ids: string[], context) => visibleReplies(context, await findReplyRecords(context.db, ids)),
  sort: (reply) => reply.id,
});

export const ReplyConnection = builder.connectionObject({ type: ReplyNode, name: 'ReplyConnection' }, { name: 'ReplyEdge' });

/** Pages of replies under many parents (posts or top-level replies) from one statement. */
async function loadReplyPages(
  context: HearthContext,
  parents: ReadonlyArray<{ id: string; group_id: string }>,
  level: 'top' | 'answers',
  args: ConnectionArgs,
) {
  const { page, after } = readContentTimePage(args);
  const access = await Promise.all(parents.map((parent) => conversationAccess(context.access, parent.group_id)));
  const rows = await findReplyPages(context.db, {
    parents: parents.map((parent, index) => ({ id: parent.id, moderates: access[index]!.moderate })),
    level,
    after,
    limit: page.size + 1,
    reader: { memberId: viewerMemberId(context.viewer) },
  });
  return connectionsByKey(
    parents.map((parent) => parent.id),
    rows,
    page,
    timeKey,
  );
}

ReplyNode.implement({
  description: 'A reply in a thread. Deleted and removed replies show as tombstones while answers hang under them.',
  interfaces: [ContributionInterface],
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'post_id' in value && 'parent_reply_id' in value,
  fields: (t) => ({
    post: t.field({
      type: PostNode,
      nullable: true,
      description: 'The thread this reply belongs to (null if the viewer can no longer see it).',
      resolve: (reply) => reply.post_id,
    }),
    parentReply: t.field({
      type: ReplyNode,
      nullable: true,
      description: 'The top-level reply this one answers; null for a top-level reply.',
      resolve: (reply) => reply.parent_reply_id,
    }),
    body: t.string({
      resolve: async (reply, _args, context) => ((await itemView(context, reply)).tombstone ? tombstoneText(reply.status) : reply.body),
    }),
    bodyHtml: t.string({
      description: "The body rendered to safe HTML (see Post.bodyHtml).",
      resolve: async (reply, _args, context) => renderSafeMarkdown((await itemView(context, reply)).tombstone ? tombstoneText(reply.status) : reply.body),
    }),
    contentWarning: t.string({
      nullable: true,
      description: "The writer's own warning, or on a reply in crisis the automatic one (see Post.contentWarning).",
      resolve: async (reply, _args, context) => (await viewerContentWarning(context, reply, 'REPLY'))?.text ?? null,
    }),
    anonymous: t.exposeBoolean('anonymous'),
    author: t.field({
      type: MemberNode,
      nullable: true,
      description: 'Null for anonymous replies (except to their author), for tombstones, and to anyone who may not see the profile.',
      resolve: (reply, _args, context) => authorIdFor(context, reply),
    }),
    authorName: t.string({
      description:
        "The author's alias in this thread when anonymous, else their pseudonym in this group, or the display name of a member who " +
        'chose it — "Member" to readers outside the group (guests never see a real name).',
      resolve: (reply, _args, context) => shownAuthorName(context, reply),
    }),
    viewerIsAuthor: t.boolean({ resolve: async (reply, _args, context) => (await itemView(context, reply)).viewerIsAuthor }),
    createdAt: t.field({ type: 'DateTime', description: 'Whole seconds.', resolve: (reply) => toWholeSecond(reply.created_at) }),
    editedAt: t.field({ type: 'DateTime', nullable: true, resolve: (reply) => (reply.edited_at ? toWholeSecond(reply.edited_at) : null) }),
    status: t.field({ type: PostStatusEnum, resolve: (reply) => reply.status }),
    editHistory: t.field({
      type: [ContentEditType],
      nullable: true,
      description: "Earlier versions, oldest first. The group's facilitators and the institution's admins only; null to others.",
      authScopes: (reply) => ({ groupFacilitator: reply.group_id }),
      unauthorizedResolver: () => null,
      resolve: (reply, _args, context) => editHistoryOf(context, reply),
    }),
    replies: t.loadable({
      type: ReplyConnection,
      byPath: true,
      description: 'Answers to this top-level reply, oldest first (always empty under an answer: threads are one level deep).',
      args: { ...t.arg.connectionArgs() },
      load: (replies: ReplyRecord[], context, args) => loadReplyPages(context, replies, 'answers', args),
      resolve: (reply) => reply,
    }),
  }),
});

builder.objectFields(PostNode, (t) => ({
  replies: t.loadable({
    type: ReplyConnection,
    byPath: true,
    description: 'Top-level replies, oldest first; each carries its own answers (Reply.replies).',
    args: { ...t.arg.connectionArgs() },
    load: (posts: PostRecord[], context, args) => loadReplyPages(context, posts, 'top', args),
    resolve: (post) => post,
  }),
}));

builder.queryField('repliesToMyPosts', (t) =>
  t.connection(
    {
      type: ReplyNode,
      description: "Replies by others to the signed-in member's posts (anonymous ones included), newest first. Empty for anyone else.",
      resolve: async (_root, args, context) => {
        const { page, after } = readContentTimePage(args);
        const memberId = viewerMemberId(context.viewer);
        if (!memberId) return emptyConnection(page);
        const rows = await findRepliesToOwnPosts(context.db, { memberId, after, limit: page.size + 1 });
        return connectionsByKey([memberId], rows, page, timeKey)[0]!;
      },
    },
    ReplyConnection,
  ),
);

// Mutations: as for posts (post.types.ts).

interface ReplyPayloadShape {
  item: ReplyRecord;
  crisisResources: CrisisResource[];
}

function replyPayload(name: string, description: string) {
  return builder.objectRef<ReplyPayloadShape>(name).implement({
    description,
    fields: (t) => ({
      reply: t.field({ type: ReplyNode, resolve: (payload) => payload.item }),
      crisisResources: t.field({
        type: [CrisisResourceType],
        description: "Where to find help now, in the author's language: non-empty when the text spoke of crisis. Show it at once.",
        resolve: (payload) => payload.crisisResources,
      }),
    }),
  });
}

const CreateReplyPayload = replyPayload('CreateReplyPayload', 'The new reply (PENDING_REVIEW when held for a facilitator) and any crisis resources for its author.');
const EditReplyPayload = replyPayload('EditReplyPayload', 'The edited reply and any crisis resources for its author.');

const CreateReplyInput = builder.inputType('CreateReplyInput', {
  fields: (t) => ({
    postId: t.id({ required: true }),
    parentReplyId: t.id({ description: 'The reply this one answers; an answer to an answer goes under the same top-level reply.' }),
    body: t.string({ required: true, description: `1–${contentLimits.body.toLocaleString('en')} characters.` }),
    contentWarning: t.string({ description: `Up to ${contentLimits.contentWarning} characters.` }),
    anonymous: t.boolean({
      description:
        'Reply under your alias in this thread ("Anonymous 2"), where the group allows it. Leave it out for the default: the alias ' +
        "when you wrote the thread's post anonymously (a named reply there would tell the thread who wrote it; send false to " +
        'reply under your name anyway), otherwise your name.',
    }),
  }),
});

builder.mutationField('createReply', (t) =>
  t.field({
    type: CreateReplyPayload,
    description: 'Replies to a published post that is not locked. Active members of its group only.',
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, RateLimitedError] },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CreateReplyInput, required: true, validate: createReplySchema }) },
    resolve: async (_root, { input }, context) => {
      const parentReplyId = input.parentReplyId == null ? null : String(input.parentReplyId);
      const [post, parent] = await Promise.all([
        PostNode.getDataloader(context).load(String(input.postId)),
        parentReplyId ? ReplyNode.getDataloader(context).load(parentReplyId) : null,
      ]);
      const reply = { postId: String(input.postId), parentReplyId, body: input.body, contentWarning: input.contentWarning ?? null, anonymous: input.anonymous };
      return publishReply(context.db, context.access, reply, { post, parent }, contentServicesOf(context));
    },
  }),
);

const EditReplyInput = builder.inputType('EditReplyInput', {
  fields: (t) => ({
    replyId: t.id({ required: true }),
    body: t.string(),
    contentWarning: t.string({ description: 'null removes the warning; leave it out to keep it.' }),
  }),
});

builder.mutationField('editReply', (t) =>
  t.field({
    type: EditReplyPayload,
    description: "Changes the viewer's own reply; the replaced version stays in its edit history for the facilitators.",
    errors: { types: [...standardMutationErrors, RateLimitedError] },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: EditReplyInput, required: true, validate: editReplySchema }) },
    resolve: async (_root, { input }, context) => {
      const reply = await ReplyNode.getDataloader(context).load(String(input.replyId));
      const changes = input as { body?: string; contentWarning?: string | null };
      const edit = { body: changes.body, contentWarning: 'contentWarning' in changes ? changes.contentWarning : undefined };
      return editReply(context.db, context.access, reply, edit, contentServicesOf(context));
    },
  }),
);

const DeleteReplyInput = builder.inputType('DeleteReplyInput', { fields: (t) => ({ replyId: t.id({ required: true }) }) });

builder.mutationField('deleteReply', (t) =>
  t.field({
    type: ReplyNode,
    description: "Deletes the viewer's own reply: a tombstone while answers hang under it.",
    errors: { types: standardMutationErrors },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: DeleteReplyInput, required: true, validate: deleteReplySchema }) },
    resolve: async (_root, { input }, context) => {
      const seen = (await ReplyNode.getDataloader(context).load(String(input.replyId))) !== null;
      return deleteReply(context.db, context.viewer, String(input.replyId), seen);
    },
  }),
);
