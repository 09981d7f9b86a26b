import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { OutreachMessageRow, OutreachThreadRow } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import { contentServicesOf, type HearthContext } from '../../schema/context.js';
import { ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from '../../schema/errors.js';
import { readPage, toConnection } from '../../schema/keyset-pagination.js';
import { cursorPart } from '../../schema/keyset-pagination.js';
import { z } from 'zod';
import { GroupNode } from '../groups/group.types.js';
import { ModerationItemNode } from '../moderation/moderation-item.types.js';
import { loadModerationSubject, subjectFieldOptions } from '../moderation/moderation-subject.types.js';
import { renderSafeMarkdown } from '../posts/safe-markdown.js';
import { contactFacilitators, replyToOutreach, startOutreach } from './outreach.js';
import { contactFacilitatorsSchema, replyToOutreachSchema, startOutreachSchema } from './outreach-input.js';
import { findGroupNames, findMessagePages, findMessagesByIds, findOutreachSubject, findThreadsByIds, findThreadsOfSubjects, findViewerThreadPage } from './outreach.queries.js';
import { excerptOf, facilitatorNameOf, sideOf, toWholeMinute, writerNameOf } from './outreach.rules.js';

/**
 * Private outreach between a group's facilitators and one writer. No field here names the writer to the
 * facilitators: there is no writer Member field, senderName on the writer's side is the thread alias (or the name
 * the group already shows for a named subject), and times are shown to the minute.
 */
export const OutreachSideEnum = builder.enumType('OutreachSide', {
  description: "FACILITATORS: the group's facilitators and the institution's admins. WRITER: the member the thread is about.",
  values: ['FACILITATORS', 'WRITER'] as const,
});

function readerLanguage(context: HearthContext): string {
  return context.viewer.kind === 'member' ? context.viewer.member.locale : 'en';
}

async function visibleThreads(context: HearthContext, rows: OutreachThreadRow[]): Promise<OutreachThreadRow[]> {
  const sides = await Promise.all(rows.map((row) => sideOf(context.access, row)));
  return rows.filter((_row, index) => sides[index] !== null);
}

export const OutreachThreadNode = builder.loadableNodeRef<OutreachThreadRow>('OutreachThread', {
  id: { resolve: (thread) => thread.id },
  // Only its two sides see a thread: the writer, and the group's facilitators and the institution's admins.
  load: async (ids: string[], context) => visibleThreads(context, await findThreadsByIds(context.db, ids)),
  sort: (thread) => thread.id,
});

/** The thread a message belongs to, read once per request for every message of a page. */
const threadLoader = createContextCache(
  (context: HearthContext) =>
    new DataLoader<string, OutreachThreadRow | null>(async (ids) => {
      const rows = await findThreadsByIds(context.db, ids);
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    }),
);

/** How members appear in a group (facilitators, named writers), batched per request. */
const groupNameLoader = createContextCache(
  (context: HearthContext) =>
    new DataLoader<string, { display_name: string; pseudonym: string | null; appearance: 'PSEUDONYM' | 'NAME' | null } | null>(async (keys) => {
      const byGroup = new Map<string, string[]>();
      for (const key of keys) {
        const [groupId, memberId] = key.split(':') as [string, string];
        byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), memberId]);
      }
      const found = new Map<string, { display_name: string; pseudonym: string | null; appearance: 'PSEUDONYM' | 'NAME' | null }>();
      for (const [groupId, memberIds] of byGroup) {
        for (const row of await findGroupNames(context.db, groupId, memberIds)) found.set(`${groupId}:${row.member_id}`, row);
      }
      return keys.map((key) => found.get(key) ?? null);
    }),
);

async function groupNameOf(context: HearthContext, groupId: string, memberId: string | null) {
  if (!memberId) return null;
  const row = await groupNameLoader(context).load(`${groupId}:${memberId}`);
  return row ? { displayName: row.display_name, pseudonym: row.pseudonym, appearance: row.appearance } : null;
}

async function writerName(context: HearthContext, thread: OutreachThreadRow): Promise<string> {
  // An anonymous subject's writer is the thread alias: no name lookup happens at all.
  const parts = thread.writer_anonymous ? null : await groupNameOf(context, thread.group_id, thread.writer_member_id);
  return writerNameOf(thread, parts, readerLanguage(context));
}

