import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { builder } from '../../schema/builder.js';
import { contentServicesOf, type HearthContext } from '../../schema/context.js';
import { viewerMemberId } from '../../auth/viewer.js';
import { GroupNode } from '../groups/group.types.js';
import { MemberNode } from '../members/member.types.js';
import { authorNameOf, type AuthorNameParts } from './author-names.js';
import { ContributionInterface } from './contribution-ref.js';
import { connectionsByKey, feedKey, readContentTimePage, readFeedPage, timeKey, toWholeSecond } from './content-pages.js';
import { findContentEdits, findFeedPages, findOwnPostPages, findPostRecords, findUnansweredPages, type ContentEditRecord, type PostRecord } from './post.queries.js';
import { conversationAccess, groupIsPubliclyReadable, isAuthor, itemVisible, showsTombstone, tombstoneText, type ContentItem } from './post.rules.js';
import { renderSafeMarkdown } from './safe-markdown.js';
import { readerLocale, shownContentWarning, type CrisisItem } from './crisis-visibility.js';
import type { ConnectionArgs } from '../../schema/keyset-pagination.js';
import { ForbiddenError, NotFoundError, RateLimitedError, standardMutationErrors, ValidationError } from '../../schema/errors.js';
import type { CrisisResource } from '../crisis-resources/crisis-resources.js';
import { CrisisResourceType } from '../crisis-resources/crisis-resource.types.js';
import { deletePost, editPost } from './content-editing.js';
import { contentLimits, createPostSchema, deletePostSchema, editPostSchema } from './post-input.js';
import { publishPost } from './publishing.js';

export const PostStatusEnum = builder.enumType('PostStatus', {
  description:
    'PUBLISHED: everyone who reads the group sees it. PENDING_REVIEW: held for a facilitator (the author sees it as pending). ' +
    'HIDDEN: hidden by a facilitator (facilitators only). REMOVED: removed by a facilitator (a tombstone to others). ' +
    'DELETED: taken back by its author (a tombstone that keeps its replies readable).',
  values: ['PUBLISHED', 'PENDING_REVIEW', 'HIDDEN', 'REMOVED', 'DELETED'] as const,
});

export const PostReadersEnum = builder.enumType('PostReaders', {
  description:
    'GUESTS: anyone can read the posts, signed in or not; they see pseudonyms (or "Member"), never real names. MEMBERS: the ' +
    "group's members and the institution's admins only.",
  values: ['GUESTS', 'MEMBERS'] as const,
});

export const PostOrderEnum = builder.enumType('PostOrder', {
  description: 'NEWEST: by when posts were written. LATEST_ACTIVITY: by their latest published reply (or creation). Pinned posts come first either way.',
  values: ['NEWEST', 'LATEST_ACTIVITY'] as const,
});

/** An earlier version of a post or reply, kept when it was edited. Facilitators only. */
export const ContentEditType = builder
  .objectRef<{ previous_title: string | null; previous_body: string; previous_content_warning: string | null; edited_at: Date }>('ContentEdit')
  .implement({
    description: 'A version of a post or reply before an edit: what it said, and when it was replaced.',
    fields: (t) => ({
      title: t.exposeString('previous_title', { nullable: true, description: 'Posts only.' }),
      body: t.exposeString('previous_body'),
      contentWarning: t.exposeString('previous_content_warning', { nullable: true }),
      replacedAt: t.field({ type: 'DateTime', description: 'When the edit replaced this version (whole seconds).', resolve: (edit) => toWholeSecond(edit.edited_at) }),
    }),
  });

/** The viewer's standing in an item's group and whether the item shows as a tombstone to them. */
export async function itemView(context: HearthContext, item: ContentItem & { group_id: string }) {
  const groupAccess = await conversationAccess(context.access, item.group_id);
  return { groupAccess, tombstone: showsTombstone(item, groupAccess), viewerIsAuthor: isAuthor(item, viewerMemberId(context.viewer)) };
}

/** The warning this viewer reads on a post or reply (the writer's, else the automatic crisis one), none on a tombstone. */
export async function viewerContentWarning(context: HearthContext, item: ContentItem & CrisisItem & { group_id: string }, type: 'POST' | 'REPLY') {
  const view = await itemView(context, item);
  if (view.tombstone) return null;
  return shownContentWarning(item, type, readerLocale(context.viewer, view.groupAccess.group?.languages));
}

/** The author's name as this viewer reads it (author-names.ts), or the tombstone mark. For posts and replies. */
export async function shownAuthorName(context: HearthContext, item: ContentItem & AuthorNameParts & { group_id: string }): Promise<string> {
  const view = await itemView(context, item);
  return view.tombstone ? tombstoneText(item.status) : authorNameOf(item, view.groupAccess.names);
}

