import { beforeAll, expect, it } from 'vitest';
import { createTestInstitution, type TestMember } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { builtInCrisisResources, setInstitutionCrisisResources } from '../crisis-resources/crisis-resources.js';

/** A search passes the same crisis detector as a post: GroupConnection.crisisResources. */
const search = /* GraphQL */ `
  query($filter: GroupFilter) {
    groups(filter: $filter, first: 5) {
      edges { node { slug } }
      crisisResources { name phone locale }
    }
  }
`;

describeEachDatabase('crisis help in group search', (api) => {
  const t = withTestInstitution(api, { institution: { defaultLocale: 'en' } });
  let english: TestMember;
  let arabic: TestMember;

  beforeAll(async () => {
    english = await t.member({ locale: 'en-GB' });
    arabic = await t.member({ locale: 'ar' });
    await t.group({ name: 'Living with diabetes', slug: 'diabetes-circle', visibility: 'PUBLIC' });
    await setInstitutionCrisisResources(t.db, t.institution.row.id, 'en', [{ name: 'Samaritans', phone: '116 123', url: null, description: null }]);
    await setInstitutionCrisisResources(t.db, t.institution.row.id, 'ar', [{ name: 'خط المساندة', phone: '920033360', url: null, description: null }]);
  });

  const groups = async (text: string, caller: { token?: string; institution?: string }) => {
    const result = await api().graphql(search, { filter: { text } }, caller);
    expect(result.errors).toBeUndefined();
    return result.data!.groups as { edges: { node: { slug: string } }[]; crisisResources: { name: string; locale: string }[] };
  };

  it("shows the institution's resources in the searcher's language when the search is crisis language", async () => {
    expect((await groups('I want to kill myself', { token: english.token })).crisisResources).toEqual([{ name: 'Samaritans', phone: '116 123', locale: 'en' }]);
    expect((await groups('أريد أن أنهي حياتي', { token: arabic.token })).crisisResources).toEqual([{ name: 'خط المساندة', phone: '920033360', locale: 'ar' }]);
    // A guest has no locale: Arabic text brings the Arabic list, English the institution's default.
    expect((await groups('بدي موت', { institution: t.institution.row.slug })).crisisResources.map((resource) => resource.name)).toEqual(['خط المساندة']);
    expect((await groups('I want to die', { institution: t.institution.row.slug })).crisisResources.map((resource) => resource.name)).toEqual(['Samaritans']);
  });

  it("falls back to Hearth's built-in list where the institution has none", async () => {
    const bare = await createTestInstitution(api().database.db, { defaultLocale: 'ar' });
    expect((await groups('أريد أن أموت', { institution: bare.row.slug })).crisisResources).toEqual(
      builtInCrisisResources.ar!.map(({ name, phone, locale }) => ({ name, phone, locale })),
    );
  });

  it('is empty for an ordinary search, for no search text, and keeps the results as they are', async () => {
    const ordinary = await groups('diabetes', { token: english.token });
    expect(ordinary.crisisResources).toEqual([]);
    expect(ordinary.edges.map((edge) => edge.node.slug)).toEqual(['diabetes-circle']);
    expect((await groups('السكري', { token: arabic.token })).crisisResources).toEqual([]);
    const all = await api().graphql(search, { filter: null }, { token: english.token });
    expect(all.data?.groups.crisisResources).toEqual([]);
  });
});
