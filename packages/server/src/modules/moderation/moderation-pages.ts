import { z } from 'zod';
import { cursorPart, readPage, type ConnectionArgs, type PageRequest } from '../../schema/keyset-pagination.js';

/**
 * The moderation queue and the audit log page by keyset, but their cursors carry only the id of the last row seen:
 * the query reads that row's sort key back. A cursor with a timestamp would show the exact instant a case opened,
 * which is the instant its item was written (the author's transaction opens both).
 */
export function readIdPage(args: ConnectionArgs): { page: PageRequest; after: string | null } {
  const { page, after } = readPage(args, z.tuple([cursorPart.id]));
  return { page, after: after === null ? null : after[0] };
}
