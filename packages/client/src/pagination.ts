import type { ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada';
import type { HearthClient, HearthRequestOptions } from './client.js';
import type { HearthFailure, HearthResult } from './results.js';

/** The part of a Relay connection `paginate` reads: its nodes and where the next page starts. */
export interface ConnectionPage<Node> {
  edges: ReadonlyArray<{ node: Node }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A page request failed: `failure` says how (the request's HearthResult). */
export class HearthPaginationError extends Error {
  override name = 'HearthPaginationError';
  constructor(readonly failure: HearthFailure) {
    super(`A page could not be loaded (${failure.kind}${failure.kind === 'http' ? ` ${failure.status}` : ''}).`);
  }
}

export interface PaginateOptions extends HearthRequestOptions {
  /** Nodes per request (`first`). @default 50 */
  pageSize?: number | undefined;
}

/**
 * Walks a connection page by page with `after`, yielding its nodes in order; the next page is requested only when
 * the loop needs it, so `break` stops fetching. `select` picks the connection from the data and may return null
 * (a group that no longer exists), which ends the walk. A failed page throws a `HearthPaginationError` carrying
 * the failure, since an async iterator has no other way to report one.
 *
 * ```ts
 * for await (const group of paginate(client, groupsQuery, { filter: { text: 'grief' } }, (data) => data.groups)) { … }
 * ```
 */
export async function* paginate<Document extends TadaDocumentNode<any, { first?: number | null; after?: string | null }>, Node>(
  client: HearthClient,
  document: Document,
  variables: Omit<VariablesOf<Document>, 'first' | 'after'>,
  select: (data: ResultOf<Document>) => ConnectionPage<Node> | null | undefined,
  options: PaginateOptions = {},
): AsyncGenerator<Node, void, undefined> {
  const { pageSize = 50, ...requestOptions } = options;
  // The variables are the document's own plus `first`/`after`, which its type cannot express generically.
  const request = client.request as (document: Document, variables: unknown, options?: HearthRequestOptions) => Promise<HearthResult<ResultOf<Document>>>;
  let after: string | null = null;
  for (;;) {
    const result = await request(document, { ...variables, first: pageSize, after }, requestOptions);
    if (result.kind !== 'ok') throw new HearthPaginationError(result);
    const connection = select(result.data);
    if (!connection) return;
    for (const edge of connection.edges) yield edge.node;
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
    after = connection.pageInfo.endCursor;
  }
}
