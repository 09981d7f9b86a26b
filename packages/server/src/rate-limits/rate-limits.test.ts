import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { RateLimitedError } from '../schema/errors.js';
import { createHearthServer } from '../server.js';
import { openTestDatabase } from '../../test-support/test-database.js';
import {
  InMemoryRateLimiter,
  RedisRateLimiter,
  checkRateLimit,
  createRateLimiter,
  defaultRateLimitPolicy,
  rateLimit,
  type RateLimiter,
} from './rate-limits.js';

const redisUrl = process.env.HEARTH_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisRequired = process.env.CI === 'true' || process.env.HEARTH_REQUIRE_REDIS === '1';

async function isRedisReachable(): Promise<boolean> {
  const { hostname, port } = new URL(redisUrl);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.connect(Number(port || 6379), hostname);
  });
}

const redisReachable = await isRedisReachable();
if (!redisReachable && redisRequired) throw new Error(`Redis is required for this run but ${redisUrl} does not answer.`);

/** A clock the test moves by hand, so windows slide without waiting. */
function manualClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return { now: () => now, advance: (seconds: number) => void (now += seconds * 1000) };
}

async function refusal(attempt: Promise<void>): Promise<RateLimitedError> {
  const error = await attempt.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(RateLimitedError);
  return error as RateLimitedError;
}

type LimiterFactory = (clock: () => number) => RateLimiter;

const limiters: Array<[string, LimiterFactory]> = [['in memory', (clock) => new InMemoryRateLimiter({ policy: { post: { limit: 3, windowSeconds: 600 } }, clock })]];
const opened: RateLimiter[] = [];
if (redisReachable) {
  // A fresh key prefix per limiter keeps runs (and parallel test files) out of each other's windows.
  limiters.push([
    'in Redis',
    (clock) => {
      const limiter = new RedisRateLimiter({ redis: redisUrl, policy: { post: { limit: 3, windowSeconds: 600 } }, keyPrefix: `hearth-test:${randomUUID()}:`, clock });
      opened.push(limiter);
      return limiter;
    },
  ]);
}
afterAll(async () => {
  await Promise.all(opened.map((limiter) => limiter.close()));
});

describe.each(limiters)('rate limits %s', (_name, createLimiter) => {
  it('allows the limit within a window, then refuses with the seconds until the oldest attempt leaves it', async () => {
    const clock = manualClock();
    const limiter = createLimiter(clock.now);
    const memberId = randomUUID();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await checkRateLimit(limiter, { memberId, action: 'post' });
      clock.advance(60);
    }
    // Attempts at 0 s, 60 s and 120 s; now is 180 s: the first leaves the 600 s window at 600 s.
    expect((await refusal(checkRateLimit(limiter, { memberId, action: 'post' }))).retryAfterSeconds).toBe(420);
    clock.advance(419);
    expect((await refusal(checkRateLimit(limiter, { memberId, action: 'post' }))).retryAfterSeconds).toBe(1);
    clock.advance(1);
    await checkRateLimit(limiter, { memberId, action: 'post' });
    // The window slid by one attempt only: the one at 60 s still counts until 660 s.
    expect((await refusal(checkRateLimit(limiter, { memberId, action: 'post' }))).retryAfterSeconds).toBe(60);
  });

  it('does not count refused attempts, so retrying while refused does not lengthen the wait', async () => {
    const clock = manualClock();
    const limiter = createLimiter(clock.now);
    const memberId = randomUUID();
    for (let attempt = 0; attempt < 3; attempt += 1) await checkRateLimit(limiter, { memberId, action: 'post' });
    for (let retry = 0; retry < 10; retry += 1) {
      await refusal(checkRateLimit(limiter, { memberId, action: 'post' }));
      clock.advance(30);
    }
    clock.advance(300);
    await checkRateLimit(limiter, { memberId, action: 'post' });
  });

  it('keeps separate allowances per member and per action', async () => {
    const clock = manualClock();
    const limiter = createLimiter(clock.now);
    const [first, second] = [randomUUID(), randomUUID()];
    for (let attempt = 0; attempt < 3; attempt += 1) await checkRateLimit(limiter, { memberId: first, action: 'post' });
    await refusal(checkRateLimit(limiter, { memberId: first, action: 'post' }));
    await checkRateLimit(limiter, { memberId: second, action: 'post' });
    // Replies have their own (default) allowance of 30.
    for (let attempt = 0; attempt < defaultRateLimitPolicy.reply.limit; attempt += 1) await checkRateLimit(limiter, { memberId: first, action: 'reply' });
    await refusal(checkRateLimit(limiter, { memberId: first, action: 'reply' }));
  });

  it('lets exactly the limit through when attempts arrive together', async () => {
    const limiter = createLimiter(manualClock().now);
    const memberId = randomUUID();
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => checkRateLimit(limiter, { memberId, action: 'post' })));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected' && outcome.reason instanceof RateLimitedError)).toHaveLength(7);
  });
});