/**
 * What the viewer may read of many posts or replies: those of groups whose conversations they read, in a status
 * they may see (post.rules.ts). Shared by node(id:), Post and Reply loaders, and the mutations' answers.
 */
export async function visibleToViewer<Item extends ContentItem & { group_id: string }>(context: HearthContext, items: Item[]): Promise<Item[]> {
  const memberId = viewerMemberId(context.viewer);
  const visible = await Promise.all(items.map(async (item) => itemVisible(item, await conversationAccess(context.access, item.group_id), memberId)));
  return items.filter((_item, index) => visible[index]);
}

/**
 * Who wrote an item, as a Member: for a non-anonymous item, its author (the Member loader then shows the profile
 * only to those allowed to see it: the member, their facilitators, their admins); for an anonymous item, the
 * author themselves and nobody else — not admins, not facilitators. A professional facilitator handling a crisis
 * reveals an author through the audited revealAnonymousAuthor mutation, never through this field.
 */
export async function authorIdFor(context: HearthContext, item: ContentItem & { group_id: string; anonymous: boolean }): Promise<string | null> {
  const view = await itemView(context, item);
  if (view.tombstone) return null;
  if (item.anonymous) return view.viewerIsAuthor ? item.author_id : null;
  return item.author_id;
}

/** Earlier versions of posts and replies, batched per request. */
const contentEditLoader = createContextCache(
  (context: HearthContext) =>
    new DataLoader<string, ContentEditRecord[]>(async (ids) => {
      const edits = await findContentEdits(context.db, ids);
      return ids.map((id) => edits.filter((edit) => edit.subject_id === id));
    }),
);

/** The edit history a moderator reads; a tombstone keeps its earlier versions to itself as it keeps its text. */
export async function editHistoryOf(context: HearthContext, item: ContentItem & { id: string; group_id: string }): Promise<ContentEditRecord[]> {
  if ((await itemView(context, item)).tombstone) return [];
  return contentEditLoader(context).load(item.id);
}

/** A thread opener: a title, a body and its replies. node(id:) answers null to anyone who may not see it. */
export const PostNode = builder.loadableNodeRef<PostRecord>('Post', {
  id: { resolve: (post) => post.id },
  load: async (ids: string[], context) => visibleToViewer(context, await findPostRecords(context.db, ids)),
  sort: (post) => post.id,
});

PostNode.implement({
  description: 'A thread opener in a group. Deleted and removed posts show as tombstones that keep their replies readable.',
  interfaces: [ContributionInterface],
  // Post and Reply records meet in unions (react's result, a moderation item's subject): a post has a title.
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'title' in value && 'last_activity_at' in value,
  fields: (t) => ({
    group: t.field({ type: GroupNode, resolve: (post) => post.group_id }),
    title: t.string({
      resolve: async (post, _args, context) => ((await itemView(context, post)).tombstone ? tombstoneText(post.status) : post.title),
    }),
    body: t.string({
      description: 'As written: plain text with a small Markdown subset (see bodyHtml). Render it as text, or use bodyHtml.',
      resolve: async (post, _args, context) => ((await itemView(context, post)).tombstone ? tombstoneText(post.status) : post.body),
    }),
    bodyHtml: t.string({
      description:
        'The body rendered to safe HTML: paragraphs, line breaks, *emphasis*, **strong**, lists, and links (http, https, mailto) with ' +
        'rel="nofollow ugc noopener". No images, no raw HTML: every other character is escaped.',
      resolve: async (post, _args, context) => renderSafeMarkdown((await itemView(context, post)).tombstone ? tombstoneText(post.status) : post.body),
    }),
    contentWarning: t.string({
      nullable: true,
      description:
        'A short label ("self-harm") that clients use to collapse the body until the reader opens it: the writer\'s own, or on a post ' +
        'in crisis the automatic "This post mentions suicide or self-harm" in the reader\'s language (see contentWarningKind).',
      resolve: async (post, _args, context) => (await viewerContentWarning(context, post, 'POST'))?.text ?? null,
    }),
    anonymous: t.exposeBoolean('anonymous'),
    author: t.field({
      type: MemberNode,
      nullable: true,
      description: 'Null for anonymous posts (except to their author), for tombstones, and to anyone who may not see the profile.',
      resolve: (post, _args, context) => authorIdFor(context, post),
    }),
    authorName: t.string({
      description:
        'The thread alias of an anonymous author ("Anonymous 1"), the pseudonym in this group, or the display name of a member who ' +
        'chose it — "Member" to readers outside the group (guests never see a real name) — or a tombstone mark.',
      resolve: (post, _args, context) => shownAuthorName(context, post),
    }),
    viewerIsAuthor: t.boolean({ resolve: async (post, _args, context) => (await itemView(context, post)).viewerIsAuthor }),
    createdAt: t.field({ type: 'DateTime', description: 'Whole seconds.', resolve: (post) => toWholeSecond(post.created_at) }),
    editedAt: t.field({ type: 'DateTime', nullable: true, resolve: (post) => (post.edited_at ? toWholeSecond(post.edited_at) : null) }),
    lastActivityAt: t.field({
      type: 'DateTime',
      description: 'When the latest published reply came, or the post was written (whole seconds).',
      resolve: (post) => toWholeSecond(post.last_activity_at),
    }),
    replyCount: t.int({ description: 'Published replies, answers to replies included.', resolve: (post) => post.reply_count }),
    status: t.field({ type: PostStatusEnum, resolve: (post) => post.status }),
    pinned: t.boolean({ resolve: (post) => post.pinned_at !== null }),
    locked: t.boolean({ description: 'A locked thread takes no new replies.', resolve: (post) => post.locked_at !== null }),
    editHistory: t.field({
      type: [ContentEditType],
      nullable: true,
      description: "Earlier versions, oldest first. The group's facilitators and the institution's admins only; null to others.",
      authScopes: (post) => ({ groupFacilitator: post.group_id }),
      unauthorizedResolver: () => null,
      resolve: (post, _args, context) => editHistoryOf(context, post),
    }),
  }),
});

