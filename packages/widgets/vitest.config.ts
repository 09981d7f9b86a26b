import { defineProject } from 'vitest/config';
import { workspaceSourcesResolution } from '../../workspace-sources.js';

/**
 * The widgets' own tests run in Node: their localization tables, their public surface and the manifest and
 * reference docs generated from their source. Their behaviour in a browser is tested in Chromium in /test.
 */
export default defineProject({
  ...workspaceSourcesResolution,
  test: {
    name: 'widgets',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    // The manifest test's beforeAll runs the analyzer in a child process: about 1.5 s of work, but over 10 s (the
    // default) of waiting on a machine busy with other suites.
    hookTimeout: 60_000,
  },
});
