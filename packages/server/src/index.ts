/**
 * @hearth/server — the public entry. Build the API with `createHearthServer`, open its database with
 * `openDatabase`, and serve it over HTTP with `listen`; the `hearth` CLI does all three.
 */
export { createHearthServer, operationLimits, type HearthServer, type HearthServerOptions } from './server.js';
export { loadConfig, ConfigError, type HearthConfig } from './config.js';
export { openDatabase, migrateToLatest, type Database, type DatabaseTarget, type HearthDb } from './db/database.js';
export { listen, type ListeningHearth } from './http/node-server.js';
export { signSsoToken, type SsoTokenRequest } from './auth/sso-tokens.js';
export { printHearthSchema } from './schema/index.js';
