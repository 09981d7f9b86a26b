/**
 * `@hearth/server/test-support`: what Hearth's own suites and other packages' tests (the client SDK, the examples,
 * the widgets) need to run against a real Hearth API — private migrated databases, factories that act as an
 * institution or a member, a test context that sets up an institution for a suite, and a server listening on a
 * free port. Their vitest project registers `@hearth/server/test-support/global-setup`
 * as its globalSetup, which builds the migrated databases once per run.
 */
// Brings in global-setup's declaration of what it provides to tests (vitest's ProvidedContext), which
// test-database.ts reads with inject(), into packages that compile this entry.
import type {} from './global-setup.js';

export type { DatabaseKind } from './database-targets.js';
export { availableDatabaseKinds, createEmptyPostgresDatabase, openTestDatabase } from './test-database.js';
export * from './factories.js';
export { createTestApi, describeEachDatabase, type GraphQLResponse, type RequestOptions, type TestApi } from './test-api.js';
export * from './test-context.js';
export * from './test-documents.js';
export { contentFingerprint, databaseFingerprint, internalDetailPattern } from './database-fingerprint.js';
export { startTestServer, type ListeningTestServer } from './listening-server.js';
// The demo hospitals, for tests of the example site that embeds them (their SSO keys come back from the seed).
export { seedDemo, type DemoCredentials } from '../src/seed/demo-seed.js';
