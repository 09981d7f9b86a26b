import { parseArgs } from 'node:util';

/**
 * The feed benchmark's scenario: which database, which institution and group, who reads the feed, and how much
 * data there is. The seed writes it and the run reads it, so both agree on names without a side channel.
 */

/** The PostgreSQL server the benchmark uses; only ever a local one (the seed drops and recreates a database). */
export const serverUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const databaseName = 'hearth_bench';
export const databaseUrl = `${serverUrl}/${databaseName}`;
export const maintenanceUrl = `${serverUrl}/postgres`;

export const institutionSlug = 'bench-hospital';
/** The group whose feed is measured; the other groups hold the rest of the institution's content. */
export const feedGroupSlug = 'living-with-loss';
export const ssoKid = 'bench';
/** A fixed secret is fine here: the database is local, throwaway and rebuilt by every seed. */
export const ssoSecret = 'bench-only-secret-not-for-any-real-institution';
export const ssoAudience = 'hearth';
/** The member the Hearth requests are signed in as: an active member of the feed group who wrote none of it. */
export const viewerExternalId = 'feed-reader';

export interface FeedScale {
  members: number;
  posts: number;
  replies: number;
  reactions: number;
}

/** The "realistic scale": one institution with this much content. */
export const defaultScale: FeedScale = { members: 300, posts: 10_000, replies: 100_000, reactions: 300_000 };

export interface LoadSettings {
  /** Seconds each server is measured for. */
  durationSeconds: number;
  /**
   * Concurrency levels, each measured in turn: concurrent HTTP connections, autocannon keeping one request in
   * flight on each. One connection shows a request's own latency; more show throughput under load.
   */
  connections: number[];
  /** Seconds of unmeasured load before each measurement (JIT, pools, PostgreSQL caches). */
  warmupSeconds: number;
  /** Posts per feed page. */
  pageSize: number;
  /** Measurements per server and level; the best is reported (see run.ts). */
  rounds: number;
}

export const defaultLoad: LoadSettings = { durationSeconds: 10, connections: [1, 10], warmupSeconds: 3, pageSize: 20, rounds: 2 };

/** Upper bounds, so a typo can't start an hour-long run or a multi-gigabyte seed. */
const limits = { durationSeconds: 120, warmupSeconds: 30, connections: 100, pageSize: 100, rounds: 5, posts: 200_000, replies: 2_000_000, reactions: 6_000_000, members: 10_000 };

function wholeNumber(name: keyof typeof limits, raw: string | undefined, fallback: number, minimum: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`--${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < minimum || value > limits[name]) throw new Error(`--${name} must be between ${minimum} and ${limits[name]}, got ${value}`);
  return value;
}

/** Reads `--posts 10000 --replies … --duration 10 --connections 1,10` (every flag optional). */
export function readScenarioArgs(argv: string[] = process.argv.slice(2)): { scale: FeedScale; load: LoadSettings } {
  const { values } = parseArgs({
    // `pnpm bench:feed -- --duration 5` hands the script a leading "--".
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      members: { type: 'string' },
      posts: { type: 'string' },
      replies: { type: 'string' },
      reactions: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'page-size': { type: 'string' },
      rounds: { type: 'string' },
    },
    strict: true,
  });
  return {
    scale: {
      members: wholeNumber('members', values.members, defaultScale.members, 10),
      posts: wholeNumber('posts', values.posts, defaultScale.posts, 20),
      replies: wholeNumber('replies', values.replies, defaultScale.replies, 0),
      reactions: wholeNumber('reactions', values.reactions, defaultScale.reactions, 0),
    },
    load: {
      durationSeconds: wholeNumber('durationSeconds', values.duration, defaultLoad.durationSeconds, 1),
      warmupSeconds: wholeNumber('warmupSeconds', values.warmup, defaultLoad.warmupSeconds, 0),
      connections:
        values.connections === undefined
          ? defaultLoad.connections
          : concurrencyLevels(values.connections.split(',').map((level) => wholeNumber('connections', level.trim(), 0, 1))),
      pageSize: wholeNumber('pageSize', values['page-size'], defaultLoad.pageSize, 1),
      rounds: wholeNumber('rounds', values.rounds, defaultLoad.rounds, 1),
    },
  };
}

function concurrencyLevels(levels: number[]): number[] {
  if (levels.length > 4) throw new Error(`--connections takes at most 4 levels, got ${levels.length}`);
  return [...new Set(levels)].sort((a, b) => a - b);
}

/** The scenario's database is only ever on this machine: refuse anything else before dropping a database. */
export function assertLocalServer(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1' && host !== '[::1]') {
    throw new Error(`The benchmark drops and recreates "${databaseName}"; it only runs against a local PostgreSQL, not ${host}.`);
  }
}
