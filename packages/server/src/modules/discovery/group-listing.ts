import { createHash } from 'node:crypto';
import type { RequestAccess } from '../../auth/request-access.js';
import type { Viewer } from '../../auth/viewer.js';
import type { HearthDb } from '../../db/database.js';
import type { Facilitation, GroupFormat, GroupRow, JoinPolicy, MembershipStatus } from '../../db/tables.js';
import { ValidationError } from '../../schema/errors.js';
import { z } from 'zod';
import { cursorPart, readCursor, toConnection, type PageRequest } from '../../schema/keyset-pagination.js';
import { findInstitutionBySlug } from '../institutions/institution.queries.js';
import { findListedGroupsByName, findListedGroupsByRelevance, type GroupListing } from './discovery.queries.js';
import { listingScope } from './discovery.rules.js';
import type { GroupSearch } from './search-crisis-help.js';

/** GroupFilter as the API receives it (after `groupFilterSchema`). */
export interface GroupFilterInput {
  text?: string | null | undefined;
  topics?: string[] | null | undefined;
  languages?: string[] | null | undefined;
  facilitation?: Facilitation | null | undefined;
  formats?: GroupFormat[] | null | undefined;
  joinPolicies?: JoinPolicy[] | null | undefined;
  acceptingMembers?: boolean | null | undefined;
  viewerMembership?: MembershipStatus[] | null | undefined;
  institution?: string | null | undefined;
}

/**
 * A listing is ordered by relevance when it searches text, by name otherwise. The cursor names its ordering (and,
 * for a search, a fingerprint of the text, since relevance depends on it), so a cursor carried over to a different
 * ordering or search is refused clearly instead of silently skipping or repeating groups.
 */
type ListingOrder = { kind: 'relevance'; text: string; fingerprint: string } | { kind: 'name' };

function listingOrder(text: string | null | undefined): ListingOrder {
  const words = (text ?? '').normalize('NFC').trim();
  if (words === '') return { kind: 'name' };
  const fingerprint = createHash('sha256').update(words.toLowerCase()).digest('base64url').slice(0, 12);
  return { kind: 'relevance', text: words, fingerprint };
}

function restartMessage(detail: string): ValidationError {
  return ValidationError.field(['after'], `${detail} Start again from the first page (without "after").`);
}

/** ['relevance', fingerprint, score, id] or ['name', name, id] (schema/keyset-pagination.ts checks each part). */
const listingCursor = z.union([
  z.tuple([cursorPart.literal('relevance'), cursorPart.text(64), cursorPart.decimal, cursorPart.id]),
  z.tuple([cursorPart.literal('name'), cursorPart.text(400), cursorPart.id]),
]);

function readRelevanceCursor(order: { fingerprint: string }, page: PageRequest): { score: string; id: string } | null {
  const cursor = readCursor(page, listingCursor);
  if (cursor === null) return null;
  if (cursor[0] === 'name') throw restartMessage('This cursor comes from a list in name order, but this request searches text (ordered by relevance).');
  const [, fingerprint, score, id] = cursor;
  if (fingerprint !== order.fingerprint) throw restartMessage('This cursor comes from a search for different text.');
  return { score, id };
}

function readNameCursor(page: PageRequest): { name: string; id: string } | null {
  const cursor = readCursor(page, listingCursor);
  if (cursor === null) return null;
  if (cursor[0] === 'relevance') throw restartMessage('This cursor comes from a text search (ordered by relevance), but this request lists groups in name order.');
  const [, name, id] = cursor;
  return { name, id };
}

/** The institution a listing searches: the one named in the filter, else the viewer's (token or header). */
async function listingInstitutionId(db: HearthDb, viewer: Viewer, slug: string | null | undefined): Promise<string> {
  if (slug) {
    const institution = await findInstitutionBySlug(db, slug);
    if (!institution) throw ValidationError.field(['filter', 'institution'], `No institution has the slug "${slug}".`);
    return institution.id;
  }
  if (viewer.institutionId) return viewer.institutionId;
  throw ValidationError.field(
    ['filter', 'institution'],
    'Say which institution to search: sign in with its token, send the X-Hearth-Institution header, or set filter.institution to its slug.',
  );
}

/**
 * `Query.groups`: the groups the viewer may find in one institution, filtered, searched and paginated. The rows
 * found are shared with the request's access (`primeGroup`), so the fields resolved on them read no group again.
 */
export async function listGroups(db: HearthDb, access: RequestAccess, filter: GroupFilterInput | null | undefined, page: PageRequest) {
  const viewer = access.viewer;
  const institutionId = await listingInstitutionId(db, viewer, filter?.institution);
  const listing: GroupListing = {
    institutionId,
    scope: listingScope(viewer, institutionId),
    topics: filter?.topics ?? [],
    languages: (filter?.languages ?? []).map((tag) => tag.toLowerCase()),
    facilitation: filter?.facilitation ?? null,
    formats: filter?.formats ?? [],
    joinPolicies: filter?.joinPolicies ?? [],
    acceptingMembers: filter?.acceptingMembers ?? null,
    viewerMembership: filter?.viewerMembership?.length
      ? { memberId: viewer.kind === 'member' && viewer.institutionId === institutionId ? viewer.member.id : null, statuses: filter.viewerMembership }
      : null,
    // One row more than the page shows tells whether another page exists.
    limit: page.size + 1,
  };
  const order = listingOrder(filter?.text);
  const search: GroupSearch = { institutionId, text: order.kind === 'relevance' ? order.text : null };
  const share = (row: GroupRow) => {
    access.primeGroup(row);
    return row;
  };

  if (order.kind === 'relevance') {
    const after = readRelevanceCursor(order, page);
    const rows = await findListedGroupsByRelevance(db, listing, order.text, after);
    return { ...toConnection(rows, page, (row) => ['relevance', order.fingerprint, row.score, row.id], ({ score: _score, relevance: _relevance, ...row }) => share(row)), search };
  }
  const after = readNameCursor(page);
  const rows = await findListedGroupsByName(db, listing, after);
  return { ...toConnection(rows, page, (row) => ['name', row.name, row.id], share), search };
}
