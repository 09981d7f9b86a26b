import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer.js';
import { RateLimitedError } from '../schema/errors.js';

/**
 * Rate limits per member on the things a member can do many times over: posting, replying, editing, reacting and
 * reporting. One limiter per server (created by `createHearthServer`, on the request context as `rateLimiter`);
 * in memory for a single process, in Redis when `REDIS_URL` is set so every API instance counts against the same
 * windows.
 *
 * The algorithm is a sliding-window log: each allowed attempt is remembered for the window's length, and an attempt
 * is refused while `limit` attempts lie inside the window. Unlike a fixed window it never lets twice the limit
 * through around a window boundary, and its retry-after is exact: when the oldest remembered attempt leaves.
 * Refused attempts are not remembered, so retrying while refused does not push the wait further away.
 */
export type RateLimitedAction = 'post' | 'reply' | 'edit' | 'react' | 'report';

export interface RateLimitRule {
  /** Attempts allowed inside one window. */
  limit: number;
  /** Length of the sliding window, in seconds. */
  windowSeconds: number;
}

export type RateLimitPolicy = Record<RateLimitedAction, RateLimitRule>;

/**
 * Generous for a person, tight for a script: a member in distress may write several posts in a row and reply
 * to many people, but five new threads in ten minutes is already more than any group sees from one person.
 */
export const defaultRateLimitPolicy: RateLimitPolicy = {
  post: { limit: 5, windowSeconds: 10 * 60 },
  reply: { limit: 30, windowSeconds: 10 * 60 },
  // Edits of posts and replies together, apart from the posting allowance (fixing a typo must not stop someone
  // posting): a person reworks a text a few times; 200 edits in seconds, each a history row, is a script.
  edit: { limit: 30, windowSeconds: 10 * 60 },
  react: { limit: 120, windowSeconds: 10 * 60 },
  report: { limit: 10, windowSeconds: 60 * 60 },
};

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** The rules this limiter applies to each action. */
  readonly policy: RateLimitPolicy;
  /** Records one attempt under `key` if the rule allows it, else says how long until it would. */
  consume(key: string, rule: RateLimitRule): Promise<RateLimitDecision>;
  /** Releases the limiter's connection (Redis); the in-memory limiter has nothing to release. */
  close(): Promise<void>;
}

export interface RateLimiterOptions {
  /** Redis to share the windows between API instances; in memory when absent. */
  redisUrl?: string | undefined;
  /** Rules overriding the defaults, per action. @default defaultRateLimitPolicy */
  policy?: Partial<RateLimitPolicy> | undefined;
  /** Where a Redis failure is reported (the attempt is then allowed; see RedisRateLimiter). */
  logger?: Logger | undefined;
}

/** The server's one limiter: Redis-backed when a URL is given, in memory otherwise. */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const policy = { ...defaultRateLimitPolicy, ...options.policy };
  return options.redisUrl
    ? new RedisRateLimiter({ redis: options.redisUrl, policy, logger: options.logger })
    : new InMemoryRateLimiter({ policy });
}

/**
 * Refuses the member's attempt with a typed `RateLimitedError` (carrying the seconds to wait) when they have used
 * up the action's allowance; otherwise counts the attempt. Call it before the write, after input validation, so a
 * mistyped form does not use up the allowance.
 */
export async function checkRateLimit(limiter: RateLimiter, attempt: { memberId: string; action: RateLimitedAction }): Promise<void> {
  const decision = await limiter.consume(`${attempt.action}:${attempt.memberId}`, limiter.policy[attempt.action]);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
}

/**
 * The part of a request that `rateLimit` reads. The request context satisfies it; naming only these two keeps this
 * infrastructure below the schema layer (importing the context here would make a cycle: the context names the
 * limiter).
 */
export interface RateLimitedRequest {
  rateLimiter: RateLimiter;
  viewer: Viewer;
}

/**
 * `checkRateLimit` for the signed-in member of a request (reactions and reports call it from their resolvers).
 * Service tokens and guests are not members and have no per-member allowance; the fields they reach are
 * authorized elsewhere.
 */
export async function rateLimit(context: RateLimitedRequest, action: RateLimitedAction): Promise<void> {
  if (context.viewer.kind !== 'member') return;
  await checkRateLimit(context.rateLimiter, { memberId: context.viewer.member.id, action });
}

/** Whole seconds to wait, never 0: a client told "retry in 0 seconds" would retry at once and be refused again. */
function retryAfterSeconds(milliseconds: number): number {
  return Math.max(1, Math.ceil(milliseconds / 1000));
}

