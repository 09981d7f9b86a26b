import { z } from 'zod';
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

const invalidCursorMessage = 'The cursor is not valid; use a cursor from a previous page.';

function invalidCursor(): never {
  throw ValidationError.field(['after'], invalidCursorMessage);
}

/** Longest cursor accepted: ours are well under 300 characters; a longer one is not ours. */
const maxCursorLength = 1024;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Seconds from 1970 to the end of the year 9999: every time a cursor may carry, and none that PostgreSQL would refuse. */
export const maxCursorSeconds = 253_402_300_799;
/** Characters a cursor's text may never carry to PostgreSQL: NUL, and a surrogate without its pair. */
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The parts a cursor is made of, each with its range, so every connection decodes its cursor by one rule: a
 * crafted cursor (a NUL, a year PostgreSQL can't hold, a float where an id goes) is a ValidationError on `after`,
 * never a value that reaches SQL.
 */
export const cursorPart = {
  id: z.string().regex(uuidPattern),
  /** Whole seconds since 1970, within the years PostgreSQL and JavaScript share. */
  seconds: z.number().int().min(0).max(maxCursorSeconds),
  flag: z.union([z.literal(0), z.literal(1)]),
  text: (max: number) =>
    z
      .string()
      .max(max)
      .refine((value) => !unstorable.test(value)),
  /** A non-negative decimal as text (a relevance score), at most six digits either side of the point. */
  decimal: z.string().regex(/^\d{1,6}(\.\d{1,6})?$/),
  literal: <Value extends string>(value: Value) => z.literal(value),
};

function decodeCursor(cursor: string): unknown[] {
  if (cursor.length > maxCursorLength || !/^[A-Za-z0-9_-]+$/.test(cursor)) invalidCursor();
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length > 0) return key;
  } catch {
    // fall through to the typed error
  }
  return invalidCursor();
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

/**
 * The page asked for and its cursor read by `shape` (a tuple of `cursorPart`s, or a union of such tuples), in
 * one step for every connection. A cursor of another shape, or with a part out of its range, is refused.
 */
export function readPage<Shape extends z.ZodType<unknown[]>>(args: ConnectionArgs, shape: Shape): { page: PageRequest; after: z.output<Shape> | null } {
  const page = readPageRequest(args);
  return { page, after: readCursor(page, shape) };
}

/** `readPage` for a page already read (a listing that decides the cursor's shape from other arguments). */
export function readCursor<Shape extends z.ZodType<unknown[]>>(page: PageRequest, shape: Shape): z.output<Shape> | null {
  if (page.after === null) return null;
  const parsed = shape.safeParse(page.after);
  if (!parsed.success) invalidCursor();
  return parsed.data;
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
