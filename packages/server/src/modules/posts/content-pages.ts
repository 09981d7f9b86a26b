import { z } from 'zod';
import { cursorPart, readPage, toConnection, type ConnectionArgs, type PageRequest } from '../../schema/keyset-pagination.js';
import type { FeedCursor, TimeCursor } from './post.queries.js';

/**
 * Cursors of the conversation lists. They carry what the keyset needs and nothing that could link an item to a
 * person: the item's own id, whether it is pinned, and its sort time in whole seconds (content times are stored
 * to the second; see migration 0004). No member id, no sub-second instant.
 */
export function wholeSeconds(time: Date): number {
  return Math.floor(time.getTime() / 1000);
}

/** A time cut to the whole second, for every content timestamp the API shows. */
export function toWholeSecond(time: Date): Date {
  return new Date(wholeSeconds(time) * 1000);
}

const feedCursor = z.tuple([cursorPart.flag, cursorPart.seconds, cursorPart.id]);
const timeCursor = z.tuple([cursorPart.seconds, cursorPart.id]);

export function readFeedPage(args: ConnectionArgs): { page: PageRequest; after: FeedCursor | null } {
  const { page, after } = readPage(args, feedCursor);
  if (after === null) return { page, after: null };
  const [pinned, seconds, id] = after;
  return { page, after: { pinned: pinned === 1, time: new Date(seconds * 1000), id } };
}

export function readContentTimePage(args: ConnectionArgs): { page: PageRequest; after: TimeCursor | null } {
  const { page, after } = readPage(args, timeCursor);
  if (after === null) return { page, after: null };
  const [seconds, id] = after;
  return { page, after: { time: new Date(seconds * 1000), id } };
}

export const feedKey = (row: { pinned: boolean; sort_time: Date; id: string }) => [row.pinned ? 1 : 0, wholeSeconds(row.sort_time), row.id];
export const timeKey = (row: { sort_time: Date; id: string }) => [wholeSeconds(row.sort_time), row.id];

/** One connection per parent key, from rows that carry their parent as `page_key`, in page order. */
export function connectionsByKey<Row extends { page_key: string }>(
  keys: readonly string[],
  rows: Row[],
  page: PageRequest,
  sortKey: (row: Row) => unknown[],
) {
  const byKey = new Map<string, Row[]>();
  for (const row of rows) {
    const siblings = byKey.get(row.page_key);
    if (siblings) siblings.push(row);
    else byKey.set(row.page_key, [row]);
  }
  return keys.map((key) => toConnection(byKey.get(key) ?? [], page, sortKey));
}

export const emptyConnection = (page: PageRequest) => toConnection([], page, () => []);
