import type { HearthFailure, HearthResult } from '@hearth/client';

/** A request that failed while loading a widget's data, kept whole so the error state can say why. */
export class LoadFailure extends Error {
  override name = 'LoadFailure';
  constructor(readonly failure: HearthFailure) {
    super(`Hearth request failed (${failure.kind})`);
  }
}

/** The data of a successful request; throws a LoadFailure otherwise (a Task turns it into its error state). */
export function dataOf<Data>(result: HearthResult<Data>): Data {
  if (result.kind === 'ok') return result.data;
  throw new LoadFailure(result);
}

/** The request id the API attached to a masked failure, for the reader to quote to support. */
export function requestIdOf(failure: HearthFailure): string | undefined {
  if (failure.kind === 'network') return undefined;
  const id = failure.errors.find((error) => typeof error.extensions?.requestId === 'string')?.extensions?.requestId;
  return typeof id === 'string' ? id : undefined;
}
