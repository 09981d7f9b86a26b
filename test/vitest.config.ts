import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { workspaceSourcesResolution } from '../workspace-sources.js';

export default defineProject({
  // Some tests import the widgets' sources, which import @hearth/client: its sources, not a build.
  ...workspaceSourcesResolution,
  test: {
    name: 'browser',
    include: ['browser/**/*.test.ts'],
    // The server's migrated template databases, then one widget build for the whole run.
    globalSetup: [fileURLToPath(import.meta.resolve('@hearth/server/test-support/global-setup')), './support/build-widgets.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
