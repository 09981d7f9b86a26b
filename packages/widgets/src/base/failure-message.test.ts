import { describe, expect, it } from 'vitest';
import arabic from '../localization/common.messages.ar.js';
import english from '../localization/common.messages.en.js';
import { failureMessage, isOffline } from './failure-message.js';
import { headingLevel } from './heading.js';

const network = { kind: 'network', cause: new TypeError('Failed to fetch') } as const;

describe('the one failure → message mapping', () => {
  it('tells offline from an unreachable API by the device state, and offers a retry for both', () => {
    expect(failureMessage(english, network, false)).toEqual({ text: english.offline, retry: true, signIn: false, offline: true });
    expect(failureMessage(english, network, true)).toEqual({ text: english.unreachable, retry: true, signIn: false, offline: false });
    expect(failureMessage(arabic, network, false).text).toBe(arabic.offline);
    expect(isOffline(network, false)).toBe(true);
    expect(isOffline(network, true)).toBe(false);
    // A GraphQL answer proves the API was reached, whatever navigator.onLine says.
    expect(isOffline({ kind: 'graphql', errors: [], data: null }, false)).toBe(false);
  });

  it('sends an ended session to sign-in, without a retry', () => {
    expect(failureMessage(english, { kind: 'http', status: 401, errors: [] }, true)).toEqual({ text: english.sessionExpired, retry: false, signIn: true, offline: false });
  });

  it('quotes the request id of a masked failure and never the API message', () => {
    const masked: Parameters<typeof failureMessage>[1] = {
      kind: 'graphql',
      data: null,
      errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL', requestId: 'req-42' } }],
    };
    const message = failureMessage(english, masked, true);
    expect(message).toEqual({ text: english.failedBody, retry: true, signIn: false, offline: false, reference: 'req-42' });
  });

  it('words rate limits, refusals and other typed errors in the reader language', () => {
    expect(failureMessage(arabic, { kind: 'error', error: { __typename: 'RateLimitedError', message: 'Slow down', retryAfterSeconds: 30 } }).text).toBe(arabic.rateLimited(30));
    expect(failureMessage(english, { kind: 'error', error: { __typename: 'ForbiddenError', message: 'internal words' } }).text).toBe(english.forbidden);
    expect(failureMessage(english, { kind: 'error', error: { __typename: 'ConflictError', message: 'internal words' } }).text).toBe(english.notDone);
  });
});

describe('heading levels', () => {
  it('starts at the widget heading-level (2 to 5) and goes deeper without passing h6', () => {
    expect(headingLevel(undefined)).toBe(2);
    expect(headingLevel(3, 1)).toBe(4);
    expect(headingLevel(1)).toBe(2);
    expect(headingLevel(9)).toBe(5);
    expect(headingLevel(5, 3)).toBe(6);
    expect(headingLevel(Number.NaN, 1)).toBe(3);
  });
});