export const OutreachMessageNode = builder.loadableNodeRef<OutreachMessageRow>('OutreachMessage', {
  id: { resolve: (message) => message.id },
  load: async (ids: string[], context) => {
    const rows = await findMessagesByIds(context.db, ids);
    const threads = await visibleThreads(context, (await Promise.all(rows.map((row) => threadLoader(context).load(row.thread_id)))).filter((row): row is OutreachThreadRow => row !== null));
    const seen = new Set(threads.map((thread) => thread.id));
    return rows.filter((row) => seen.has(row.thread_id));
  },
  sort: (message) => message.id,
});

OutreachMessageNode.implement({
  description: "A message in an outreach thread: from the group's facilitators, or from the writer.",
  fields: (t) => ({
    body: t.exposeString('body', { description: 'Plain text as written: render it as text (or use bodyHtml), never as HTML.' }),
    bodyHtml: t.string({ description: 'The body rendered to safe HTML (the Markdown subset of Post.bodyHtml; everything else escaped).', resolve: (message) => renderSafeMarkdown(message.body) }),
    from: t.field({ type: OutreachSideEnum, resolve: (message) => message.from_side }),
    senderName: t.string({
      description:
        "The facilitator's name in the group (their pseudonym there, or their name); on the writer's side always the thread alias " +
        '("Anonymous 3", «مجهول 3») for an anonymous subject, else the name the group shows for the writer — never a name the group does not show.',
      resolve: async (message, _args, context) => {
        const thread = await threadLoader(context).load(message.thread_id);
        if (!thread) return facilitatorNameOf(null, readerLanguage(context));
        if (message.from_side === 'WRITER') return writerName(context, thread);
        return facilitatorNameOf(await groupNameOf(context, thread.group_id, message.sender_member_id), readerLanguage(context));
      },
    }),
    crisis: t.exposeBoolean('crisis', { description: "Crisis language in the message (the content pipeline's detector)." }),
    viewerIsSender: t.boolean({
      resolve: async (message, _args, context) => {
        const thread = await threadLoader(context).load(message.thread_id);
        if (!thread || context.viewer.kind !== 'member') return false;
        return message.from_side === 'WRITER' ? thread.writer_member_id === context.viewer.member.id : message.sender_member_id === context.viewer.member.id;
      },
    }),
    createdAt: t.field({ type: 'DateTime', description: 'To the minute.', resolve: (message) => toWholeMinute(message.created_at) }),
  }),
});

export const OutreachMessageConnection = builder.connectionObject({ type: OutreachMessageNode, name: 'OutreachMessageConnection' }, { name: 'OutreachMessageEdge' });
export const OutreachThreadConnection = builder.connectionObject({ type: OutreachThreadNode, name: 'OutreachThreadConnection' }, { name: 'OutreachThreadEdge' });

/** Cursors carry the id of the last row seen only; the query reads its sort key back (no timestamp in a cursor). */
const idCursor = z.tuple([cursorPart.id]);

OutreachThreadNode.implement({
  description:
    "A private conversation between a group's facilitators and the writer of one of its posts or replies (or a member who wrote to " +
    'the facilitators). Seen by the writer and by the group\'s facilitators and the institution\'s admins; the facilitators never learn who an anonymous writer is.',
  fields: (t) => ({
    group: t.field({ type: GroupNode, nullable: true, resolve: (thread) => thread.group_id }),
    subject: t.field({
      ...subjectFieldOptions,
      description: 'The post or reply the thread is about, as the viewer may see it (null when none, or gone from their view).',
      resolve: (thread, _args, context) => loadModerationSubject(context, thread),
    }),
    subjectExcerpt: t.string({
      nullable: true,
      description: 'The first words of the subject (plain text), while it is published.',
      resolve: async (thread, _args, context) => {
        if (!thread.subject_id || !thread.subject_type) return null;
        const subject = await findOutreachSubject(context.db, thread.subject_type, thread.subject_id);
        return subject && subject.status === 'PUBLISHED' ? excerptOf(subject.body) : null;
      },
    }),
    startedBy: t.field({ type: OutreachSideEnum, resolve: (thread) => thread.started_by }),
    writerName: t.string({
      description: 'How the writer appears in this thread: the thread alias for an anonymous subject, else the name the group shows.',
      resolve: (thread, _args, context) => writerName(context, thread),
    }),
    viewerIsWriter: t.boolean({ resolve: (thread, _args, context) => context.viewer.kind === 'member' && context.viewer.member.id === thread.writer_member_id }),
    lastMessageAt: t.field({ type: 'DateTime', description: 'To the minute.', resolve: (thread) => toWholeMinute(thread.last_message_at) }),
    createdAt: t.field({ type: 'DateTime', description: 'To the minute.', resolve: (thread) => toWholeMinute(thread.created_at) }),
    messages: t.loadable({
      type: OutreachMessageConnection,
      byPath: true,
      description: 'Oldest first.',
      args: { ...t.arg.connectionArgs() },
      load: async (threadIds: string[], context, args) => {
        const { page, after } = readPage(args, idCursor);
        const rows = await findMessagePages(context.db, threadIds, after?.[0] ?? null, page.size + 1);
        return threadIds.map((id) => toConnection(rows.filter((row) => row.thread_id === id), page, (row) => [row.id]));
      },
      resolve: (thread) => thread.id,
    }),
  }),
});

