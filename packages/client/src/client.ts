import { print } from '@0no-co/graphql.web';
import type { ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada';
import { narrowResult, type GraphQLErrorEntry, type HearthMutationResult, type HearthResult, type Typed } from './results.js';

/** A token, or nothing for a guest; `getToken` may answer synchronously or not. */
type MaybeToken = string | null | undefined;

export interface HearthClientOptions {
  /** The GraphQL endpoint, e.g. `https://hearth.example/graphql`. */
  url: string | URL;
  /**
   * A bearer token: an SSO token signed by the host site for its signed-in user, or a service token for the
   * institution's backend. Leave both this and `getToken` out for a guest.
   */
  token?: string | undefined;
  /**
   * Supplies the token when the client needs one: before its first request (unless `token` is given), and once
   * more when the API refuses the token it has (HTTP 401, an expired SSO token), after which the request is
   * retried once. Concurrent requests share one call. Return null or undefined to continue as a guest; if it
   * throws, the request settles as `{ kind: 'network' }` with that error as its cause.
   */
  getToken?: (() => MaybeToken | Promise<MaybeToken>) | undefined;
  /**
   * The institution a guest is browsing (its slug), sent as `X-Hearth-Institution` on requests without a token;
   * a token names its institution itself.
   */
  institution?: string | undefined;
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
  /** Headers added to every request (a request id, a tracing header). */
  headers?: Record<string, string> | undefined;
}

/** Per-request options. */
export interface HearthRequestOptions {
  /** Cancels the request; it then settles as `{ kind: 'network' }` with the abort reason as its cause. */
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
}

/**
 * `{}`-variables documents may omit the variables argument; documents with required variables must pass them.
 * (gql.tada types an operation without variables as `{ [key: string]: never }`.)
 */
type VariablesArgument<Document extends TadaDocumentNode<any, any>> =
  {} extends VariablesOf<Document> ? [variables?: VariablesOf<Document>, options?: HearthRequestOptions] : [variables: VariablesOf<Document>, options?: HearthRequestOptions];

export interface HearthClient {
  /** Runs a query or mutation; never throws for a failed request (see HearthResult). */
  request<Document extends TadaDocumentNode<any, any>>(document: Document, ...args: VariablesArgument<Document>): Promise<HearthResult<ResultOf<Document>>>;
  /**
   * Runs a mutation and narrows its result union (picked from the data by `select`) into the payload or one of
   * the API's typed errors: `client.mutate(joinGroup, { input }, (data) => data.joinGroup)`.
   */
  mutate<Document extends TadaDocumentNode<any, any>, Union extends Typed>(
    document: Document,
    variables: VariablesOf<Document>,
    select: (data: ResultOf<Document>) => Union,
    options?: HearthRequestOptions,
  ): Promise<HearthMutationResult<Union>>;
  /** Forgets the token, so the next request asks `getToken` again (e.g. after the host's user signed out). */
  clearToken(): void;
}

interface GraphQLResponseBody {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
}

function isResponseBody(value: unknown): value is GraphQLResponseBody {
  return typeof value === 'object' && value !== null && ('data' in value || 'errors' in value);
}

/** An SSO or service token the API refused; graphql-yoga answers 401 with code UNAUTHENTICATED. */
function isTokenRefused(status: number, body: GraphQLResponseBody | undefined): boolean {
  return status === 401 || Boolean(body?.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED'));
}

/**
 * Creates a client for one Hearth API. It sends JSON POSTs (which the API's CSRF protection requires of browsers),
 * uses only `fetch`, and so runs the same in Node 20+ and in browsers.
 */
export function createHearthClient(options: HearthClientOptions): HearthClient {
  const endpoint = String(options.url);
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  let token: MaybeToken = options.token;
  let tokenRequested = options.token !== undefined;
  let pendingToken: Promise<MaybeToken> | undefined;

  /** One `getToken` call at a time; requests that need a token meanwhile wait for the same answer. */
  function refreshToken(): Promise<MaybeToken> {
    if (!options.getToken) return Promise.resolve(token);
    pendingToken ??= Promise.resolve()
      .then(() => options.getToken!())
      .then((fresh) => {
        token = fresh;
        tokenRequested = true;
        return fresh;
      })
      .finally(() => {
        pendingToken = undefined;
      });
    return pendingToken;
  }

  async function currentToken(): Promise<MaybeToken> {
    if (pendingToken) return pendingToken;
    if (!tokenRequested && options.getToken) return refreshToken();
    return token;
  }

  async function send(body: string, bearer: MaybeToken, requestOptions: HearthRequestOptions | undefined) {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...options.headers,
      ...requestOptions?.headers,
    };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    else if (options.institution) headers['x-hearth-institution'] = options.institution;
    const response = await fetchImpl(endpoint, { method: 'POST', headers, body, signal: requestOptions?.signal ?? null });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, ok: response.ok, body: isResponseBody(parsed) ? parsed : undefined };
  }

  async function request<Data>(document: TadaDocumentNode<any, any>, variables: unknown, requestOptions?: HearthRequestOptions): Promise<HearthResult<Data>> {
    const body = JSON.stringify({ query: print(document), variables: variables ?? {} });
    try {
      const used = await currentToken();
      let answer = await send(body, used, requestOptions);
      // The token expired or was revoked: ask the host for a fresh one, once, and retry with it. A token that
      // another request refreshed meanwhile is used as is.
      if (isTokenRefused(answer.status, answer.body) && options.getToken && used) {
        const fresh = token !== used && !pendingToken ? token : await refreshToken();
        answer = await send(body, fresh, requestOptions);
      }
      if (!answer.ok) return { kind: 'http', status: answer.status, errors: answer.body?.errors ?? [] };
      if (!answer.body) return { kind: 'network', cause: new TypeError(`The API answered ${answer.status} without a GraphQL response.`) };
      if (answer.body.errors?.length) return { kind: 'graphql', errors: answer.body.errors, data: (answer.body.data ?? null) as Data | null };
      return { kind: 'ok', data: answer.body.data as Data };
    } catch (cause) {
      return { kind: 'network', cause };
    }
  }

  return {
    request: (document, ...[variables, requestOptions]) => request(document, variables, requestOptions),
    async mutate(document, variables, select, requestOptions) {
      const result = await request<ResultOf<typeof document>>(document, variables, requestOptions);
      return result.kind === 'ok' ? narrowResult(select(result.data)) : result;
    },
    clearToken() {
      token = options.token;
      tokenRequested = options.token !== undefined;
    },
  };
}
