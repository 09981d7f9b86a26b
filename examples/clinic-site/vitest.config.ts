import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'example-clinic-site',
    include: ['src/**/*.test.ts'],
    globalSetup: [fileURLToPath(import.meta.resolve('@hearth/server/test-support/global-setup'))],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
