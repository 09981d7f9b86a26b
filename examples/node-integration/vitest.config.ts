import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { workspaceSourcesResolution } from '../../workspace-sources.js';

export default defineProject({
  ...workspaceSourcesResolution,
  test: {
    name: 'example-node-integration',
    include: ['*.test.ts'],
    globalSetup: [fileURLToPath(import.meta.resolve('@hearth/server/test-support/global-setup'))],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
