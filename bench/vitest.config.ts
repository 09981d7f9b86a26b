import { defineProject } from 'vitest/config';

/** The benchmark's own harness tests only (seconds); the benchmark itself runs by `pnpm bench:feed`, never here. */
export default defineProject({
  test: {
    name: 'bench',
    include: ['feed/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
