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

/** The highest `queue_rank` (migration 0007): 0–5 crisis by level and acknowledgement, 6–7 the rest. */
const maxQueueRank = 7;

/**
 * The queue's page and cursor: the last case's rank on its page and its id (see `findQueuePage`). The rank is
 * range-checked like every cursor part, so a crafted cursor is a ValidationError on `after`, never SQL.
 */
export function readQueuePage(args: ConnectionArgs): { page: PageRequest; after: { rank: number; caseId: string } | null } {
  const { page, after } = readPage(args, z.tuple([z.number().int().min(0).max(maxQueueRank), cursorPart.id]));
  return { page, after: after === null ? null : { rank: after[0], caseId: after[1] } };
}
