import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDatabaseKinds } from '../../test-support/test-database.js';
import { graphqlPost, startHearth, type RunningHearth } from './node-server-test-fixtures.js';

/** Production hardening of the listening server: no introspection, no GraphiQL, no field suggestions (development keeps them). */
for (const kind of availableDatabaseKinds()) {
  describe(`HTTP server in production mode [${kind}]`, () => {
    let hearth: RunningHearth;
    let development: RunningHearth;

    beforeAll(async () => {
      [hearth, development] = await Promise.all([startHearth(kind, { mode: 'production' }), startHearth(kind, { mode: 'development' })]);
    }, 60_000);
    afterAll(async () => {
      await Promise.all([hearth?.stop(), development?.stop()]);
    });

    it('refuses introspection', async () => {
      for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Group") { name } }']) {
        const response = await graphqlPost(hearth.url, { query });
        const body = await response.json();
        expect(body.data ?? null).toBeNull();
        expect(body.errors[0].message).toMatch(/introspection/i);
      }
      const allowedInDevelopment = await graphqlPost(development.url, { query: '{ __type(name: "Group") { name } }' });
      expect((await allowedInDevelopment.json()).data).toEqual({ __type: { name: 'Group' } });
    });

    it('does not serve GraphiQL', async () => {
      const page = await fetch(`${hearth.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
      expect(await page.text()).not.toMatch(/graphiql/i);
      const inDevelopment = await fetch(`${development.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(inDevelopment.headers.get('content-type')).toMatch(/text\/html/);
      expect(await inDevelopment.text()).toMatch(/graphiql/i);
    });

    it('gives no field suggestions in errors', async () => {
      const query = '{ grops(first: 1) { edges { cursor } } }';
      const production = await (await graphqlPost(hearth.url, { query })).json();
      expect(production.errors[0].message).toMatch(/grops/);
      expect(JSON.stringify(production)).not.toMatch(/did you mean/i);
      const inDevelopment = await (await graphqlPost(development.url, { query })).json();
      expect(JSON.stringify(inDevelopment)).toMatch(/did you mean/i);
    });
  });
}
