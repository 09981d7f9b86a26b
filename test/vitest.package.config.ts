import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/**
 * The published packages as their users install them: packed, installed into a project outside the workspace and
 * used there. The API they talk to runs on the server's migrated test databases.
 */
export default defineProject({
  test: {
    name: 'package',
    include: ['package/**/*.test.ts'],
    globalSetup: [fileURLToPath(import.meta.resolve('@hearth/server/test-support/global-setup'))],
    testTimeout: 60_000,
    // Packing builds the client (tsup, with declarations) and installing fetches its dependencies from the registry.
    hookTimeout: 240_000,
  },
});
