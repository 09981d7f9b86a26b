import { defineProject } from 'vitest/config';

/**
 * The commands a newcomer runs (`npm start`), run as whole processes. After every other project (groupOrder 1):
 * `npm start` rebuilds the widget bundle, which the browser tests load meanwhile.
 */
export default defineProject({
  test: {
    name: 'commands',
    include: ['commands/**/*.test.ts'],
    sequence: { groupOrder: 1 },
    testTimeout: 150_000,
    hookTimeout: 60_000,
  },
});
