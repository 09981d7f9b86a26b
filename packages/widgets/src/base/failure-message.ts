import type { HearthFailure } from '@hearth/client';
import type { CommonMessages } from '../localization/common.messages.en.js';
import { requestIdOf } from './load-failure.js';

/** A typed error from a mutation's result union, as far as the shared wording needs it. */
export interface ApiRefusal {
  __typename: string;
  message: string;
  retryAfterSeconds?: number;
}

/** What to tell the reader after a failed request, and what they can do about it. */
export interface FailureMessage {
  /** One sentence in the reader's language. */
  text: string;
  /** Trying again may help (the network, a server hiccup), so a retry button makes sense. */
  retry: boolean;
  /** The session ended: the way out is signing in again on the host site. */
  signIn: boolean;
  /** The device has no connection (not the API being unreachable): the widgets reload by themselves when it returns. */
  offline: boolean;
  /** The API's request id of a masked failure, for the reader to quote to support. */
  reference?: string | undefined;
}

/**
 * Whether a failure is the device being offline rather than the API being down. `navigator.onLine` is only
 * trustworthy when it says false (true means "some network", not "the internet"), so a network failure while it
 * says true is "could not be reached".
 */
export function isOffline(failure: HearthFailure | null | undefined, online: boolean = typeof navigator === 'undefined' || navigator.onLine): boolean {
  return !online && (!failure || failure.kind === 'network');
}

/**
 * The one mapping from a failed request to the reader's sentence, shared by every widget so that offline, an
 * unreachable API, an ended session, a rate limit and an unexpected failure read the same everywhere.
 * Typed refusals other than a rate limit return null: what they mean depends on the action, so the caller words them.
 */
export function failureMessage(common: CommonMessages, result: HearthFailure | { kind: 'error'; error: ApiRefusal }, online?: boolean): FailureMessage {
  if (result.kind === 'error') {
    const seconds = result.error.retryAfterSeconds;
    if (result.error.__typename === 'RateLimitedError' && typeof seconds === 'number') return { text: common.rateLimited(seconds), retry: false, signIn: false, offline: false };
    if (result.error.__typename === 'ForbiddenError') return { text: common.forbidden, retry: false, signIn: false, offline: false };
    if (result.error.__typename === 'NotFoundError') return { text: common.notFound, retry: false, signIn: false, offline: false };
    return { text: common.notDone, retry: false, signIn: false, offline: false };
  }
  if (result.kind === 'http' && result.status === 401) return { text: common.sessionExpired, retry: false, signIn: true, offline: false };
  if (result.kind === 'network') {
    return isOffline(result, online) ? { text: common.offline, retry: true, signIn: false, offline: true } : { text: common.unreachable, retry: true, signIn: false, offline: false };
  }
  return { text: common.failedBody, retry: true, signIn: false, offline: false, reference: requestIdOf(result) };
}
