import { pathToFileURL } from 'node:url';
import { migrateToLatest, openDatabase } from '@hearth/server';
import pg from 'pg';
import { postgraphileFeedSchema } from './postgraphile-schema.js';
import {
  assertLocalServer,
  databaseName,
  databaseUrl,
  feedGroupSlug,
  institutionSlug,
  maintenanceUrl,
  readScenarioArgs,
  ssoKid,
  ssoSecret,
  viewerExternalId,
  type FeedScale,
} from './scenario.js';

/**
 * Builds the feed benchmark's database: dropped and recreated, migrated with Hearth's own migrations, then filled
 * with one institution's worth of support-group content in a handful of set-based statements (generate_series),
 * so 400,000 rows take seconds rather than 400,000 round trips.
 *
 * Shape of the data, chosen to look like a real institution rather than a uniform grid:
 * - one large group (the measured feed, anonymity allowed, every member in it, a fifth with a pseudonym) holding
 *   80% of the posts, and four smaller groups sharing the rest (so the feed's index has other groups' rows);
 * - about 12% of the posts and 8% of the replies in anonymous-allowing groups are anonymous, each anonymous
 *   participant holding a numbered alias per thread ("Anonymous 2") the way Hearth assigns them;
 * - replies skewed toward newer posts, a fifth of them answering another reply (one level, as Hearth threads);
 * - reactions on posts and replies, one of each kind per member at most, more on posts than on replies.
 * Everything is published and nothing pinned: the measured query is the feed every member sees, not moderation.
 * Timestamps are whole seconds, as Hearth writes them (a sub-second instant could link records).
 * The seed draws with `random()`, so ids and exact placements differ from one seed to the next; the counts and
 * distributions, which are what the figures depend on, do not.
 */
