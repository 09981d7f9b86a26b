import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { signSsoToken } from './auth/sso-tokens.js';
import type { HearthConfig } from './config.js';
import { dataDirHolder, lockDataDir } from './db/data-dir-lock.js';
import type { HearthDb } from './db/database.js';
import type { DemoCredentials } from './seed/demo-seed.js';
import { findActiveSsoKeys, findInstitutionBySlug } from './modules/institutions/institution.queries.js';

/**
 * `hearth token`: a member's SSO token, signed with the key the running server checks it against. It reads the
 * keys where that server keeps them (the same DATABASE_URL or HEARTH_DATA_DIR, resolved by config.ts), explains
 * when it finds nothing there, and never creates or migrates a database. Only what signing needs is imported up
 * front; a database driver is loaded only when a database must be opened, so the usual case (the demo server
 * running) answers at once.
 */

/** A failure to explain to the operator in a sentence (no stack trace). */
export class TokenCommandError extends Error {
  override name = 'TokenCommandError';
}

/** The demo's SSO secrets, written by `hearth dev` beside the embedded database and read by the clinic site too. */
export function demoCredentialsPath(dataDir: string): string {
  return join(dataDir, 'demo-credentials.json');
}

export interface TokenRequest {
  institution: string;
  member: string;
  name?: string;
  admin?: boolean;
  expires?: string;
}

export async function signMemberToken(config: HearthConfig, request: TokenRequest): Promise<string> {
  const key = await findSigningKey(config, request.institution);
  return signSsoToken({
    institutionSlug: request.institution,
    kid: key.kid,
    secret: key.secret,
    subject: request.member,
    ...(request.name ? { name: request.name } : {}),
    ...(request.admin ? { roles: ['institution_admin'] } : {}),
    audience: config.ssoAudience,
    expiresIn: request.expires ?? '12h',
  });
}

interface SigningKey {
  kid: string;
  secret: string;
}

async function findSigningKey(config: HearthConfig, slug: string): Promise<SigningKey> {
  if (config.databaseUrl) return keyFromPostgres(config.databaseUrl, slug);
  const holder = dataDirHolder(config.dataDir);
  // PGlite serves one process: while the server holds the folder, its demo credentials file stands in for it.
  if (holder) return keyFromServersCredentials(config.dataDir, slug, holder);
  // PG_VERSION marks a PostgreSQL data folder; without it, opening PGlite would create an empty database.
  if (!existsSync(join(config.dataDir, 'PG_VERSION'))) throw new TokenCommandError(noDatabaseFound(config.dataDir));
  const release = lockDataDir(config.dataDir);
  try {
    const { openDatabase } = await import('./db/database.js');
    return await keyFromDatabase(() => openDatabase({ kind: 'pglite', dataDir: config.dataDir }), slug, `the embedded database in ${config.dataDir}`);
  } finally {
    release();
  }
}

function noDatabaseFound(dataDir: string): string {
  const lines = [
    'no Hearth database to read the institution\'s keys from:',
    `  DATABASE_URL is not set, and ${dataDir} (${process.env.HEARTH_DATA_DIR ? 'HEARTH_DATA_DIR' : 'the default: HEARTH_DATA_DIR is not set'}) holds no embedded database.`,
    '  Start the server first (npm start), or run this command with the DATABASE_URL or HEARTH_DATA_DIR the server uses.',
  ];
  if (existsSync(demoCredentialsPath(dataDir))) {
    lines.push(`  (${demoCredentialsPath(dataDir)} is there: a server on PostgreSQL wrote it, so give this command its DATABASE_URL.)`);
  }
  return lines.join('\n');
}

function keyFromServersCredentials(dataDir: string, slug: string, holder: number): SigningKey {
  const path = demoCredentialsPath(dataDir);
  const held = `the Hearth server running as process ${holder} holds the embedded database in ${dataDir}`;
  let credentials: DemoCredentials;
  try {
    credentials = JSON.parse(readFileSync(path, 'utf8')) as DemoCredentials;
  } catch {
    throw new TokenCommandError(`${held}, and left no demo credentials at ${path} (\`hearth serve\` does not seed the demo). Stop it, and this command reads the keys from the database.`);
  }
  const key = credentials.institutions.find((institution) => institution.slug === slug);
  if (!key) {
    const known = credentials.institutions.map((institution) => institution.slug).join(', ');
    throw new TokenCommandError(`${held}; its demo credentials (${path}) have keys for ${known}, not "${slug}". Stop the server to sign for other institutions.`);
  }
  return key;
}

async function keyFromPostgres(url: string, slug: string): Promise<SigningKey> {
  const parsed = new URL(url);
  // The address without the password, to name in messages.
  const where = `PostgreSQL at ${parsed.host}${parsed.pathname} (DATABASE_URL)`;
  // Two reads need one connection, not db/database.ts: that module also loads PGlite and every migration, which
  // takes this command from a fraction of a second to two or three. The CommonJS builds load about three times
  // faster than the ES modules here, whose every file passes through tsx's loader hooks.
  const open = async () => {
    const require = createRequire(import.meta.url);
    const { Kysely, PostgresDialect } = require('kysely') as typeof import('kysely');
    const pg = require('pg') as typeof import('pg');
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    pool.on('error', () => {});
    const db: HearthDb = new Kysely({ dialect: new PostgresDialect({ pool }) });
    return { db, close: () => db.destroy() };
  };
  return keyFromDatabase(open, slug, where);
}

const answerWithinMs = 5000;

async function keyFromDatabase(open: () => Promise<{ db: HearthDb; close(): Promise<void> }>, slug: string, where: string): Promise<SigningKey> {
  const database = await open();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TokenCommandError(`no answer from ${where} within ${answerWithinMs / 1000} s.`)), answerWithinMs);
  });
  try {
    const lookUp = async () => {
      const institution = await findInstitutionBySlug(database.db, slug);
      if (!institution) throw new TokenCommandError(`no institution "${slug}" in ${where}.`);
      const [newest] = await findActiveSsoKeys(database.db, institution.id);
      if (!newest) throw new TokenCommandError(`institution "${slug}" has no active SSO key (hearth institution rotate-key adds one).`);
      return newest;
    };
    return await Promise.race([lookUp(), timeout]);
  } catch (error) {
    throw error instanceof TokenCommandError ? error : new TokenCommandError(explainDatabaseFailure(error, where));
  } finally {
    clearTimeout(timer);
    // A server that never answered would keep close() waiting too.
    await Promise.race([database.close(), new Promise((resolve) => setTimeout(resolve, 500).unref())]);
  }
}

/** The operator's next step for the failures a connection string or a fresh database typically give. */
function explainDatabaseFailure(error: unknown, where: string): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return `cannot reach ${where} (${code}). Is the database server running?`;
    case '28P01':
    case '28000':
      return `${where} refused the user or password in DATABASE_URL.`;
    case '3D000':
      return `${where}: that database does not exist.`;
    case '42P01':
      return `${where} has no Hearth tables yet: start the server once (npm start), or run \`hearth migrate\`.`;
    default:
      return `could not read the keys from ${where}: ${(error as Error).message ?? String(error)}`;
  }
}
