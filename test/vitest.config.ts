import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'browser',
    include: ['browser/**/*.test.ts'],
    // The server's migrated template databases, then one widget build for the whole run.
    globalSetup: [fileURLToPath(import.meta.resolve('@hearth/server/test-support/global-setup')), './support/build-widgets.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
