import type { HearthDb } from '../src/db/database.js';
import { encodeGlobalId } from '../src/schema/global-ids.js';
import { addTestMembership, createTestGroup, createTestInstitution, createTestMember, createTestPost, type TestMember } from './factories.js';

/**
 * Shared by the fault tests (a database or Redis taken away under a running API): what they set up and what
 * they watch for.
 */

/**
 * Records uncaught exceptions while a fault test runs: each is what would have ended a real API process (vitest
 * survives them and reports them apart from the test result, so a test must ask).
 */
export function watchUncaughtExceptions(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const record = (error: unknown) => void errors.push(error);
  process.on('uncaughtException', record);
  return { errors, stop: () => void process.off('uncaughtException', record) };
}

/** An institution, a group with `count` active members, and a published post for them to reply to. */
export async function groupWithWriters(db: HearthDb, count: number): Promise<{ members: TestMember[]; postId: string }> {
  const institution = await createTestInstitution(db);
  const group = await createTestGroup(db, institution);
  const members: TestMember[] = [];
  for (let index = 0; index < count; index += 1) {
    const member = await createTestMember(db, institution);
    await addTestMembership(db, group, member.row);
    members.push(member);
  }
  const post = await createTestPost(db, group, members[0]!.row);
  return { members, postId: encodeGlobalId('Post', post.id) };
}
