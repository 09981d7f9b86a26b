import type { HearthClient, ResultOf, replyFields } from '@hearth/client';
import { dataOf } from '../base/load-failure.js';
import { threadQuery } from './hearth-thread.operations.js';

type ThreadNode = Extract<NonNullable<ResultOf<typeof threadQuery>['node']>, { __typename: 'Post' }>;
export type ThreadPost = Omit<ThreadNode, 'replies'>;
export type Reply = ResultOf<typeof replyFields>;
export type PageInfo = { hasNextPage: boolean; endCursor: string | null };
type ReplyNode = ThreadNode['replies']['edges'][number]['node'];

/** A top-level reply and the answers to it loaded so far (threads are one level deep). */
export interface ReplyEntry {
  reply: Reply;
  answers: Reply[];
  answersPage: PageInfo;
}

/** The conversation as shown: the post, its top-level replies loaded so far, and where the next page starts. */
export interface ThreadModel {
  post: ThreadPost;
  entries: ReplyEntry[];
  page: PageInfo;
}

/** Answers loaded with each top-level reply, and by each "Show more answers". */
export const answersPageSize = 5;
/** The most the API gives in one page. */
export const maxPageSize = 100;

/**
 * The post with `first` top-level replies (after `after`) and each one's first `answers`; null when the id is not a
 * post the viewer can read. A failed request throws (a LoadFailure), for the thread's task to show.
 */
export async function fetchThread(
  client: HearthClient,
  request: { postId: string; first: number; answers: number; after?: string | null },
  signal?: AbortSignal,
): Promise<ThreadModel | null> {
  const result = await client.request(threadQuery, request, signal ? { signal } : undefined);
  const node = dataOf(result).node;
  if (node?.__typename !== 'Post') return null;
  const { replies, ...post } = node;
  return { post, entries: replies.edges.map((edge) => entryOf(edge.node)), page: replies.pageInfo };
}

function entryOf(node: ReplyNode): ReplyEntry {
  const { replies, ...reply } = node;
  return { reply, answers: replies.edges.map((edge) => edge.node), answersPage: replies.pageInfo };
}

/** The model with a page of top-level replies added after those shown (any already shown are left out). */
export function withMoreReplies(model: ThreadModel, page: Pick<ThreadModel, 'entries' | 'page'>): { model: ThreadModel; added: number } {
  const known = new Set(model.entries.map((entry) => entry.reply.id));
  const added = page.entries.filter((entry) => !known.has(entry.reply.id));
  return { model: { ...model, entries: [...model.entries, ...added], page: page.page }, added: added.length };
}

/** The model with a page of answers added under one top-level reply. */
export function withMoreAnswers(model: ThreadModel, replyId: string, answers: Reply[], page: PageInfo): { model: ThreadModel; added: number } {
  let added = 0;
  const entries = model.entries.map((entry) => {
    if (entry.reply.id !== replyId) return entry;
    const known = new Set(entry.answers.map((answer) => answer.id));
    const fresh = answers.filter((answer) => !known.has(answer.id));
    added = fresh.length;
    return { ...entry, answers: [...entry.answers, ...fresh], answersPage: page };
  });
  return { model: { ...model, entries }, added };
}

export function containsReply(model: ThreadModel, replyId: string): boolean {
  return model.entries.some((entry) => entry.reply.id === replyId || entry.answers.some((answer) => answer.id === replyId));
}

/** The model with a reply added where it belongs: under its top-level reply, or at the end of the thread. */
export function withReply(model: ThreadModel, reply: Reply): ThreadModel {
  const parentId = reply.parentReply?.id;
  if (parentId && model.entries.some((entry) => entry.reply.id === parentId)) {
    return {
      ...model,
      entries: model.entries.map((entry) => (entry.reply.id === parentId ? { ...entry, answers: [...entry.answers, reply] } : entry)),
    };
  }
  return { ...model, entries: [...model.entries, { reply, answers: [], answersPage: { hasNextPage: false, endCursor: null } }] };
}

/** An id-safe key for an item's elements (global ids hold `=`, `+` and `/`). */
export function domKey(id: string): string {
  return `i-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