export const PostConnection = builder.connectionObject({ type: PostNode, name: 'PostConnection' }, { name: 'PostEdge' });

/** Feed pages for many groups from one statement; a group whose posts the viewer may not read has an empty page. */
async function loadFeeds(context: HearthContext, groupIds: readonly string[], args: ConnectionArgs & { order?: string | null }) {
  const { page, after } = readFeedPage(args);
  const access = await Promise.all(groupIds.map((id) => conversationAccess(context.access, id)));
  const readable = groupIds.flatMap((id, index) => (access[index]!.read ? [{ id, moderates: access[index]!.moderate }] : []));
  const rows = await findFeedPages(context.db, {
    groups: readable,
    order: args.order === 'LATEST_ACTIVITY' ? 'LATEST_ACTIVITY' : 'NEWEST',
    after,
    limit: page.size + 1,
    reader: { memberId: viewerMemberId(context.viewer) },
  });
  return connectionsByKey(groupIds, rows, page, feedKey);
}

async function loadUnanswered(context: HearthContext, groupIds: readonly string[], args: ConnectionArgs) {
  const { page, after } = readContentTimePage(args);
  const access = await Promise.all(groupIds.map((id) => conversationAccess(context.access, id)));
  const readable = groupIds.filter((_id, index) => access[index]!.read);
  const rows = await findUnansweredPages(context.db, { groupIds: readable, after, limit: page.size + 1 });
  return connectionsByKey(groupIds, rows, page, timeKey);
}

builder.objectFields(GroupNode, (t) => ({
  posts: t.loadable({
    type: PostConnection,
    byPath: true,
    description:
      "The group's posts, pinned first, then newest first (or by latest activity). Empty for anyone who may not read them: the " +
      "group's members and the institution's admins read; anyone reads a PUBLIC group with publicReading.",
    args: { order: t.arg({ type: PostOrderEnum, defaultValue: 'NEWEST' }), ...t.arg.connectionArgs() },
    load: (groupIds: string[], context, args) => loadFeeds(context, groupIds, args),
    resolve: (group) => group.id,
  }),
  unansweredPosts: t.loadable({
    type: PostConnection,
    byPath: true,
    description:
      'Published, unlocked posts that nobody but their author has answered yet, oldest first: who is still waiting. A reply counts as ' +
      "the author's own only when it shows as theirs (their name on a named post, their thread alias on an anonymous one).",
    args: { ...t.arg.connectionArgs() },
    load: (groupIds: string[], context, args) => loadUnanswered(context, groupIds, args),
    resolve: (group) => group.id,
  }),
  postsReadableBy: t.field({
    type: PostReadersEnum,
    description:
      "Who can read what is posted here, so a composer can say it before sending: GUESTS when anyone may read the group's posts " +
      '(a PUBLIC group with publicReading, not archived), else MEMBERS (its members and the institution\'s admins).',
    resolve: (group) => (groupIsPubliclyReadable(group) ? 'GUESTS' : 'MEMBERS'),
  }),
  viewerCanPost: t.boolean({
    description: 'True when the viewer may post, reply and react here: a member in force (not suspended) of a group that is not archived.',
    resolve: async (group, _args, context) => (await conversationAccess(context.access, group.id)).takePart,
  }),
}));

