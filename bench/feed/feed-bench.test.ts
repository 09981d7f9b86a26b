import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFeeds, databaseIdOf, summarizeFeed, type FeedPostSummary } from './feed-queries.js';
import { formatFiguresTable, measureLoad } from './measure-load.js';
import { assertLocalServer, defaultLoad, defaultScale, readScenarioArgs } from './scenario.js';

/** The harness, checked in seconds: argument limits, the answer check, the load run and the table. */

const postId = '6f1c2d3e-4a5b-4c6d-8e7f-901234567890';
const replyId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function feedAnswer(id: string, replyCount: number) {
  return {
    data: {
      group: {
        posts: {
          edges: [
            {
              node: {
                id,
                authorName: 'Anonymous 1',
                replyCount,
                reactionCounts: [
                  { kind: 'SUPPORT', count: 2 },
                  { kind: 'HUG', count: 0 },
                ],
                replies: { edges: [{ node: { id: replyId, authorName: 'Quiet River 3' } }] },
              },
            },
          ],
        },
      },
    },
  };
}

describe('scenario arguments', () => {
  it('defaults to the issue scale and bounded load settings', () => {
    expect(readScenarioArgs([])).toEqual({ scale: defaultScale, load: defaultLoad });
    expect(defaultScale).toEqual({ members: 300, posts: 10_000, replies: 100_000, reactions: 300_000 });
  });

  it('reads flags and refuses values outside the limits', () => {
    expect(readScenarioArgs(['--posts', '500', '--duration', '2']).scale.posts).toBe(500);
    expect(readScenarioArgs(['--', '--connections', '20,1']).load.connections).toEqual([1, 20]);
    expect(() => readScenarioArgs(['--connections', '1,2,3,4,5'])).toThrow(/at most 4 levels/);
    expect(() => readScenarioArgs(['--connections', '1,500'])).toThrow(/between 1 and 100/);
    expect(() => readScenarioArgs(['--duration', '3600'])).toThrow(/between 1 and 120/);
    expect(() => readScenarioArgs(['--posts', '1e4'])).toThrow(/whole number/);
    expect(() => readScenarioArgs(['--unknown', '1'])).toThrow();
  });

  it('drops and recreates only a local database', () => {
    expect(() => assertLocalServer('postgres://postgres@127.0.0.1:5432/postgres')).not.toThrow();
    expect(() => assertLocalServer('postgres://postgres@db.example.org:5432/postgres')).toThrow(/only runs against a local PostgreSQL/);
  });
});

describe('the answer check', () => {
  it('reads the database id in a Hearth global id and in a PostGraphile uuid', () => {
    expect(databaseIdOf(Buffer.from(`Post:${postId}`).toString('base64'))).toBe(postId);
    expect(databaseIdOf(postId.toUpperCase())).toBe(postId);
    expect(() => databaseIdOf('not-an-id')).toThrow(/holds no uuid/);
  });

  it('agrees on equal answers whichever id form, and names each difference', () => {
    const hearth = summarizeFeed(feedAnswer(Buffer.from(`Post:${postId}`).toString('base64'), 4));
    const peer = summarizeFeed(feedAnswer(postId, 4));
    expect(hearth).toEqual<FeedPostSummary[]>([
      { id: postId, authorName: 'Anonymous 1', replyCount: 4, reactionCounts: 'SUPPORT 2', firstReplies: [{ id: replyId, authorName: 'Quiet River 3' }] },
    ]);
    expect(compareFeeds(hearth, peer)).toEqual([]);
    expect(compareFeeds(hearth, summarizeFeed(feedAnswer(postId, 5)))).toEqual([`post 1 (${postId}) replyCount: Hearth 4, PostGraphile 5`]);
  });

  it('refuses an answer with errors instead of measuring it', () => {
    expect(() => summarizeFeed({ errors: [{ message: 'Unexpected error.' }] })).toThrow(/Unexpected error/);
  });
});

describe('a load run', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.end('{"data":{"ok":true}}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('measures requests per second and latency, and counts unexpected answers as errors', async () => {
    const request = { url, headers: { 'content-type': 'application/json' }, body: '{"query":"{ ok }"}' };
    const good = await measureLoad({ ...request, expectBody: '{"data":{"ok":true}}' }, { connections: 2, durationSeconds: 1 });
    expect(good.requests).toBeGreaterThan(0);
    expect(good.requestsPerSecond).toBeGreaterThan(0);
    expect(good.latencyP99Ms).toBeGreaterThanOrEqual(good.latencyP50Ms);
    expect(good.failures).toBe(0);

    const bad = await measureLoad({ ...request, expectBody: '{"data":{"ok":false}}' }, { connections: 1, durationSeconds: 1 });
    expect(bad.failures).toBe(bad.requests);
    expect(bad.failureDetail).toMatch(/unexpected bodies/);

    const table = formatFiguresTable([
      { server: 'Hearth', connections: 2, figures: good, statementsPerRequest: 3 },
      { server: 'PostGraphile', connections: 1, figures: bad, statementsPerRequest: null },
    ]).split('\n');
    expect(table[0]).toMatch(/^server\s+connections\s+requests\/s\s+p50 ms\s+p99 ms\s+max ms\s+requests\s+errors\s+SQL\/request$/);
    expect(table[2]).toMatch(/^Hearth\s.*\s3\.00$/);
    expect(table[3]).toMatch(/^PostGraphile\s.*\sn\/a$/);
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
  });
});
