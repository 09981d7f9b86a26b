#!/usr/bin/env node
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Logger } from 'pino';
import { generateServiceToken, generateSsoSecret } from './auth/service-tokens.js';
import { ConfigError, loadConfig, type HearthConfig } from './config.js';
import { dataDirHolder, lockDataDir } from './db/data-dir-lock.js';
import type { Database } from './db/database.js';
import type { DemoCredentials } from './seed/demo-seed.js';
import {
  findActiveSsoKeys,
  findInstitutionBySlug,
  insertInstitution,
  insertServiceToken,
  insertSsoKey,
  retireSsoKey,
} from './modules/institutions/institution.queries.js';
import { languageTag, plainText, slugText } from './schema/text-input.js';
import { demoCredentialsPath, signMemberToken, TokenCommandError } from './token-command.js';

// The database drivers, the schema and the HTTP server are imported by the commands that use them (`await
// import`), so that `hearth token` loads none of them and answers at once.

const usage = `hearth — Hearth's command line

  hearth dev                      migrate, seed the demo (first run), serve with GraphiQL
  hearth serve                    serve the API (migrates first unless NODE_ENV=production)
  hearth migrate                  bring the database schema up to date
  hearth seed                     add the demo institutions, groups and members (idempotent)
  hearth token --institution SLUG --member EXTERNAL_ID [--name NAME] [--admin] [--expires 1h]
                                  print an SSO token signed with the institution's current key,
                                  as the institution's own backend would
  hearth institution create --slug SLUG --name NAME [--locale en] [--origin https://site.example ...]
                                  create an institution; prints its SSO secret and a service token once
  hearth institution rotate-key --institution SLUG
                                  add a new SSO key (the old one keeps working until retired)
  hearth institution retire-key --institution SLUG --kid KID
  hearth service-token create --institution SLUG [--name NAME]

Configuration comes from the environment: PORT, HEARTH_DATA_DIR, DATABASE_URL, REDIS_URL, HEARTH_WIDGETS_DIR, ... (see README).`;

function fail(message: string): never {
  console.error(`hearth: ${message}`);
  process.exit(1);
}

async function openConfiguredDatabase(config: HearthConfig, purpose: 'server' | 'command', logger?: Logger): Promise<{ database: Database; release: () => void }> {
  const { openDatabase } = await import('./db/database.js');
  if (config.databaseUrl) return { database: await openDatabase({ kind: 'postgres', url: config.databaseUrl }, { logger }), release: () => {} };
  const dataDir = resolve(config.dataDir);
  if (purpose === 'command' && dataDirHolder(dataDir)) {
    fail(`the embedded database (${dataDir}) is open in a running Hearth server. Stop it first, or use DATABASE_URL.`);
  }
  const release = lockDataDir(dataDir);
  return { database: await openDatabase({ kind: 'pglite', dataDir }), release };
}

/** Checks an option with the API's own rule, so a bad value is explained here rather than by a database error. */
function checked(name: string, value: string, rule: { safeParse(value: unknown): { success: boolean; error?: { issues: Array<{ message: string }> } } }): void {
  const result = rule.safeParse(value);
  if (!result.success) fail(`--${name} "${value}": ${result.error?.issues[0]?.message ?? 'not valid'}`);
}

function requireString(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') fail(`--${name} is required.\n\n${usage}`);
  return value;
}

