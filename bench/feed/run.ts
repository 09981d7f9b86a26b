import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { signSsoToken } from '@hearth/server';
import pg from 'pg';
import { busyShareOfMachine } from '../machine.js';
import { compareFeeds, hearthFeedQuery, postgraphileFeedQuery, summarizeFeed, type FeedPostSummary } from './feed-queries.js';
import { formatFiguresTable, measureLoad, type FiguresRow, type LoadRequest } from './measure-load.js';
import {
  assertLocalServer,
  databaseName,
  databaseUrl,
  feedGroupSlug,
  institutionSlug,
  readScenarioArgs,
  ssoAudience,
  ssoKid,
  ssoSecret,
  viewerExternalId,
  type LoadSettings,
} from './scenario.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

/**
 * Measures the group feed on Hearth and on PostGraphile over the seeded database (run seed.ts first): starts each
 * server in its own process on 127.0.0.1, checks that both answer the first page with the same posts, then loads
 * each in turn (warm-up, then a fixed-time measurement) and prints the figures side by side. Every step is
 * bounded; the whole run stops by itself.
 */
export async function runFeedBenchmark(load: LoadSettings, log: (line: string) => void = console.log): Promise<FiguresRow[]> {
  assertLocalServer(databaseUrl);
  const facts = await readDatabaseFacts();

  const token = await signSsoToken({
    institutionSlug,
    kid: ssoKid,
    secret: ssoSecret,
    subject: viewerExternalId,
    name: 'Feed Reader',
    locale: 'en',
    roles: [],
    audience: ssoAudience,
    expiresIn: '2h',
  });
  const production = { NODE_ENV: 'production' };
  const servers: Array<{ name: string; process: ServerProcess; request: LoadRequest }> = [];
  try {
    const hearth = await startServerProcess(new URL('./hearth-server.ts', import.meta.url), production);
    servers.push({
      name: 'Hearth',
      process: hearth,
      request: {
        url: hearth.url,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: hearthFeedQuery, variables: { slug: feedGroupSlug, first: load.pageSize } }),
      },
    });
    const peer = await startServerProcess(new URL('./postgraphile-server.ts', import.meta.url), production);
    servers.push({
      name: 'PostGraphile',
      process: peer,
      request: {
        url: peer.url,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: postgraphileFeedQuery, variables: { institutionId: facts.institutionId, slug: feedGroupSlug, first: load.pageSize } }),
      },
    });

    // The check: both answer the first page with the same posts, names, counts and first replies.
    const summaries: FeedPostSummary[][] = [];
    for (const server of servers) {
      const response = await fetch(server.request.url, { method: 'POST', headers: server.request.headers, body: server.request.body });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${server.name} answered the feed query with HTTP ${response.status}: ${text.slice(0, 500)}`);
      summaries.push(summarizeFeed(JSON.parse(text)));
      server.request.expectBody = text;
    }
    const [ours, theirs] = summaries as [FeedPostSummary[], FeedPostSummary[]];
    const differences = compareFeeds(ours, theirs);
    if (ours.length !== load.pageSize) throw new Error(`the first page has ${ours.length} posts, not ${load.pageSize}; is the database seeded?`);
    if (differences.length > 0) {
      throw new Error(`the two servers answer the first page differently, so their figures would not compare:\n  ${differences.join('\n  ')}`);
    }
    const names = ours.flatMap((post) => [post.authorName, ...post.firstReplies.map((reply) => reply.authorName)]);
    const anonymous = names.filter((name) => name.startsWith('Anonymous ')).length;
    const pseudonymous = names.filter((name) => name.startsWith('Quiet ')).length;
    log(
      `check: both servers return the same ${ours.length} post ids in the same order, with the same reply counts, reaction ` +
        `counts and first replies, and the same ${names.length} author names (${anonymous} thread aliases, ${pseudonymous} pseudonyms) ✓`,
    );

    // Rounds alternate which server goes first, and each line keeps a server's best round at that level: another
    // process busy on the machine during one measurement then costs that round, not the comparison.
    const busyAtStart = await busyShareOfMachine();
    const best = new Map<string, FiguresRow>();
    for (let round = 1; round <= load.rounds; round += 1) {
      for (const server of round % 2 === 1 ? servers : [...servers].reverse()) {
        if (round === 1 && load.warmupSeconds > 0) {
          log(`${server.name}: warming up for ${load.warmupSeconds} s…`);
          await measureLoad(server.request, { connections: Math.max(...load.connections), durationSeconds: load.warmupSeconds });
        }
        for (const connections of load.connections) {
          await server.process.resetTally();
          log(`${server.name}, round ${round}: ${load.durationSeconds} s on ${connections} connection${connections === 1 ? '' : 's'}…`);
          const figures = await measureLoad(server.request, { connections, durationSeconds: load.durationSeconds });
          const tally = await server.process.tally();
          if (figures.failures > 0) log(`${server.name}: ${figures.failureDetail}`);
          if (tally.errors.length > 0) log(`${server.name} logged errors: ${tally.errors.join(' | ')}`);
          const row = { server: server.name, connections, figures, statementsPerRequest: tally.requests > 0 ? tally.statements / tally.requests : null };
          const key = `${connections} ${server.name}`;
          const kept = best.get(key);
          // A round with failures never wins over a clean one.
          const better = !kept || (row.figures.failures === 0 && (kept.figures.failures > 0 || row.figures.requestsPerSecond > kept.figures.requestsPerSecond));
          if (better) best.set(key, row);
        }
      }
    }
    // Side by side: the servers next to each other at each concurrency level.
    const rows = load.connections.flatMap((connections) => servers.map((server) => best.get(`${connections} ${server.name}`)!));

    log('');
    log(`Group feed: first page of ${load.pageSize} posts, each with author or alias, reply count, reaction counts and first 3 replies`);
    log(
      `Data: ${facts.posts} posts (${facts.feedGroupPosts} in the measured group), ${facts.replies} replies, ${facts.reactions} reactions, ` +
        `${facts.members} members, one institution; ${facts.postgresVersion}`,
    );
    log(
      `Load: autocannon over HTTP on 127.0.0.1, ${load.durationSeconds} s at each of ${load.connections.join(' and ')} connections, ` +
        `after ${load.warmupSeconds} s of warm-up; each server in its own Node process, measured one at a time; ` +
        `best of ${load.rounds} round${load.rounds === 1 ? '' : 's'} (servers alternating)`,
    );
    log(
      `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}; servers and PostgreSQL share it; ` +
        `${Math.round(busyAtStart * 100)}% busy in the second before measuring${busyAtStart > 0.2 ? ' (other work was running: expect noise)' : ''}`,
    );
    for (const server of servers) log(`  ${server.name}: ${server.process.description}`);
    log('');
    log(formatFiguresTable(rows));
    log('');
    log('SQL/request: statements the server ran per request during the measurement (Hearth: its own request log; PostGraphile: its pool).');
    return rows;
  } finally {
    await Promise.all(servers.map((server) => server.process.stop()));
  }
}

interface DatabaseFacts {
  institutionId: string;
  posts: number;
  feedGroupPosts: number;
  replies: number;
  reactions: number;
  members: number;
  postgresVersion: string;
}

async function readDatabaseFacts(): Promise<DatabaseFacts> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`cannot open ${databaseName} (${(error as Error).message}); run the seed first: pnpm --filter @hearth/bench bench:feed:seed`);
  }
  try {
    const { rows } = await client.query<{ institution_id: string | null; posts: number; feed_group_posts: number; replies: number; reactions: number; members: number; version: string }>(
      `select (select id from institutions where slug = $1) as institution_id,
              (select count(*)::int from posts) as posts,
              (select count(*)::int from posts p join groups g on g.id = p.group_id where g.slug = $2) as feed_group_posts,
              (select count(*)::int from replies) as replies,
              (select count(*)::int from reactions) as reactions,
              (select count(*)::int from members) as members,
              split_part(version(), ' on ', 1) as version`,
      [institutionSlug, feedGroupSlug],
    );
    const row = rows[0]!;
    if (!row.institution_id) throw new Error(`${databaseName} has no "${institutionSlug}" institution; run the seed first: pnpm --filter @hearth/bench bench:feed:seed`);
    return {
      institutionId: row.institution_id,
      posts: row.posts,
      feedGroupPosts: row.feed_group_posts,
      replies: row.replies,
      reactions: row.reactions,
      members: row.members,
      postgresVersion: row.version,
    };
  } finally {
    await client.end();
  }
}

/** Hard stop for the whole run, well past what the settings need, so a hung server can't keep it going. */
export function armDeadline(load: LoadSettings, extraSeconds = 180): void {
  const seconds = 2 * (load.warmupSeconds + load.durationSeconds * load.connections.length * load.rounds) + extraSeconds;
  setTimeout(() => {
    console.error(`bench: still running after ${seconds} s; stopping.`);
    process.exit(1);
  }, seconds * 1000).unref();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { load } = readScenarioArgs();
  armDeadline(load);
  try {
    await runFeedBenchmark(load);
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
