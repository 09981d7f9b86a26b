import './vitest.node20.js';
import { defineConfig } from 'vitest/config';

/** One `vitest run` covers every package (each its own project with its own setup) and the cross-package tests. */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'examples/*/vitest.config.ts', 'bench/vitest.config.ts', 'test/vitest.config.ts', 'test/vitest.package.config.ts', 'test/vitest.commands.config.ts'],
    pool: 'forks',
  },
});
