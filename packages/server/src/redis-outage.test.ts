import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { testAudience, type TestMember } from '../test-support/factories.js';
import { groupWithWriters, watchUncaughtExceptions } from '../test-support/fault-fixtures.js';
import { findRedisServer, startScratchRedis, type ScratchRedis } from '../test-support/scratch-servers.js';
import { openTestDatabase } from '../test-support/test-database.js';
import type { Database } from './db/database.js';
import { listen, type ListeningHearth } from './http/node-server.js';
import { createHearthServer, type HearthServer } from './server.js';

/**
 * The API with `REDIS_URL` while its Redis goes away and comes back, on a redis-server this file starts for itself
 * (its own port, no persistence). Rate limits fail open as documented (docs/operations.md): an attempt is allowed
 * while Redis does not answer, and counted again once it does. Nothing may crash the process.
 */

const redisServer = findRedisServer();
const createReply = 'mutation($input: CreateReplyInput!) { createReply(input: $input) { __typename ... on Error { message } } }';

describe.skipIf(!redisServer)(`API through a Redis outage${redisServer ? '' : ' (skipped: redis-server not found on PATH)'}`, () => {
  let redis: ScratchRedis;
  let database: Database;
  let hearth: HearthServer;
  let listening: ListeningHearth;
  let members: TestMember[];
  let postId: string;
  let uncaught: ReturnType<typeof watchUncaughtExceptions>;

  beforeAll(async () => {
    uncaught = watchUncaughtExceptions();
    redis = await startScratchRedis();
    database = await openTestDatabase('pglite');
    ({ members, postId } = await groupWithWriters(database.db, 2));
    const config = { mode: 'test' as const, ssoAudience: testAudience, extraCorsOrigins: [], maxBodyBytes: 100 * 1024 };
    hearth = createHearthServer({
      database,
      config,
      logger: pino({ level: 'silent' }),
      redisUrl: redis.url,
      rateLimits: { reply: { limit: 2, windowSeconds: 600 } },
    });
    listening = await listen(hearth, { port: 0, host: '127.0.0.1', maxBodyBytes: config.maxBodyBytes, logger: pino({ level: 'silent' }) });
  });

  afterAll(async () => {
    uncaught?.stop();
    await listening?.shutdown(1000);
    await hearth?.rateLimiter.close();
    await redis?.kill();
    await database?.close();
  });

  async function reply(member: TestMember, body: string): Promise<{ status: number; typename: string | undefined; ms: number }> {
    const started = performance.now();
    const response = await fetch(`${listening.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${member.token}` },
      body: JSON.stringify({ query: createReply, variables: { input: { postId, body } } }),
    });
    const json = (await response.json()) as { data?: { createReply?: { __typename: string } } };
    return { status: response.status, typename: json.data?.createReply?.__typename, ms: performance.now() - started };
  }

  it('counts in Redis, allows attempts while Redis is down, counts again when it is back, and never crashes', async () => {
    const [first, second] = members as [TestMember, TestMember];
    // Redis is counting: the third reply inside the window is refused.
    expect((await reply(first, 'one')).typename).toBe('CreateReplyPayload');
    expect((await reply(first, 'two')).typename).toBe('CreateReplyPayload');
    expect((await reply(first, 'three')).typename).toBe('RateLimitedError');

    await redis.kill();
    // Fail open: the member who was over the limit may write again, each answer within the limiter's timeout.
    const duringOutage = [];
    for (let index = 0; index < 3; index += 1) duringOutage.push(await reply(first, `while Redis is down ${index}`));
    expect(duringOutage.map((outcome) => `${outcome.status} ${outcome.typename}`)).toEqual(Array(3).fill('200 CreateReplyPayload'));
    expect(Math.max(...duringOutage.map((outcome) => outcome.ms))).toBeLessThan(3000);
    expect((await fetch(`${listening.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${listening.url}/readyz`)).status).toBe(200);

    await redis.start();
    // The limiter reconnects by itself: the fresh (empty) Redis counts again and refuses once the limit is reached.
    const back = performance.now();
    let refusedAfterMs: number | undefined;
    for (let index = 0; performance.now() - back < 10_000; index += 1) {
      if ((await reply(second, `after Redis is back ${index}`)).typename === 'RateLimitedError') {
        refusedAfterMs = performance.now() - back;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(refusedAfterMs).toBeDefined();
    expect(uncaught.errors).toEqual([]);
    console.log(
      `Redis outage: ${duringOutage.length} replies allowed while Redis was down (slowest ${Math.round(Math.max(...duringOutage.map((outcome) => outcome.ms)))} ms); ` +
        `limits enforced again ${Math.round(refusedAfterMs!)} ms after Redis was back.`,
    );
  }, 30_000);
});
