import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function configError(environment: Record<string, string>): ConfigError {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`Expected a ConfigError for ${JSON.stringify(environment)}`);
}

describe('loadConfig', () => {
  it('fills in development defaults from an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      mode: 'development',
      // Beside the server package, wherever the command runs from, so `npm start` and `npm run hearth` agree.
      dataDir: fileURLToPath(new URL('../.hearth-data', import.meta.url)),
      databaseUrl: undefined,
      redisUrl: undefined,
      ssoAudience: 'hearth',
      extraCorsOrigins: [],
      maxBodyBytes: 100 * 1024,
      publicUrl: 'http://localhost:4000',
      logLevel: 'info',
      // The monorepo's widgets build, found the same way whatever folder the command runs from.
      widgetsDir: fileURLToPath(new URL('../../widgets/dist', import.meta.url)),
      // Unset: the content pipeline's own default (1500 ms) applies.
      crisisClassifierTimeoutMs: undefined,
    });
  });

  it('listens on every interface in production unless HOST says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).host).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'production', HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
  });

  it('reads every variable it knows, and treats blank ones as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgresql://hearth@db:5432/hearth',
      REDIS_URL: 'rediss://cache:6380',
      HEARTH_SSO_AUDIENCE: 'clinic-widgets',
      HEARTH_CORS_ORIGINS: ' https://Clinic.example:443/ , http://localhost:5173 ,',
      HEARTH_MAX_BODY_BYTES: '2048',
      HEARTH_PUBLIC_URL: 'https://hearth.clinic.example',
      HEARTH_LOG_LEVEL: 'warn',
      HEARTH_DATA_DIR: '',
      HEARTH_WIDGETS_DIR: '/srv/hearth/widgets',
      HEARTH_CRISIS_CLASSIFIER_TIMEOUT_MS: '2500',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgresql://hearth@db:5432/hearth',
      redisUrl: 'rediss://cache:6380',
      ssoAudience: 'clinic-widgets',
      extraCorsOrigins: ['https://clinic.example', 'http://localhost:5173'],
      maxBodyBytes: 2048,
      publicUrl: 'https://hearth.clinic.example',
      logLevel: 'warn',
      dataDir: fileURLToPath(new URL('../.hearth-data', import.meta.url)),
      widgetsDir: '/srv/hearth/widgets',
      crisisClassifierTimeoutMs: 2500,
    });
  });

  it('takes a relative HEARTH_DATA_DIR from packages/server, not from the working folder', () => {
    expect(loadConfig({ HEARTH_DATA_DIR: 'data/../local-data' }).dataDir).toBe(fileURLToPath(new URL('../local-data', import.meta.url)));
    expect(loadConfig({ HEARTH_DATA_DIR: '/srv/hearth/data' }).dataDir).toBe('/srv/hearth/data');
  });

  it.each(['50', '20000', '1.5', 'soon'])('refuses HEARTH_CRISIS_CLASSIFIER_TIMEOUT_MS=%s with a ConfigError naming it', (value) => {
    expect(configError({ HEARTH_CRISIS_CLASSIFIER_TIMEOUT_MS: value }).message).toMatch(/^\s+HEARTH_CRISIS_CLASSIFIER_TIMEOUT_MS: must be a whole number/m);
  });

  it.each(['abc', '0', '65536', '80.5', '-1', '1e3', '0x50'])('refuses PORT=%s with a ConfigError naming PORT', (value) => {
    const error = configError({ PORT: value });
    expect(error.message).toMatch(/^\s+PORT: /m);
  });

  it.each(['mysql://db/hearth', 'localhost:5432', 'hearth'])('refuses DATABASE_URL=%s with a ConfigError naming it', (value) => {
    expect(configError({ DATABASE_URL: value }).message).toMatch(/^\s+DATABASE_URL: must start with postgres/m);
  });

  it.each(['not a url', 'ftp://files.example', 'https://clinic.example/embed', 'https://clinic.example?x=1', 'https://user@clinic.example', 'https://ok.example,javascript:alert(1)'])(
    'refuses HEARTH_CORS_ORIGINS=%s with a ConfigError naming it',
    (value) => {
      expect(configError({ HEARTH_CORS_ORIGINS: value }).message).toMatch(/^\s+HEARTH_CORS_ORIGINS(\.\d+)?: /m);
    },
  );

  it('lists every bad variable at once', () => {
    const error = configError({ PORT: 'x', DATABASE_URL: 'mysql://db', NODE_ENV: 'staging', HEARTH_LOG_LEVEL: 'loud' });
    for (const name of ['PORT', 'DATABASE_URL', 'NODE_ENV', 'HEARTH_LOG_LEVEL']) expect(error.message).toContain(`${name}:`);
    expect(error.name).toBe('ConfigError');
  });
});
