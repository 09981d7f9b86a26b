import { beforeAll, expect, it } from 'vitest';
import type { ContentStatus } from '../../db/tables.js';
import { createTestInstitution, createTestPost, createTestReply, type TestInstitution } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { initialOutcome, type ContentAuthor } from './content-pipeline.js';
import { createAuthor, postDraft } from './pipeline-test-fixtures.js';
import { preModerationStage } from './pre-moderation-stage.js';
import { InMemoryRateLimiter } from '../../rate-limits/rate-limits.js';

const services = { rateLimiter: new InMemoryRateLimiter() };
const held = { ...initialOutcome(), status: 'PENDING_REVIEW', reasons: ['FIRST_POSTS'] };

describeEachDatabase('pre-moderation stage', (api) => {
  let clinic: TestInstitution;
  const run = (who: ContentAuthor) => preModerationStage.apply(postDraft(), who, initialOutcome(), api().database.db, services);

  async function write(who: ContentAuthor, kind: 'POST' | 'REPLY', status: ContentStatus, group = who.group) {
    const db = api().database.db;
    if (kind === 'POST') return createTestPost(db, group, who.member, { title: 'title', body: 'text', status });
    const thread = await createTestPost(db, group, who.member, { title: 'thread', body: 'text', status: 'DELETED' });
    return createTestReply(db, thread, who.member, { body: 'text', status });
  }

  beforeAll(async () => {
    clinic = await createTestInstitution(api().database.db);
  });

  it('holds nothing in a group that does not pre-moderate', async () => {
    expect(await run(await createAuthor(api().database.db, clinic))).toEqual(initialOutcome());
  });

  it("holds a member's first N posts and replies, counting only published ones, then lets them through", async () => {
    const author = await createAuthor(api().database.db, clinic, { group: { held_first_posts: 2 } });
    expect(await run(author)).toEqual(held);
    // Items still pending, removed or deleted don't count towards N.
    await write(author, 'POST', 'PENDING_REVIEW');
    await write(author, 'POST', 'REMOVED');
    expect(await run(author)).toEqual(held);
    await write(author, 'POST', 'PUBLISHED');
    expect(await run(author)).toEqual(held);
    // A published reply counts as much as a post.
    await write(author, 'REPLY', 'PUBLISHED');
    expect(await run(author)).toEqual(initialOutcome());
  });

  it('counts only items in the same group', async () => {
    const author = await createAuthor(api().database.db, clinic, { group: { held_first_posts: 1 } });
    const otherGroup = (await createAuthor(api().database.db, clinic)).group;
    await write(author, 'POST', 'PUBLISHED', otherGroup);
    expect(await run(author)).toEqual(held);
  });

  it('trusts facilitators and institution admins', async () => {
    for (const options of [{ role: 'PEER_FACILITATOR' as const }, { role: 'PROFESSIONAL_FACILITATOR' as const }, { admin: true }]) {
      expect(await run(await createAuthor(api().database.db, clinic, { group: { held_first_posts: 3 }, ...options }))).toEqual(initialOutcome());
    }
  });

  it('adds its reason to an outcome already flagged', async () => {
    const author = await createAuthor(api().database.db, clinic, { group: { held_first_posts: 1 } });
    const flagged = { ...initialOutcome(), crisis: true, reasons: ['CRISIS_LANGUAGE'] };
    expect(await preModerationStage.apply(postDraft(), author, flagged, api().database.db, services)).toEqual({ ...flagged, status: 'PENDING_REVIEW', reasons: ['CRISIS_LANGUAGE', 'FIRST_POSTS'] });
  });
});
