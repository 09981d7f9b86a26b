import type { HearthDb } from '../../db/database.js';
import type { CrisisVisibility, SubjectType } from '../../db/tables.js';
import { viewerMemberId, type Viewer } from '../../auth/viewer.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.js';
import { updateCrisisVisibility } from './post.queries.js';

/**
 * What peers see of a post or reply in crisis, in one place: the TypeScript half here, the SQL half
 * (`seenByPeers`) in post.queries.ts. By default an item in crisis is published behind an automatic content
 * warning, so peers choose to open it; its writer may take the warning off (VISIBLE) or keep the item to the
 * group's facilitators (FACILITATORS_ONLY: peers and guests don't see it; the writer and facilitators do). An
 * author's own warning always stands: the automatic one only fills in where the writer gave none.
 */
export interface CrisisItem {
  crisis: boolean;
  crisis_visibility: CrisisVisibility;
  content_warning: string | null;
}

export type ContentWarningKind = 'AUTHOR' | 'CRISIS';

const automaticWarnings = {
  en: { POST: 'This post mentions suicide or self-harm', REPLY: 'This reply mentions suicide or self-harm' },
  ar: { POST: 'يتحدث هذا المنشور عن الانتحار أو إيذاء النفس', REPLY: 'يتحدث هذا الرد عن الانتحار أو إيذاء النفس' },
} as const;

/** The reader's language for the automatic warning ("ar-SA" reads Arabic); English otherwise. */
function warningLanguage(locale: string): keyof typeof automaticWarnings {
  return locale.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

/** The warning a reader sees on an item (the author's, else the automatic one), or null. */
export function shownContentWarning(item: CrisisItem, type: 'POST' | 'REPLY', locale: string): { text: string; kind: ContentWarningKind } | null {
  if (item.content_warning) return { text: item.content_warning, kind: 'AUTHOR' };
  if (item.crisis && item.crisis_visibility === 'WITH_WARNING') return { text: automaticWarnings[warningLanguage(locale)][type], kind: 'CRISIS' };
  return null;
}

/** Whether a published item is kept from peers by its writer's choice (facilitators and the writer still see it). */
export function keptFromPeers(item: Pick<CrisisItem, 'crisis_visibility'>): boolean {
  return item.crisis_visibility === 'FACILITATORS_ONLY';
}

/** The reader's language: a member's own, else the group's first language (guests), else English. */
export function readerLocale(viewer: Viewer, groupLanguages: readonly string[] | undefined): string {
  return viewer.kind === 'member' ? viewer.member.locale : (groupLanguages?.[0] ?? 'en');
}

/**
 * The writer's choice for their own item in crisis. Only the writer may make it (not a facilitator, who has the
 * moderation actions), and only on an item the pipeline flagged: elsewhere there is no automatic warning to keep
 * or take off.
 */
export async function chooseCrisisVisibility(
  db: HearthDb,
  viewer: Viewer,
  subject: { type: SubjectType; id: string },
  item: (CrisisItem & { author_id: string }) | null,
  visibility: CrisisVisibility,
): Promise<void> {
  if (!item) throw new NotFoundError('Not found.');
  if (viewerMemberId(viewer) !== item.author_id) throw new ForbiddenError('Only its writer can choose who sees this.');
  if (!item.crisis) throw ValidationError.field(['input', 'subjectId'], 'This post or reply was not flagged for crisis: it has no automatic warning.');
  await updateCrisisVisibility(db, subject, visibility);
}
