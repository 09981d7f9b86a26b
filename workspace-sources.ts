/**
 * How the workspace runs @hearth/client from its sources. The client's package.json maps "." under the
 * "@hearth/source" export condition to src/index.ts, ahead of the built dist/ that an installed copy of the package
 * gets. Each tool in the workspace that resolves the client sets the condition — tsc through tsconfig.base.json's
 * `customConditions`, the rest from here — so no workspace command needs a build of the client, and none runs a
 * stale one. The name is scoped so that no consumer's bundler sets it by accident (a plain "development" would send
 * a Vite app in dev mode to sources that the tarball does not contain).
 */
export const sourceCondition = '@hearth/source';

/**
 * For a vitest project: Vite resolves with these conditions (its server defaults plus ours), and vitest passes them
 * to its worker processes as `--conditions`.
 */
export const workspaceSourcesResolution = {
  ssr: { resolve: { conditions: ['module', 'node', 'development|production', sourceCondition] } },
};

/** For a Node process a test or script starts (node, tsx) in the workspace, e.g. in NODE_OPTIONS. */
export const sourceConditionFlag = `--conditions=${sourceCondition}`;
