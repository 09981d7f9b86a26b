import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

const runtime = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'connection', 'compact-graphql.ts');

/** Resolves gql.tada and graphql.web to src/connection/compact-graphql.ts (see there why). */
export const compactGraphqlPlugin: Plugin = {
  name: 'hearth-compact-graphql',
  setup(build) {
    build.onResolve({ filter: /^(gql\.tada|@0no-co\/graphql\.web)$/ }, () => ({ path: runtime }));
  },
};
