import { ValidationError } from '../../schema/errors.js';
import { readPageRequest, toConnection, type ConnectionArgs, type PageRequest } from '../../schema/keyset-pagination.js';
import type { TimeCursor } from './membership.queries.js';

/**
 * Keyset pages for many parents at once (every group in a list, every member), fetched by one statement and split
 * here, so a list of groups with their join requests costs one query rather than one per group.
 */

/** The page asked for, with its cursor read as [exact sort time, id]; any other cursor is refused. */
export function readTimePage(args: ConnectionArgs): { page: PageRequest; after: TimeCursor | null } {
  const page = readPageRequest(args);
  if (page.after === null) return { page, after: null };
  const [time, id] = page.after;
  const valid =
    page.after.length === 2 &&
    typeof time === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(time) &&
    typeof id === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);
  if (!valid) throw ValidationError.field(['after'], 'The cursor is not valid; use a cursor from a previous page.');
  return { page, after: { time, id } };
}

/** One connection per parent key, from rows ordered within each parent (`page.size + 1` at most per parent). */
export function connectionsByParent<Row extends { id: string; sort_time: string }>(
  keys: readonly string[],
  rows: Row[],
  parentOf: (row: Row) => string,
  page: PageRequest,
) {
  const byParent = new Map<string, Row[]>();
  for (const row of rows) {
    const siblings = byParent.get(parentOf(row));
    if (siblings) siblings.push(row);
    else byParent.set(parentOf(row), [row]);
  }
  return keys.map((key) => toConnection(byParent.get(key) ?? [], page, (row) => [row.sort_time, row.id]));
}
