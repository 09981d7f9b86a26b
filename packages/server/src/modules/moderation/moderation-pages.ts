import { ValidationError } from '../../schema/errors.js';
import type { PageRequest } from '../../schema/keyset-pagination.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The moderation queue and the audit log page by keyset, but their cursors carry only the id of the last row seen:
 * the query reads that row's sort key back. A cursor with a timestamp would show the exact instant a case opened,
 * which is the instant its item was written (the author's transaction opens both).
 */
export function readIdCursor(page: PageRequest): string | null {
  if (page.after === null) return null;
  const [id] = page.after;
  if (page.after.length !== 1 || typeof id !== 'string' || !uuidPattern.test(id)) {
    throw ValidationError.field(['after'], 'The cursor is not valid; use a cursor from a previous page.');
  }
  return id;
}
