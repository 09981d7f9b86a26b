import { z } from 'zod';
import { cursorPart, readPage, toConnection, type ConnectionArgs, type PageRequest } from '../../schema/keyset-pagination.js';
import type { RowCursor } from './membership.queries.js';

/**
 * Keyset pages for many parents at once (every group in a list, every member), fetched by one statement and split
 * here, so a list of groups with their join requests costs one query rather than one per group.
 */

/** The page asked for, with its cursor read as [id] of the last row seen (schema/keyset-pagination.ts). */
export function readRowPage(args: ConnectionArgs): { page: PageRequest; after: RowCursor | null } {
  const { page, after } = readPage(args, z.tuple([cursorPart.id]));
  return { page, after: after === null ? null : { id: after[0] } };
}

/** One connection per parent key, from rows ordered within each parent (`page.size + 1` at most per parent). */
export function connectionsByParent<Row extends { id: string }>(
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
  return keys.map((key) => toConnection(byParent.get(key) ?? [], page, (row) => [row.id]));
}
