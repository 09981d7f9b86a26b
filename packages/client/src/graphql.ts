import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.js';

/**
 * `graphql` parses a document at the type level against Hearth's schema (src/graphql-env.d.ts, generated from
 * schema.graphql by `pnpm --filter @hearth/client generate`): a field, argument or type that the schema does not
 * have is a compile error, and the document's result and variables types follow from it. Applications write
 * their own operations with it the same way this package writes the ones in src/operations.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    /** ISO 8601 with a time zone, as the API writes it (whole seconds, UTC). */
    DateTime: string;
    ID: string;
  };
}>();

export type { FragmentOf, ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';

/** Every type name in Hearth's schema. */
export type HearthTypename = keyof introspection['types'];
/** The expected failures a mutation can return as data: the types implementing the schema's `Error` interface. */
export type HearthErrorTypename = introspection['types']['Error']['possibleTypes'];
