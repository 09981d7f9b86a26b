import { createHearthClient, type HearthClient } from '@hearth/client';
import type { HearthOptions, TokenSource } from '../configuration/hearth-options.js';

/**
 * One client per distinct configuration, shared by the widgets that use it, so that widgets on one page share
 * a single `getToken` call when the token expires instead of each asking the host at once.
 */
const byTokenSource = new WeakMap<TokenSource, Map<string, HearthClient>>();
const withoutTokenSource = new Map<string, HearthClient>();

export function clientFor(options: HearthOptions & { api: string }): HearthClient {
  const key = JSON.stringify([options.api, options.institution ?? null, options.token ?? null]);
  let clients = options.getToken ? byTokenSource.get(options.getToken) : withoutTokenSource;
  if (!clients) {
    clients = new Map();
    byTokenSource.set(options.getToken!, clients);
  }
  let client = clients.get(key);
  if (!client) {
    client = createHearthClient({
      url: new URL('/graphql', options.api),
      token: options.token,
      getToken: options.getToken,
      institution: options.institution,
    });
    clients.set(key, client);
  }
  return client;
}
