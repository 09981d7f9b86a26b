import { ValidationError } from './errors.js';

/**
 * Forward keyset pagination for every connection: the cursor carries the sort key of the last row seen, and
 * the next page is `WHERE (key) > (cursor)` on an indexed column, never OFFSET. Backward arguments (`last`,
 * `before`) are refused with a clear error rather than half-supported.
 */
export interface ConnectionArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}

export interface PageRequest {
  size: number;
  /** The sort key after which the page starts, or null for the first page. */
  after: unknown[] | null;
}

export const defaultPageSize = 20;
export const maxPageSize = 100;

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): unknown[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((part) => ['string', 'number', 'boolean'].includes(typeof part) || part === null)) return key;
  } catch {
    // fall through to the typed error
  }
  throw ValidationError.field(['after'], 'The cursor is not valid; use a cursor from a previous page.');
}

export function readPageRequest(args: ConnectionArgs): PageRequest {
  if (args.last != null || args.before != null) {
    throw ValidationError.field(['last'], 'Only forward pagination (first/after) is supported.');
  }
  const size = args.first ?? defaultPageSize;
  if (!Number.isInteger(size) || size < 0 || size > maxPageSize) {
    throw ValidationError.field(['first'], `first must be between 0 and ${maxPageSize}.`);
  }
  return { size, after: args.after ? decodeCursor(args.after) : null };
}

/** Builds a Relay connection from `page.size + 1` rows fetched in order (the extra row tells if more exist). */
export function toConnection<Row, Node = Row>(
  rows: Row[],
  page: PageRequest,
  sortKey: (row: Row) => unknown[],
  toNode: (row: Row) => Node = (row) => row as unknown as Node,
) {
  const pageRows = rows.slice(0, page.size);
  const edges = pageRows.map((row) => ({ cursor: encodeCursor(sortKey(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.size,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
