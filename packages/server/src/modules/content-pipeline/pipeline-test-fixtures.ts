import type { HearthDb } from '../../db/database.js';
import type { GroupRole, NewGroup } from '../../db/tables.js';
import { addTestMembership, createTestGroup, createTestMember, type TestInstitution, type TestMember } from '../../../test-support/factories.js';
import type { ContentAuthor, ContentDraft } from './content-pipeline.js';

/** Shared by the stage tests: an author as the pipeline receives one, and drafts to run through it. */
export async function createAuthor(
  db: HearthDb,
  institution: TestInstitution,
  options: { group?: Partial<NewGroup>; role?: GroupRole; locale?: string; admin?: boolean } = {},
): Promise<ContentAuthor & { test: TestMember }> {
  const group = await createTestGroup(db, institution, options.group);
  const test = await createTestMember(db, institution, { locale: options.locale, admin: options.admin });
  const membership = await addTestMembership(db, group, test.row, { role: options.role ?? 'MEMBER' });
  return { member: test.row, membership, group, test };
}

export const postDraft = (changes: Partial<ContentDraft> = {}): ContentDraft => ({
  kind: 'POST',
  title: 'A hard week',
  body: 'Thank you all for listening.',
  contentWarning: null,
  anonymous: false,
  ...changes,
});
