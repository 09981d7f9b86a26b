import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The server package's folder: the embedded database lives here unless HEARTH_DATA_DIR says otherwise. */
const serverPackageFolder = fileURLToPath(new URL('..', import.meta.url));

/** Where the monorepo's widgets build writes the bundle (`pnpm --filter @hearth/widgets build`). */
export const defaultWidgetsDir = fileURLToPath(new URL('../../widgets/dist', import.meta.url));

/**
 * Every setting Hearth reads from the environment, parsed and validated in one place so that a bad value stops
 * the process at start-up with a message naming the variable, rather than failing later in a request.
 */
export interface HearthConfig {
  /** HTTP port of the API. @default 4000 */
  port: number;
  /** Interface to listen on. @default '127.0.0.1' in development, '0.0.0.0' in production */
  host: string;
  /** `development` turns on GraphiQL, introspection and migrations on start. @default 'development' */
  mode: 'development' | 'production' | 'test';
  /**
   * Folder of the embedded PGlite database (used when `databaseUrl` is not set), absolute. A relative
   * HEARTH_DATA_DIR is taken from packages/server whatever the working folder, so the server (run there by
   * `npm start`), `hearth token` (run from the root) and the clinic site all find the same folder.
   * @default 'packages/server/.hearth-data'
   */
  dataDir: string;
  /** A PostgreSQL connection string; when set, the embedded database is not used. */
  databaseUrl: string | undefined;
  /** Redis for rate limits and events across instances; in-process when unset. */
  redisUrl: string | undefined;
  /** Expected `aud` claim of SSO tokens. @default 'hearth' */
  ssoAudience: string;
  /** Extra origins allowed by CORS besides every institution's embedding origins (comma-separated). */
  extraCorsOrigins: string[];
  /** Largest accepted request body in bytes. @default 102400 */
  maxBodyBytes: number;
  /** Public URL of the API, printed and used in links. */
  publicUrl: string;
  /** Log level for the structured request log. @default 'info' */
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Folder of the built widget bundle, served at `/widgets/`. @default 'packages/widgets/dist' (in the monorepo) */
  widgetsDir: string;
  /**
   * Milliseconds to wait for an institution's own crisis classifier before the built-in detector decides alone
   * (HEARTH_CRISIS_CLASSIFIER_TIMEOUT_MS, 100 to 10000). @default 1500 (undefined here: the pipeline's default)
   */
  crisisClassifierTimeoutMs: number | undefined;
}

/** Digits only: `z.coerce.number()` alone would take "1e3" or "0x50" as a port. */
const port = z
  .string()
  .regex(/^\d{1,5}$/, 'must be a whole number from 1 to 65535')
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be a whole number from 1 to 65535').max(65535, 'must be a whole number from 1 to 65535'));

const isBareOrigin = (url: URL) => url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';

/** An origin as browsers send it in the Origin header: scheme, host and port, no path (else it never matches). */
const origin = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) origin such as https://clinic.example' })
  // zod runs this refinement even when the URL check above failed, so it must not assume a parseable URL.
  .refine((value) => URL.canParse(value) && isBareOrigin(new URL(value)), 'must be an origin (scheme, host and port) without a path')
  .transform((value) => (URL.canParse(value) ? new URL(value).origin : value));

const environmentSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HEARTH_DATA_DIR: z.string().min(1).default(`${serverPackageFolder}.hearth-data`),
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgres:// or postgresql://')
    .optional(),
  REDIS_URL: z
    .string()
    .refine((value) => /^rediss?:\/\//.test(value), 'must start with redis:// or rediss://')
    .optional(),
  HEARTH_SSO_AUDIENCE: z.string().min(1).default('hearth'),
  HEARTH_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(origin)),
  HEARTH_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(100 * 1024),
  HEARTH_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  HEARTH_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  HEARTH_WIDGETS_DIR: z.string().min(1).default(defaultWidgetsDir),
  HEARTH_CRISIS_CLASSIFIER_TIMEOUT_MS: z
    .string()
    .regex(/^\d{3,5}$/, 'must be a whole number of milliseconds from 100 to 10000')
    .transform(Number)
    .pipe(z.number().int().min(100, 'must be a whole number of milliseconds from 100 to 10000').max(10_000, 'must be a whole number of milliseconds from 100 to 10000'))
    .optional(),
});

/** Thrown when the environment holds a value Hearth can't use; its message lists every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates Hearth's settings from an environment (by default `process.env`). */
export function loadConfig(environment: Record<string, string | undefined> = process.env): HearthConfig {
  const blankAsUnset = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const host = env.HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1');
  return {
    port: env.PORT,
    host,
    mode: env.NODE_ENV,
    dataDir: resolve(serverPackageFolder, env.HEARTH_DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    ssoAudience: env.HEARTH_SSO_AUDIENCE,
    extraCorsOrigins: env.HEARTH_CORS_ORIGINS,
    maxBodyBytes: env.HEARTH_MAX_BODY_BYTES,
    publicUrl: env.HEARTH_PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    logLevel: env.HEARTH_LOG_LEVEL,
    widgetsDir: env.HEARTH_WIDGETS_DIR,
    crisisClassifierTimeoutMs: env.HEARTH_CRISIS_CLASSIFIER_TIMEOUT_MS,
  };
}