async function serve(config: HearthConfig, options: { seed: boolean }): Promise<void> {
  const [{ pino }, { migrateToLatest }, { seedDemo }, { listen }, { createHearthServer }] = await Promise.all([
    import('pino'),
    import('./db/database.js'),
    import('./seed/demo-seed.js'),
    import('./http/node-server.js'),
    import('./server.js'),
  ]);
  const logger = pino({ level: config.logLevel, base: { service: 'hearth' } });
  const { database, release } = await openConfiguredDatabase(config, 'server', logger);
  if (config.mode !== 'production') {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrated');
  }
  if (options.seed) {
    const credentials = await seedDemo(database.db);
    if (credentials) writeCredentials(config, credentials);
  }
  const widgetsDir = resolve(config.widgetsDir);
  const hearth = createHearthServer({ database, config, logger, redisUrl: config.redisUrl, widgetsDir, crisisClassifierTimeoutMs: config.crisisClassifierTimeoutMs });
  const listening = await listen(hearth, { port: config.port, host: config.host, maxBodyBytes: config.maxBodyBytes, logger });

  const lines = [
    '',
    `  Hearth API       ${listening.url}/graphql${config.mode === 'production' ? '' : '   (GraphiQL: open it in a browser)'}`,
    `  Health           ${listening.url}/healthz   ${listening.url}/readyz`,
    `  Database         ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${resolve(config.dataDir)}`}`,
    `  Widgets          ${listening.url}/widgets/hearth.js   ${existsSync(join(widgetsDir, 'hearth.js')) ? `(from ${widgetsDir})` : `(not built: pnpm --filter @hearth/widgets build)`}`,
  ];
  if (options.seed) {
    lines.push(
      '',
      '  Sign in as a demo member (a token signed the way a host site\'s backend would):',
      '    npm run hearth -- token --institution riverside --member demo-amal',
      '  then add the header {"Authorization": "Bearer <token>"} in GraphiQL.',
      '  Demo members: demo-amal (member), demo-omar (applicant), demo-sara (peer facilitator),',
      '  demo-lina (professional facilitator), demo-admin (institution admin); Arabic-first institution: nour.',
    );
  }
  console.log(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    await listening.shutdown();
    await hearth.rateLimiter.close();
    await database.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function writeCredentials(config: HearthConfig, credentials: DemoCredentials): void {
  // The demo's secrets, as a host site keeps them in its own configuration; used by `hearth token` while the
  // server holds the embedded database. Readable by this user only.
  // With DATABASE_URL nothing else creates the data folder (PGlite does, for its own files).
  const path = demoCredentialsPath(resolve(config.dataDir));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(credentials, null, 2));
  chmodSync(path, 0o600);
}

async function printToken(config: HearthConfig, values: Record<string, unknown>): Promise<void> {
  const request = {
    institution: requireString(values, 'institution'),
    member: requireString(values, 'member'),
    ...(typeof values.name === 'string' ? { name: values.name } : {}),
    ...(typeof values.expires === 'string' ? { expires: values.expires } : {}),
    admin: values.admin === true,
  };
  try {
    console.log(await signMemberToken(config, request));
  } catch (error) {
    if (error instanceof TokenCommandError) fail(error.message);
    throw error;
  }
}

async function withCommandDatabase(config: HearthConfig, work: (database: Database) => Promise<void>): Promise<void> {
  const { database, release } = await openConfiguredDatabase(config, 'command');
  try {
    const { migrateToLatest } = await import('./db/database.js');
    await migrateToLatest(database.db);
    await work(database);
  } finally {
    await database.close();
    release();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      institution: { type: 'string' },
      member: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'boolean' },
      expires: { type: 'string' },
      slug: { type: 'string' },
      locale: { type: 'string' },
      origin: { type: 'string', multiple: true },
      kid: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, subcommand] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return;
  }
  let config: HearthConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  switch (command) {
    case 'dev':
      return serve({ ...config, mode: config.mode === 'test' ? 'development' : config.mode }, { seed: true });
    case 'serve':
      return serve(config, { seed: false });
    case 'migrate':
      return withCommandDatabase(config, async () => console.log('hearth: database schema is up to date'));
    case 'seed':
      return withCommandDatabase(config, async ({ db }) => {
        const { seedDemo } = await import('./seed/demo-seed.js');
        const credentials = await seedDemo(db);
        if (credentials && !config.databaseUrl) writeCredentials(config, credentials);
        console.log(credentials ? 'hearth: demo data added' : 'hearth: demo data already present');
      });
    case 'token':
      return printToken(config, values);
    case 'institution':
      if (subcommand === 'create') {
        const slug = requireString(values, 'slug');
        const name = requireString(values, 'name');
        checked('slug', slug, slugText);
        checked('name', name, plainText({ min: 2, max: 120 }));
        checked('locale', values.locale ?? 'en', languageTag);
        for (const origin of values.origin ?? []) {
          if (!URL.canParse(origin) || new URL(origin).origin !== origin.replace(/\/$/, '').toLowerCase()) {
            fail(`--origin "${origin}": use an origin such as https://clinic.example (no path).`);
          }
        }
        return withCommandDatabase(config, async ({ db }) => {
          if (await findInstitutionBySlug(db, slug)) fail(`an institution "${slug}" already exists.`);
          const institution = await insertInstitution(db, {
            slug,
            name: name.trim(),
            defaultLocale: values.locale ?? 'en',
            allowedOrigins: (values.origin ?? []).map((origin) => new URL(origin).origin),
          });
          const secret = generateSsoSecret();
          await insertSsoKey(db, { institutionId: institution.id, kid: 'k1', secret });
          const { token, tokenHash } = generateServiceToken();
          await insertServiceToken(db, { institutionId: institution.id, name: 'initial', tokenHash });
          console.log(`institution id:   ${institution.id}\nslug:             ${institution.slug}\nSSO key id (kid): k1\nSSO secret:       ${secret}\nservice token:    ${token}\n\nKeep the secret and the service token: they are not shown again.`);
        });
      }
      if (subcommand === 'rotate-key') {
        return withCommandDatabase(config, async ({ db }) => {
          const institution = await findInstitutionBySlug(db, requireString(values, 'institution'));
          if (!institution) fail('no such institution.');
          const keys = await findActiveSsoKeys(db, institution.id);
          const kid = `k${Date.now().toString(36)}`;
          const secret = generateSsoSecret();
          await insertSsoKey(db, { institutionId: institution.id, kid, secret });
          console.log(`new kid:    ${kid}\nnew secret: ${secret}\nStill accepted until retired: ${keys.map((key) => key.kid).join(', ') || '(none)'}`);
        });
      }
      if (subcommand === 'retire-key') {
        return withCommandDatabase(config, async ({ db }) => {
          const institution = await findInstitutionBySlug(db, requireString(values, 'institution'));
          if (!institution) fail('no such institution.');
          const retired = await retireSsoKey(db, institution.id, requireString(values, 'kid'));
          console.log(retired ? `retired ${retired.kid}: tokens signed with it are refused from now on` : 'no such active key');
        });
      }
      return fail(`unknown institution command "${subcommand ?? ''}".\n\n${usage}`);
    case 'service-token':
      if (subcommand === 'create') {
        return withCommandDatabase(config, async ({ db }) => {
          const institution = await findInstitutionBySlug(db, requireString(values, 'institution'));
          if (!institution) fail('no such institution.');
          const { token, tokenHash } = generateServiceToken();
          await insertServiceToken(db, { institutionId: institution.id, name: values.name ?? 'cli', tokenHash });
          console.log(token);
        });
      }
      return fail(`unknown service-token command.\n\n${usage}`);
    default:
      return fail(`unknown command "${command}".\n\n${usage}`);
  }
}

await main();
