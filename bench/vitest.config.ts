import { defineProject } from 'vitest/config';
import { workspaceSourcesResolution } from '../workspace-sources.js';

/**
 * The benchmarks' own harness tests only (seconds); the benchmarks themselves run by `pnpm bench:feed` and
 * `pnpm bench:widgets`, never here.
 */
export default defineProject({
  ...workspaceSourcesResolution,
  test: {
    name: 'bench',
    include: ['feed/**/*.test.ts', 'widgets/**/*.test.ts'],
    // The widgets harness measures and loads the current bundle; see the setup file for why it builds here.
    globalSetup: ['./widgets/build-widgets.setup.ts'],
    testTimeout: 20_000,
  },
});