describe('rate limits', () => {
  it.runIf(redisReachable)('share one window between two API instances on the same Redis', async () => {
    const clock = manualClock();
    const keyPrefix = `hearth-test:${randomUUID()}:`;
    const policy = { report: { limit: 2, windowSeconds: 3600 } };
    const instances = [0, 1].map(() => new RedisRateLimiter({ redis: redisUrl, policy, keyPrefix, clock: clock.now }));
    opened.push(...instances);
    const memberId = randomUUID();
    await checkRateLimit(instances[0]!, { memberId, action: 'report' });
    await checkRateLimit(instances[1]!, { memberId, action: 'report' });
    await refusal(checkRateLimit(instances[0]!, { memberId, action: 'report' }));
    await refusal(checkRateLimit(instances[1]!, { memberId, action: 'report' }));
  });

  it.runIf(redisReachable)("uses the Redis server's clock when none is given", async () => {
    const limiter = new RedisRateLimiter({ redis: redisUrl, policy: { react: { limit: 1, windowSeconds: 90 } }, keyPrefix: `hearth-test:${randomUUID()}:` });
    opened.push(limiter);
    const memberId = randomUUID();
    await checkRateLimit(limiter, { memberId, action: 'react' });
    const wait = (await refusal(checkRateLimit(limiter, { memberId, action: 'react' }))).retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(90);
  });

  it('allows the attempt when Redis cannot be reached (a post in crisis must not wait on a cache)', async () => {
    const warnings: unknown[] = [];
    const logger = { warn: (details: unknown) => warnings.push(details) } as never;
    const limiter = new RedisRateLimiter({ redis: 'redis://127.0.0.1:1', policy: { post: { limit: 1, windowSeconds: 60 } }, logger });
    try {
      const memberId = randomUUID();
      await checkRateLimit(limiter, { memberId, action: 'post' });
      await checkRateLimit(limiter, { memberId, action: 'post' });
      expect(warnings.length).toBeGreaterThan(0);
    } finally {
      await limiter.close();
    }
  });

  it('chooses Redis when a URL is given and memory otherwise', async () => {
    expect(createRateLimiter()).toBeInstanceOf(InMemoryRateLimiter);
    const shared = createRateLimiter({ redisUrl, policy: { post: { limit: 1, windowSeconds: 1 } } });
    try {
      expect(shared).toBeInstanceOf(RedisRateLimiter);
      expect(shared.policy.post).toEqual({ limit: 1, windowSeconds: 1 });
      expect(shared.policy.reply).toEqual(defaultRateLimitPolicy.reply);
    } finally {
      await shared.close();
    }
  });

  it('limits only members: guests and service tokens have no per-member allowance', async () => {
    const limiter = new InMemoryRateLimiter({ policy: { report: { limit: 1, windowSeconds: 60 } } });
    const member = { kind: 'member', institutionId: 'i', member: { id: randomUUID() } } as never;
    await rateLimit({ rateLimiter: limiter, viewer: member }, 'report');
    await refusal(rateLimit({ rateLimiter: limiter, viewer: member }, 'report'));
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await rateLimit({ rateLimiter: limiter, viewer: { kind: 'service', institutionId: 'i', serviceTokenId: 's' } }, 'report');
      await rateLimit({ rateLimiter: limiter, viewer: { kind: 'guest', institutionId: null } }, 'report');
    }
  });

  it("puts one limiter per server on every request's context, from the server's options", async () => {
    const database = await openTestDatabase('pglite');
    try {
      const server = createHearthServer({
        database,
        config: { mode: 'test', ssoAudience: 'hearth', extraCorsOrigins: [], maxBodyBytes: 100 * 1024 },
        rateLimits: { post: { limit: 2, windowSeconds: 60 } },
      });
      expect(server.rateLimiter).toBeInstanceOf(InMemoryRateLimiter);
      expect(server.rateLimiter.policy.post).toEqual({ limit: 2, windowSeconds: 60 });
      const response = await server.fetch(new Request('http://hearth.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }));
      expect(response.status).toBe(200);
      await server.rateLimiter.close();
    } finally {
      await database.close();
    }
  });
});