/**
 * The windows in this process's memory. Each key keeps the times of its allowed attempts, oldest first; keys whose
 * attempts have all left their window are swept now and then, so members who stopped posting cost nothing.
 */
export class InMemoryRateLimiter implements RateLimiter {
  readonly policy: RateLimitPolicy;
  private readonly clock: () => number;
  private readonly windows = new Map<string, { windowMs: number; attempts: number[] }>();
  private consumedSinceSweep = 0;

  constructor(options: { policy?: Partial<RateLimitPolicy>; clock?: () => number } = {}) {
    this.policy = { ...defaultRateLimitPolicy, ...options.policy };
    this.clock = options.clock ?? Date.now;
  }

  async consume(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    const now = this.clock();
    const windowMs = rule.windowSeconds * 1000;
    this.sweepNowAndThen(now);
    const window = this.windows.get(key) ?? { windowMs, attempts: [] };
    window.windowMs = windowMs;
    while (window.attempts.length > 0 && window.attempts[0]! <= now - windowMs) window.attempts.shift();
    if (window.attempts.length >= rule.limit) {
      return { allowed: false, retryAfterSeconds: retryAfterSeconds(window.attempts[0]! + windowMs - now) };
    }
    window.attempts.push(now);
    this.windows.set(key, window);
    return { allowed: true };
  }

  async close(): Promise<void> {
    this.windows.clear();
  }

  private sweepNowAndThen(now: number): void {
    this.consumedSinceSweep += 1;
    if (this.consumedSinceSweep < 1000) return;
    this.consumedSinceSweep = 0;
    for (const [key, window] of this.windows) {
      const newest = window.attempts[window.attempts.length - 1];
      if (newest === undefined || newest <= now - window.windowMs) this.windows.delete(key);
    }
  }
}

/**
 * The sliding-window log in a Redis sorted set per key (score = attempt time in ms), checked and updated by one
 * Lua script so concurrent attempts on several API instances can't both take the last slot. Time comes from the
 * Redis server's clock (TIME), which every instance shares, unless a clock is given (tests).
 */
const slidingWindowScript = `
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
if not now then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) >= limit then
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + window - now}
end
redis.call('ZADD', key, now, ARGV[4])
redis.call('PEXPIRE', key, window)
return {1, 0}
`;

type SlidingWindowRedis = Redis & {
  hearthSlidingWindow(key: string, limit: number, windowMs: number, now: string, attemptId: string): Promise<[number, number]>;
};

export class RedisRateLimiter implements RateLimiter {
  readonly policy: RateLimitPolicy;
  private readonly redis: SlidingWindowRedis;
  private readonly keyPrefix: string;
  private readonly clock: (() => number) | undefined;
  private readonly logger: Logger | undefined;

  constructor(options: {
    /** A redis:// or rediss:// URL. */
    redis: string;
    policy?: Partial<RateLimitPolicy> | undefined;
    /** Prefix of every key this limiter writes. @default 'hearth:rate-limit:' */
    keyPrefix?: string | undefined;
    /** Milliseconds since the epoch; the Redis server's clock when absent. */
    clock?: (() => number) | undefined;
    logger?: Logger | undefined;
  }) {
    this.policy = { ...defaultRateLimitPolicy, ...options.policy };
    this.keyPrefix = options.keyPrefix ?? 'hearth:rate-limit:';
    this.clock = options.clock;
    this.logger = options.logger;
    // A rate limit must never hold a post back for long: one retry, and a command that Redis does not answer
    // within a second fails (and is then allowed, below) instead of waiting for a reconnect.
    this.redis = new Redis(options.redis, { maxRetriesPerRequest: 1, commandTimeout: 1000, connectTimeout: 2000 }) as SlidingWindowRedis;
    this.redis.defineCommand('hearthSlidingWindow', { numberOfKeys: 1, lua: slidingWindowScript });
    // ioredis reports connection errors as events; without a listener Node would print them as unhandled.
    this.redis.on('error', (error) => this.logger?.warn({ err: error }, 'rate limiter: Redis connection error'));
  }

  async consume(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    try {
      const now = this.clock ? String(this.clock()) : '';
      const [allowed, waitMs] = await this.redis.hearthSlidingWindow(this.keyPrefix + key, rule.limit, rule.windowSeconds * 1000, now, randomUUID());
      return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterSeconds: retryAfterSeconds(waitMs) };
    } catch (error) {
      // Failing open is deliberate: when Redis is down, refusing every post would silence a person who may be
      // writing in crisis, while letting a burst through costs a facilitator some cleaning up.
      this.logger?.warn({ err: error, key }, 'rate limiter: Redis unavailable, attempt allowed');
      return { allowed: true };
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
