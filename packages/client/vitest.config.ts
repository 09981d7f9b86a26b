import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'client',
    include: ['src/**/*.test.ts'],
    // The type-level tests (*.test-d.ts) are compiled, not run: a document that no longer matches the schema
    // fails them, and the assertions they make about result types show as tests.
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
    // The same migrated databases the server's tests use: the client is tested against a real API.
    globalSetup: [fileURLToPath(import.meta.resolve('@hearth/server/test-support/global-setup'))],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