builder.queryField('outreachThreads', (t) =>
  t.field({
    type: OutreachThreadConnection,
    description:
      "The viewer's outreach threads, latest message first: as the writer, and as a facilitator of the groups they facilitate " +
      "(an institution admin: every group of the institution). Signed-in members only.",
    authScopes: { signedIn: true },
    args: { ...t.arg.connectionArgs() },
    resolve: async (_root, args, context) => {
      const { page, after } = readPage(args, idCursor);
      const rows = await findViewerThreadPage(context.db, context.viewer, after?.[0] ?? null, page.size + 1);
      return toConnection(rows, page, (row) => [row.id]);
    },
  }),
);

builder.objectField(ModerationItemNode, 'outreachThreads', (t) =>
  t.loadableList({
    type: OutreachThreadNode,
    description: "Outreach about the item. The group's facilitators and the institution's admins (a service token reads none).",
    load: async (subjectIds: string[], context) => {
      const rows = await visibleThreads(context, await findThreadsOfSubjects(context.db, subjectIds));
      return subjectIds.map((id) => rows.filter((row) => row.subject_id === id));
    },
    resolve: (item) => item.subject_id,
  }),
);

const messageErrors = { types: [ValidationError, ForbiddenError, NotFoundError, RateLimitedError] };

const StartOutreachInput = builder.inputType('StartOutreachInput', {
  fields: (t) => ({
    subjectId: t.id({ required: true, description: 'A Post or Reply flagged for crisis (crisis language, or an open crisis case).' }),
    body: t.string({ required: true }),
  }),
});

builder.mutationField('startOutreach', (t) =>
  t.field({
    type: OutreachThreadNode,
    description:
      "Writes privately to the writer of a crisis post or reply without learning who they are. The group's facilitators and the " +
      "institution's admins. A second outreach about the same item continues its thread.",
    errors: messageErrors,
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: StartOutreachInput, required: true, validate: startOutreachSchema }) },
    resolve: async (_root, { input }, context) => {
      const subject = (input as unknown as { subjectId: { type: 'POST' | 'REPLY'; id: string } }).subjectId;
      return startOutreach(context.db, context.access, subject, input.body, contentServicesOf(context));
    },
  }),
);

const ReplyToOutreachInput = builder.inputType('ReplyToOutreachInput', {
  fields: (t) => ({ threadId: t.id({ required: true }), body: t.string({ required: true }) }),
});

builder.mutationField('replyToOutreach', (t) =>
  t.field({
    type: OutreachMessageNode,
    description: "Answers in an outreach thread: the writer on their side, any facilitator of the group (or admin) on the facilitators' side.",
    errors: messageErrors,
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReplyToOutreachInput, required: true, validate: replyToOutreachSchema }) },
    resolve: (_root, { input }, context) => replyToOutreach(context.db, context.access, String(input.threadId), input.body, contentServicesOf(context)),
  }),
);

const ContactFacilitatorsInput = builder.inputType('ContactFacilitatorsInput', {
  fields: (t) => ({
    groupId: t.id({ required: true }),
    body: t.string({ required: true }),
    subjectId: t.id({ description: "One of the viewer's own posts or replies in the group; an anonymous one keeps them under its thread alias." }),
  }),
});

builder.mutationField('contactFacilitators', (t) =>
  t.field({
    type: OutreachThreadNode,
    description: "\"Talk to a facilitator now\": an active member writes privately to the group's facilitators (continuing their thread if there is one).",
    errors: messageErrors,
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ContactFacilitatorsInput, required: true, validate: contactFacilitatorsSchema }) },
    resolve: (_root, { input }, context) => {
      const parsed = input as unknown as { groupId: string; body: string; subjectId?: { type: 'POST' | 'REPLY'; id: string } | null };
      const message = { groupId: parsed.groupId, body: parsed.body, subject: parsed.subjectId ?? null };
      return contactFacilitators(context.db, context.access, message, contentServicesOf(context));
    },
  }),
);
