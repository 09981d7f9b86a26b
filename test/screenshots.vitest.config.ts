import '../vitest.node20.js';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `pnpm --filter @hearth/cross-package-tests screenshots` (or `pnpm screenshots` at the root): the pictures of each
 * widget state in docs/screenshots/, taken from the real widgets on the clinic site, so the docs stay current.
 * Not part of `npm test`: it writes files.
 */
export default defineConfig({
  test: {
    name: 'screenshots',
    include: ['screenshots/**/*.screenshots.ts'],
    globalSetup: [fileURLToPath(import.meta.resolve('@hearth/server/test-support/global-setup')), './support/build-widgets.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
