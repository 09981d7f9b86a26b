import type { Viewer } from '../../auth/viewer.js';
import type { HearthDb } from '../../db/database.js';
import { detectCrisisLanguage } from '../content-pipeline/crisis-detector.js';
import { crisisResourcesFor, type CrisisResource } from '../crisis-resources/crisis-resources.js';

/**
 * A search passes the same crisis detector as a post: someone who types "I want to end my life" into the group
 * finder is told where to get help now, above whatever groups match. Nothing is recorded: a search belongs to
 * no group, and no facilitator is told about it (the searcher may not even be signed in).
 */
export interface GroupSearch {
  /** The institution searched (its crisis resources are the ones shown). */
  institutionId: string;
  /** The search text, or null for a listing without one. */
  text: string | null;
}

/** Arabic letters (the Arabic blocks and presentation forms). */
const arabicScript = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;

/**
 * The language to show help in: a member's own locale; for a guest, who has none, Arabic when they searched in
 * Arabic, else the institution's default.
 */
function searcherLocale(viewer: Viewer, text: string): string | null {
  if (viewer.kind === 'member') return viewer.member.locale;
  return arabicScript.test(text) ? 'ar' : null;
}

/** GroupConnection.crisisResources: the institution's resources when the search text is crisis language, else []. */
export async function crisisResourcesForSearch(db: HearthDb, viewer: Viewer, search: GroupSearch): Promise<CrisisResource[]> {
  if (!search.text || !detectCrisisLanguage(search.text).crisis) return [];
  return crisisResourcesFor(db, search.institutionId, searcherLocale(viewer, search.text));
}
