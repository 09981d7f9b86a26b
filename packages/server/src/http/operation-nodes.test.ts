import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { internalDetailPattern } from '../../test-support/database-fingerprint.js';
import { addTestMembership, createTestGroup, createTestInstitution, createTestMember, type TestMember } from '../../test-support/factories.js';
import { availableDatabaseKinds } from '../../test-support/test-database.js';
import { graphqlPost, startHearth, type RunningHearth } from './node-server-test-fixtures.js';
import { operationLimits } from '../server.js';

/**
 * The node limit (operation-nodes.ts) on a real server: a connection nested in a connection is counted with the
 * page sizes the request really asks for, however `first` is written (a variable, a declared default, a literal,
 * a fragment), and the widgets' page sizes pass.
 */
const nested = (first: string) =>
  `{ me { memberships${first} { edges { node { group { memberships${first} { edges { node { member { displayName } } } } } } } } } }`;
const withVariable = `query Nested($n: Int) ${nested('(first: $n)')}`;
const withDefault = `query Nested($n: Int = 100) ${nested('(first: $n)')}`;
const throughFragment = `query Nested($n: Int) { me { memberships(first: $n) { edges { node { group { ...Members } } } } } }
fragment Members on Group { memberships(first: $n) { edges { node { member { displayName } } } } }`;

for (const kind of availableDatabaseKinds()) {
  describe(`the node limit [${kind}]`, () => {
    let hearth: RunningHearth;
    let admin: TestMember;

    beforeAll(async () => {
      hearth = await startHearth(kind, {
        before: async (database) => {
          const clinic = await createTestInstitution(database.db);
          admin = await createTestMember(database.db, clinic, { admin: true });
          await addTestMembership(database.db, await createTestGroup(database.db, clinic), admin.row, { role: 'PEER_FACILITATOR' });
        },
      });
    }, 60_000);
    afterAll(async () => {
      await hearth?.stop();
    });

    async function ask(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
      const response = await graphqlPost(hearth.url, { query, variables, operationName }, { authorization: `Bearer ${admin.token}` });
      const body = await response.json();
      expect(JSON.stringify(body)).not.toMatch(internalDetailPattern);
      return { status: response.status, body };
    }

    it('refuses 100 memberships inside 100 memberships (10,100 nodes) when the page size comes in a variable', async () => {
      const { status, body } = await ask(withVariable, { n: 100 });
      expect(status).toBe(400);
      expect(body.data ?? null).toBeNull();
      expect(body.errors[0].message).toBe(
        `This operation could return up to 10100 nodes, more than the ${operationLimits.maxNodes} allowed: ask for smaller pages (first) or fewer nested connections.`,
      );
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses it too from a declared default, through a fragment, and as a literal', async () => {
      expect((await ask(withDefault)).body.errors[0].message).toMatch(/10100 nodes/);
      expect((await ask(throughFragment, { n: 100 })).body.errors[0].message).toMatch(/10100 nodes/);
      expect((await ask(nested('(first: 100)'))).body.data ?? null).toBeNull();
    });

    it('runs the same operation at the page sizes the widgets use, and with no first (the default page of 20)', async () => {
      const small = await ask(withVariable, { n: 20 });
      expect(small.body.errors).toBeUndefined();
      expect(small.body.data.me.memberships.edges).toHaveLength(1);
      expect((await ask(nested(''))).body.errors).toBeUndefined();
    });

    it('counts only the operation that runs', async () => {
      const document = `${withVariable.replace('query Nested', 'query Large')}\nquery Small { me { displayName } }`;
      expect((await ask(document, { n: 100 }, 'Small')).body.errors).toBeUndefined();
      expect((await ask(document, { n: 100 }, 'Large')).body.errors[0].message).toMatch(/10100 nodes/);
    });
  });
}
