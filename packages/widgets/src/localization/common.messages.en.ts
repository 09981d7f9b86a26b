import { plural } from './catalog.js';

/** Strings every widget shares: states, generic failures, common actions. */
const en = {
  loading: 'Loading…',
  retry: 'Try again',
  loadMore: 'Show more',
  cancel: 'Cancel',
  close: 'Close',
  failedTitle: 'Something went wrong',
  failedBody: 'This could not be loaded. Please try again in a moment.',
  unreachable: 'The support group service could not be reached.',
  offlineTitle: 'You are offline',
  offlineBody: 'Check your connection. This will load again when you are back online.',
  offline: 'You seem to be offline. Check your connection, then try again.',
  notDone: 'This could not be done.',
  sessionExpired: 'Your session has ended. Please sign in again on this site.',
  forbidden: 'You do not have access to this.',
  notFound: 'This is no longer available.',
  notConfigured: 'This widget is not set up yet: it needs the address of the Hearth API (the api attribute or Hearth.configure).',
  signInTitle: 'Sign in to take part',
  signInBody: 'Sign in on this site to join groups, post and reply. Reading public groups needs no account.',
  signIn: 'Sign in',
  requestId: (id: string) => `Reference: ${id}`,
  rateLimited: (seconds: number) => `You are doing that a lot. Please wait ${plural('en', Math.max(1, seconds), { one: '{n} second', other: '{n} seconds' })} and try again.`,
  checkFields: 'Please check the highlighted fields.',
  tooLong: (max: number) => `Please keep this to ${plural('en', max, { one: '{n} character', other: '{n} characters' })} or fewer.`,
};

export type CommonMessages = typeof en;
export default en;
