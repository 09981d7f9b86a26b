import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test-support/test-api.js';
import { withTestInstitution } from '../../test-support/test-context.js';
import { nulMessage, pathToNul } from './refuse-nul.js';

describe('pathToNul', () => {
  it('finds the first NUL in strings, lists and input objects, and nothing in clean values', () => {
    expect(pathToNul({ input: { title: 'ok', topics: ['a', 'b\u0000'] } })).toEqual(['input', 'topics', '1']);
    expect(pathToNul({ slug: '\u0000' })).toEqual(['slug']);
    expect(pathToNul({ input: { title: 'ok', when: new Date(), count: 3, none: null } })).toBeNull();
    // Other control characters are the text rules' business, not this check's.
    expect(pathToNul({ title: 'a\u0001b' })).toBeNull();
  });
});

describeEachDatabase('NUL in any argument', (api) => {
  const t = withTestInstitution(api);

  it("is refused by the one check, before a field's own rules: as data in a mutation's result union, as VALIDATION elsewhere", async () => {
    const created = await api().graphql(
      `mutation($input: CreateGroupInput!) { createGroup(input: $input) { __typename ... on ValidationError { fields { path message } } } }`,
      { input: { slug: 'fine-slug', name: 'Nul\u0000name', languages: ['en'], facilitation: 'PEER_LED', visibility: 'PUBLIC', joinPolicy: 'OPEN' } },
      { token: t.admin.token },
    );
    expect(created.status).toBe(200);
    expect(created.data?.createGroup).toEqual({ __typename: 'ValidationError', fields: [{ path: ['input', 'name'], message: nulMessage }] });
    const found = await api().graphql(`query($slug: String!) { group(slug: $slug) { id } }`, { slug: 'x\u0000' }, { token: t.admin.token });
    expect(found.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', fields: [{ path: ['slug'], message: nulMessage }] });
    expect(JSON.stringify(found)).not.toMatch(/postgres|invalid byte|0x00|stack/i);
  });
});
