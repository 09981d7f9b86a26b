import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../schema/errors.js';
import { initialOutcome, type ContentAuthor, type ContentDraft } from './content-pipeline.js';
import { rateLimitStage } from './rate-limit-stage.js';
import { InMemoryRateLimiter } from '../../rate-limits/rate-limits.js';

const draft = (kind: 'POST' | 'REPLY', edit = false): ContentDraft => ({ kind, title: kind === 'POST' ? 'Title' : null, body: 'Body', contentWarning: null, anonymous: false, edit });
const authorOf = (memberId: string) => ({ member: { id: memberId } }) as ContentAuthor;

function setUp() {
  let now = Date.UTC(2026, 0, 1);
  const rateLimiter = new InMemoryRateLimiter({
    policy: { post: { limit: 2, windowSeconds: 600 }, reply: { limit: 3, windowSeconds: 600 }, edit: { limit: 10, windowSeconds: 600 } },
    clock: () => now,
  });
  const author = authorOf(randomUUID());
  const run = (content: ContentDraft, who = author) => rateLimitStage.apply(content, who, initialOutcome(), undefined as never, { rateLimiter });
  return { run, author, advance: (seconds: number) => void (now += seconds * 1000) };
}

async function refusal(attempt: Promise<unknown>): Promise<RateLimitedError> {
  const error = await attempt.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(RateLimitedError);
  return error as RateLimitedError;
}

describe('rate limit stage', () => {
  it("counts a member's posts against the post allowance and refuses with the wait in seconds", async () => {
    const { run, advance } = setUp();
    await run(draft('POST'));
    advance(100);
    const outcome = await run(draft('POST'));
    expect(outcome).toEqual(initialOutcome());
    expect((await refusal(run(draft('POST')))).retryAfterSeconds).toBe(500);
  });

  it('counts replies separately from posts', async () => {
    const { run } = setUp();
    await run(draft('POST'));
    await run(draft('POST'));
    for (let reply = 0; reply < 3; reply += 1) await run(draft('REPLY'));
    await refusal(run(draft('REPLY')));
  });

  it('counts edits against their own allowance: fixing a typo must not use up the allowance for posting', async () => {
    const { run, advance } = setUp();
    for (let edit = 0; edit < 10; edit += 1) await run(draft(edit % 2 === 0 ? 'POST' : 'REPLY', true));
    await run(draft('POST'));
    await run(draft('POST'));
    await refusal(run(draft('POST')));
    // Edits of posts and replies share one allowance; the eleventh is refused until the first leaves the window.
    advance(60);
    expect((await refusal(run(draft('REPLY', true)))).retryAfterSeconds).toBe(540);
    expect((await refusal(run(draft('POST', true)))).retryAfterSeconds).toBe(540);
  });

  it('keeps each member to their own allowance', async () => {
    const { run } = setUp();
    await run(draft('POST'));
    await run(draft('POST'));
    await refusal(run(draft('POST')));
    await run(draft('POST'), authorOf(randomUUID()));
  });
});