export async function seedFeedDatabase(scale: FeedScale, log: (line: string) => void = console.log): Promise<void> {
  assertLocalServer(maintenanceUrl);
  const started = performance.now();

  const maintenance = new pg.Client({ connectionString: maintenanceUrl });
  await maintenance.connect();
  try {
    await maintenance.query(`drop database if exists ${databaseName} with (force)`);
    await maintenance.query(`create database ${databaseName}`);
  } finally {
    await maintenance.end();
  }

  const hearth = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 1 });
  try {
    const applied = await migrateToLatest(hearth.db);
    log(`migrated ${databaseName}: ${applied.join(', ')}`);
  } finally {
    await hearth.close();
  }

  // One connection for the whole fill: the working tables below are temporary.
  // A bound on each statement, so a plan gone wrong at a larger scale fails instead of running for hours.
  const client = new pg.Client({ connectionString: databaseUrl, statement_timeout: 300_000 });
  await client.connect();
  try {
    const step = async (label: string, statement: string, values: unknown[] = []) => {
      const stepStarted = performance.now();
      const result = await client.query(statement, values);
      log(`  ${label}: ${result.rowCount ?? 0} rows in ${Math.round(performance.now() - stepStarted)} ms`);
    };
    await client.query('begin');

    await step(
      'institution',
      `insert into institutions (slug, name, default_locale) values ($1, 'Benchmark Hospital', 'en')`,
      [institutionSlug],
    );
    await step(
      'sso key',
      `insert into sso_keys (institution_id, kid, algorithm, secret)
       select id, $2, 'HS256', $3 from institutions where slug = $1`,
      [institutionSlug, ssoKid, ssoSecret],
    );
    await step(
      'members',
      `insert into members (institution_id, external_id, display_name, locale)
       select i.id, 'member-' || n, (array['Amal','Sam','Noor','Lee','Rana','Alex','Huda','Jo','Karim','Maya'])[1 + n % 10] || ' ' || n,
              case when n % 4 = 0 then 'ar' else 'en' end
       from institutions i cross join generate_series(1, $2::int) n where i.slug = $1`,
      [institutionSlug, scale.members],
    );

    // The feed group takes 80% of the posts; four smaller groups share the rest.
    await client.query(`
      create temporary table seed_groups (
        position int primary key, slug text, name text, anonymity_policy text, post_share numeric, member_modulus int)`);
    await client.query(
      `insert into seed_groups values
         (0, $1, 'Living with loss', 'ANONYMOUS', 0.80, 1),
         (1, 'caring-for-a-parent', 'Caring for a parent', 'DISABLED', 0.05, 2),
         (2, 'new-diagnosis', 'After a new diagnosis', 'ANONYMOUS_REVEALABLE_IN_CRISIS', 0.05, 3),
         (3, 'sleep-and-worry', 'Sleep and worry', 'ANONYMOUS', 0.05, 4),
         (4, 'family-support', 'Family support', 'DISABLED', 0.05, 5)`,
      [feedGroupSlug],
    );
    await step(
      'groups',
      `insert into groups (institution_id, slug, name, description, topics, languages, facilitation, visibility, join_policy, anonymity_policy)
       select i.id, g.slug, g.name, 'A peer support group of the benchmark hospital.', array['support'], array['en', 'ar'],
              'PEER_LED', 'PUBLIC', 'OPEN', g.anonymity_policy
       from seed_groups g cross join institutions i where i.slug = $1`,
      [institutionSlug],
    );
    // Everyone is in the feed group; each smaller group has every k-th member. A fifth carry a pseudonym.
    await step(
      'memberships',
      `insert into memberships (institution_id, group_id, member_id, role, status, pseudonym, joined_at)
       select m.institution_id, gr.id, m.id,
              case when mn.n % 50 = 2 then 'PEER_FACILITATOR' else 'MEMBER' end,
              'ACTIVE',
              case when mn.n % 5 = 3 then 'Quiet ' || (array['River','Cedar','Harbour','Lantern','Meadow'])[1 + mn.n % 5] || ' ' || mn.n || '-' || g.position end,
              now() - interval '400 days'
       from members m
       cross join lateral (select substr(m.external_id, 8)::int as n) mn
       join seed_groups g on mn.n % g.member_modulus = 0 or g.position = 0
       join groups gr on gr.slug = g.slug`,
    );
    await client.query(`
      create temporary table seed_group_members as
      select g.id as group_id, g.anonymity_policy <> 'DISABLED' as anonymity_allowed, sg.post_share,
             array_agg(ms.member_id order by ms.member_id) as members
      from groups g join seed_groups sg on sg.slug = g.slug join memberships ms on ms.group_id = g.id
      group by g.id, g.anonymity_policy, sg.post_share`);
    // The reader whose feed is measured joins after the authors were chosen, so none of the content is theirs:
    // Hearth shows an anonymous post's author to its author, and the peer has no notion of a viewer.
    await step(
      'reader',
      `with reader as (
         insert into members (institution_id, external_id, display_name, locale)
         select id, $2, 'Feed Reader', 'en' from institutions where slug = $1 returning id, institution_id
       )
       insert into memberships (institution_id, group_id, member_id, role, status, joined_at)
       select r.institution_id, g.id, r.id, 'MEMBER', 'ACTIVE', now() - interval '30 days'
       from reader r join groups g on g.slug = $3`,
      [institutionSlug, viewerExternalId, feedGroupSlug],
    );

    await step(
      'posts',
      `insert into posts (institution_id, group_id, author_id, anonymous, title, body, content_warning, created_at, last_activity_at)
       select i.id, p.group_id, p.members[1 + floor(random() * array_length(p.members, 1))::int],
              p.anonymity_allowed and random() < 0.12,
              (array['How do you get through the evenings?', 'Six months on and still struggling', 'A small good thing today',
                     'Does anyone else feel this way?', 'First time posting here', 'What helped you sleep?',
                     'Anniversary coming up', 'Thank you all for last week'])[1 + p.n % 8] || ' (' || p.n || ')',
              repeat('Some days are easier than others. Writing it down here helps, and reading your replies helps more. ', 1 + p.n % 6),
              case when p.n % 23 = 0 then 'loss of a child' end,
              p.created_at, p.created_at
       from institutions i
       cross join lateral (
         select g.group_id, g.members, g.anonymity_allowed, n,
                date_trunc('second', now() - interval '1 hour' - random() * interval '365 days') as created_at
         from seed_group_members g cross join generate_series(1, greatest(1, round($2::int * g.post_share))::int) n
       ) p
       where i.slug = $1`,
      [institutionSlug, scale.posts],
    );
    await client.query(`
      create temporary table seed_posts as
      select row_number() over (order by p.created_at, p.id) as position, p.id, p.group_id, p.created_at, g.members, g.anonymity_allowed
      from posts p join seed_group_members g on g.group_id = p.group_id`);
    await client.query('create index on seed_posts (position)');

    // Four fifths of the replies answer the post, newer posts drawing more of them (power < 1 leans to the top).
    const topLevel = Math.round(scale.replies * 0.8);
    await step(
      'replies to posts',
      `insert into replies (institution_id, group_id, post_id, author_id, anonymous, body, created_at)
       select i.id, p.group_id, p.id, p.members[1 + floor(random() * array_length(p.members, 1))::int],
              p.anonymity_allowed and random() < 0.08,
              (array['Sending you strength.', 'I felt the same last spring; it did get lighter.', 'Thank you for sharing this.',
                     'Walking every morning helped me more than I expected.', 'You are not alone here.'])[1 + r.n % 5],
              date_trunc('second', p.created_at + random() * least(interval '5 days', now() - p.created_at))
       from institutions i
       cross join (
         -- Materialized so random() is drawn once per reply, not once per pair the join compares.
         with draws as materialized (
           select n, 1 + floor(power(random(), 0.6) * (select count(*) from seed_posts))::int as position
           from generate_series(1, $2::int) n
         ) select * from draws
       ) r
       join seed_posts p on p.position = r.position
       where i.slug = $1`,
      [institutionSlug, topLevel],
    );
    await client.query(`
      create temporary table seed_top_replies as
      select row_number() over (order by r.id) as position, r.id, r.post_id, r.group_id, r.created_at, p.members, p.anonymity_allowed
      from replies r join seed_posts p on p.id = r.post_id`);
    await client.query('create index on seed_top_replies (position)');
    await step(
      'replies to replies',
      `insert into replies (institution_id, group_id, post_id, parent_reply_id, author_id, anonymous, body, created_at)
       select i.id, t.group_id, t.post_id, t.id, t.members[1 + floor(random() * array_length(t.members, 1))::int],
              t.anonymity_allowed and random() < 0.08,
              (array['Yes, this.', 'Same here, thank you.', 'That is such a kind thing to say.'])[1 + r.n % 3],
              date_trunc('second', t.created_at + random() * least(interval '2 days', now() - t.created_at))
       from institutions i
       cross join (
         with draws as materialized (
           select n, 1 + floor(random() * (select count(*) from seed_top_replies))::int as position
           from generate_series(1, $2::int) n
         ) select * from draws
       ) r
       join seed_top_replies t on t.position = r.position
       where i.slug = $1`,
      [institutionSlug, scale.replies - topLevel],
    );
    // The first page always holds anonymous posts and replies, so the benchmark's check compares thread aliases
    // whatever the draw gave the newest posts.
    await step(
      'anonymous on the first page',
      `with newest as (
         select p.id, row_number() over (order by p.created_at desc, p.id desc) as rank
         from posts p join groups g on g.id = p.group_id where g.slug = $1
         order by p.created_at desc, p.id desc limit 20
       ),
       -- A data-modifying WITH runs whether or not the statement reads it.
       posts_made_anonymous as (
         update posts set anonymous = true from newest where posts.id = newest.id and newest.rank in (3, 7, 12)
       ),
       first_replies as (
         select distinct on (r.post_id) r.id from replies r join newest on newest.id = r.post_id
         where newest.rank in (1, 5, 7) and r.parent_reply_id is null order by r.post_id, r.created_at, r.id
       )
       update replies set anonymous = true from first_replies
       where replies.id = first_replies.id`,
      [feedGroupSlug],
    );
    await step(
      'latest activity',
      `update posts p set last_activity_at = greatest(p.created_at, r.latest)
       from (select post_id, max(created_at) as latest from replies group by post_id) r where r.post_id = p.id`,
    );
    // Hearth numbers a thread's anonymous participants in the order they first posted anonymously in it.
    await step(
      'thread aliases',
      `insert into thread_aliases (post_id, member_id, alias_number)
       select post_id, author_id, row_number() over (partition by post_id order by first_at, author_id)
       from (
         select post_id, author_id, min(created_at) as first_at from (
           select id as post_id, author_id, created_at from posts where anonymous
           union all
           select post_id, author_id, created_at from replies where anonymous
         ) anonymous_items group by post_id, author_id
       ) participants`,
    );

    // Candidate reactions with distinct members per subject (a stride through the group's members), then a
    // random draw of the wanted number: up to 30 per post and 4 per reply, so posts end up with more.
    await step(
      'reactions',
      `insert into reactions (institution_id, group_id, subject_type, subject_id, member_id, kind, created_at)
       select i.id, c.group_id, c.subject_type, c.subject_id,
              c.members[1 + ((c.stride_start + c.j * 7) % array_length(c.members, 1))],
              (array['SUPPORT', 'HUG', 'ME_TOO', 'THANK_YOU', 'HELPFUL'])[1 + (c.stride_start + c.j) % 5],
              date_trunc('second', least(now(), c.created_at + (c.j + 1) * interval '7 minutes'))
       from institutions i
       cross join (
         -- One stride start per subject (materialized: drawn once per subject, not once per candidate row).
         with subjects as materialized (
           select 'POST' as subject_type, p.id as subject_id, p.group_id, p.members, p.created_at,
                  floor(random() * 1000)::int as stride_start, least(29, array_length(p.members, 1) - 1) as last_j
           from seed_posts p
           union all
           select 'REPLY', r.id, r.group_id, p.members, r.created_at, floor(random() * 1000)::int, 3
           from replies r join seed_posts p on p.id = r.post_id
         )
         select s.*, j from subjects s cross join lateral generate_series(0, s.last_j) j
       ) c
       where i.slug = $1
       order by random()
       limit $2::int
       -- A stride can revisit a member when the group's size shares a factor with 7; skip such a repeat.
       on conflict do nothing`,
      [institutionSlug, scale.reactions],
    );
    await client.query('commit');

    // The benchmark's PostGraphile peer reads through these functions (Hearth's author rules, as SQL).
    await client.query(postgraphileFeedSchema);
    await step('analyze', 'analyze');
    const counts = await client.query<{ table: string; rows: string }>(`
      select 'posts' as table, count(*)::text as rows from posts union all
      select 'replies', count(*)::text from replies union all
      select 'reactions', count(*)::text from reactions union all
      select 'members', count(*)::text from members union all
      select 'posts in the feed group', count(*)::text from posts p join groups g on g.id = p.group_id where g.slug = '${feedGroupSlug}'`);
    log(`seeded ${databaseName} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts.rows.map((row) => `${row.rows} ${row.table}`).join(', ')}`);
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { scale } = readScenarioArgs();
  await seedFeedDatabase(scale);
}
