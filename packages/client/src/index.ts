/**
 * @hearth/client — the typed SDK for Hearth's GraphQL API, for Node 20+ and browsers.
 *
 * `createHearthClient` sends requests and returns errors as values; the operations in ./operations cover the
 * whole API and are typed from its schema; `graphql` writes more; `paginate` walks a connection.
 */
export { createHearthClient, type HearthClient, type HearthClientOptions, type HearthRequestOptions } from './client.js';
export * from './results.js';
export { graphql, readFragment, type FragmentOf, type HearthErrorTypename, type HearthTypename, type ResultOf, type TadaDocumentNode, type VariablesOf } from './graphql.js';
export * from './operations/fragments.js';
export * from './operations/groups.js';
export * from './operations/institutions.js';
export * from './operations/members.js';
export * from './operations/memberships.js';
export * from './operations/moderation.js';
export * from './operations/nodes.js';
export * from './operations/outreach.js';
export * from './operations/posts.js';
export { paginate, HearthPaginationError, type ConnectionPage, type PaginateOptions } from './pagination.js';
