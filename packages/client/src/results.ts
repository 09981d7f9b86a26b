import type { HearthErrorTypename } from './graphql.js';

/**
 * Every request settles to one of these values; nothing is thrown for an expected failure, so callers handle each
 * kind (TypeScript checks the `switch` is exhaustive) instead of guessing what a rejected promise holds.
 */
export type HearthResult<Data> = HearthOk<Data> | HearthFailure<Data>;

/** How a request can fail outside the API's typed error unions. */
export type HearthFailure<Data = unknown> = HearthGraphQLFailure<Data> | HearthHttpFailure | HearthNetworkFailure;

export interface HearthOk<Data> {
  kind: 'ok';
  data: Data;
}

/**
 * The API answered, with top-level GraphQL errors (a field the viewer may not read, a bad variable, a masked
 * unexpected error with its request id). `data` holds whatever the API could still answer, or null.
 */
export interface HearthGraphQLFailure<Data = unknown> {
  kind: 'graphql';
  errors: GraphQLErrorEntry[];
  data: Data | null;
}

/**
 * The API answered with a non-2xx status: 401 for a token it refused (after one refresh through `getToken`),
 * 400 for a document it could not parse or validate, 413 for a body too large, 5xx when it is unwell.
 * `errors` holds the GraphQL errors of the body when it had any.
 */
export interface HearthHttpFailure {
  kind: 'http';
  status: number;
  errors: GraphQLErrorEntry[];
}

/** No answer: the connection failed, was refused or aborted, or the body was not a GraphQL response. */
export interface HearthNetworkFailure {
  kind: 'network';
  cause: unknown;
}

/** One entry of a GraphQL response's `errors`; Hearth puts a machine-readable `code` in `extensions`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** A mutation's typed error, as the API returned it in its result union (`ValidationError`, `GroupFullError` …). */
export interface HearthApiError<Error extends { __typename: HearthErrorTypename }> {
  kind: 'error';
  error: Error;
}

/** A value of a result union with `__typename` selected. */
export interface Typed {
  __typename: string;
}

/** The members of a selected result union that are expected failures. */
export type ErrorMember<Union> = Extract<Union, { __typename: HearthErrorTypename }>;
/** The members of a selected result union that are the mutation's payload. */
export type SuccessMember<Union> = Exclude<Union, { __typename: HearthErrorTypename }>;

/** A mutation's outcome: its payload, one of its typed errors, or a transport failure. */
export type HearthMutationResult<Union> = HearthOk<SuccessMember<Union>> | HearthApiError<ErrorMember<Union>> | HearthFailure<unknown>;

/**
 * The API's `Error` implementations, checked against the schema: a type added to or removed from the `Error`
 * interface makes this object fail to compile (a missing key, or an excess one) until it is updated here.
 */
const errorTypenames = {
  ConflictError: true,
  ForbiddenError: true,
  GroupFullError: true,
  NotFoundError: true,
  RateLimitedError: true,
  ValidationError: true,
} as const satisfies Record<HearthErrorTypename, true>;

/** Whether a value of a result union is one of the API's typed errors. */
export function isHearthError<Union extends Typed>(value: Union): value is ErrorMember<Union> & Union {
  return Object.hasOwn(errorTypenames, value.__typename);
}

/**
 * Splits a mutation's result union (selected with `__typename`) into its payload and its typed errors:
 * `narrowResult(data.joinGroup)` is `{ kind: 'ok', data: Membership }` or `{ kind: 'error', error: GroupFullError | … }`.
 */
export function narrowResult<Union extends Typed>(value: Union): HearthOk<SuccessMember<Union>> | HearthApiError<ErrorMember<Union>> {
  return isHearthError(value)
    ? { kind: 'error', error: value as ErrorMember<Union> }
    : { kind: 'ok', data: value as unknown as SuccessMember<Union> };
}