builder.objectFields(MemberNode, (t) => ({
  posts: t.loadable({
    type: PostConnection,
    nullable: true,
    byPath: true,
    description:
      "The member's own posts, newest first, anonymous and pending ones included, in groups they still belong to. Only the member " +
      'sees this list (null to anyone else): it would tie their anonymous posts to them.',
    args: { ...t.arg.connectionArgs() },
    load: async (memberIds: string[], context, args) => {
      const { page, after } = readContentTimePage(args);
      const rows = await findOwnPostPages(context.db, { memberIds, after, limit: page.size + 1 });
      return connectionsByKey(memberIds, rows, page, timeKey);
    },
    resolve: (member, _args, context) => (viewerMemberId(context.viewer) === member.id ? member.id : null),
  }),
}));

// Mutations. Each validates its whole input first (post-input.ts), then calls a domain function that checks the
// author's standing, runs the content pipeline and writes in one transaction.

interface PostPayloadShape {
  item: PostRecord;
  crisisResources: CrisisResource[];
}

function postPayload(name: string, description: string) {
  return builder.objectRef<PostPayloadShape>(name).implement({
    description,
    fields: (t) => ({
      post: t.field({ type: PostNode, resolve: (payload) => payload.item }),
      crisisResources: t.field({
        type: [CrisisResourceType],
        description: "Where to find help now, in the author's language: non-empty when the text spoke of crisis. Show it at once.",
        resolve: (payload) => payload.crisisResources,
      }),
    }),
  });
}

const CreatePostPayload = postPayload('CreatePostPayload', 'The new post (PENDING_REVIEW when held for a facilitator) and any crisis resources for its author.');
const EditPostPayload = postPayload('EditPostPayload', 'The edited post and any crisis resources for its author.');

const CreatePostInput = builder.inputType('CreatePostInput', {
  fields: (t) => ({
    groupId: t.id({ required: true }),
    title: t.string({ required: true, description: `1–${contentLimits.title} characters, one line.` }),
    body: t.string({ required: true, description: `1–${contentLimits.body.toLocaleString('en')} characters of plain text with the Markdown subset of bodyHtml.` }),
    contentWarning: t.string({ description: `A short label (up to ${contentLimits.contentWarning} characters) that collapses the body until opened.` }),
    anonymous: t.boolean({ defaultValue: false, description: "Post without a name, where the group's anonymity policy allows it." }),
  }),
});

builder.mutationField('createPost', (t) =>
  t.field({
    type: CreatePostPayload,
    description: 'Starts a thread in a group. Active members only (not suspended); the content pipeline may hold it for review.',
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, RateLimitedError] },
    authScopes: (_root, { input }) => ({ groupMember: String(input.groupId) }),
    args: { input: t.arg({ type: CreatePostInput, required: true, validate: createPostSchema }) },
    resolve: async (_root, { input }, context) => {
      const post = {
        groupId: String(input.groupId),
        title: input.title,
        body: input.body,
        contentWarning: input.contentWarning ?? null,
        anonymous: input.anonymous ?? false,
      };
      return publishPost(context.db, context.access, post, contentServicesOf(context));
    },
  }),
);

const EditPostInput = builder.inputType('EditPostInput', {
  fields: (t) => ({
    postId: t.id({ required: true }),
    title: t.string(),
    body: t.string(),
    contentWarning: t.string({ description: 'null removes the warning; leave it out to keep it.' }),
  }),
});

builder.mutationField('editPost', (t) =>
  t.field({
    type: EditPostPayload,
    description: "Changes the viewer's own post; the replaced version stays in its edit history for the facilitators.",
    errors: { types: [...standardMutationErrors, RateLimitedError] },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: EditPostInput, required: true, validate: editPostSchema }) },
    resolve: async (_root, { input }, context) => {
      const post = await PostNode.getDataloader(context).load(String(input.postId));
      const changes = input as { title?: string; body?: string; contentWarning?: string | null };
      const edit = { title: changes.title, body: changes.body, contentWarning: 'contentWarning' in changes ? changes.contentWarning : undefined };
      return editPost(context.db, context.access, post, edit, contentServicesOf(context));
    },
  }),
);

const DeletePostInput = builder.inputType('DeletePostInput', { fields: (t) => ({ postId: t.id({ required: true }) }) });

builder.mutationField('deletePost', (t) =>
  t.field({
    type: PostNode,
    description: "Deletes the viewer's own post: it becomes a tombstone (\"[deleted]\") and its replies stay readable.",
    errors: { types: standardMutationErrors },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: DeletePostInput, required: true, validate: deletePostSchema }) },
    resolve: async (_root, { input }, context) => {
      const seen = (await PostNode.getDataloader(context).load(String(input.postId))) !== null;
      return deletePost(context.db, context.viewer, String(input.postId), seen);
    },
  }),
);
