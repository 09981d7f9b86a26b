import { beforeAll, describe, expect, it } from 'vitest';
import type { CrisisResourceRow } from '../../db/tables.js';
import { databaseFingerprint } from '../../../test-support/database-fingerprint.js';
import type { TestMember } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { builtInCrisisResources, chooseCrisisResources, crisisResourcesFor } from './crisis-resources.js';

const readResources = /* GraphQL */ `
  query Resources($slug: String!, $locale: String) {
    institution(slug: $slug) { crisisResources(locale: $locale) { name phone url description locale } }
  }
`;
const setResources = /* GraphQL */ `
  mutation Set($input: SetCrisisResourcesInput!) {
    setCrisisResources(input: $input) {
      __typename
      ... on SetCrisisResourcesPayload { locale resources { name phone url description locale } institution { slug } }
      ... on ValidationError { fields { path message } }
      ... on Error { message }
    }
  }
`;

const clinicLine = { name: 'خط الدعم النفسي للمستشفى', phone: '+966 11 000 0000', url: 'https://clinic.example/support', description: 'على مدار الساعة' };

describe('chooseCrisisResources', () => {
  const row = (locale: string, name: string, position = 0): CrisisResourceRow => ({ id: name, institution_id: 'i', locale, position, name, phone: '1', url: null, description: null });

  it("prefers the reader's exact locale, then their language, then the institution's default locale", () => {
    const rows = [row('ar-eg', 'egypt'), row('ar', 'arabic'), row('en', 'english')];
    expect(chooseCrisisResources(rows, 'ar-EG', 'en').map((r) => r.name)).toEqual(['egypt']);
    expect(chooseCrisisResources(rows, 'ar-SA', 'en').map((r) => r.name)).toEqual(['arabic']);
    expect(chooseCrisisResources(rows, 'fr', 'en').map((r) => r.name)).toEqual(['english']);
  });

  it("falls back to the built-in list for the reader's language, then the default language, then English", () => {
    expect(chooseCrisisResources([], 'ar-EG', 'en')).toEqual(builtInCrisisResources.ar);
    expect(chooseCrisisResources([], 'fr', 'ar')).toEqual(builtInCrisisResources.ar);
    expect(chooseCrisisResources([], 'fr', 'de')).toEqual(builtInCrisisResources.en);
    expect(chooseCrisisResources([], null, 'en')).toEqual(builtInCrisisResources.en);
  });

  it('keeps the configured order', () => {
    const rows = [row('en', 'second', 1), row('en', 'first', 0)];
    expect(chooseCrisisResources(rows, 'en', 'en').map((r) => r.name)).toEqual(['first', 'second']);
  });

  it('ships English and Arabic built-in lists, each with a way to reach help', () => {
    for (const language of ['en', 'ar']) {
      const resources = builtInCrisisResources[language]!;
      expect(resources.length).toBeGreaterThan(0);
      for (const resource of resources) {
        expect(resource.locale).toBe(language);
        expect(resource.phone || resource.url || resource.description).toBeTruthy();
      }
    }
    expect(builtInCrisisResources.en!.map((resource) => resource.phone)).toEqual(expect.arrayContaining(['988', '116 123']));
    expect(builtInCrisisResources.ar!.some((resource) => resource.url === 'https://findahelpline.com')).toBe(true);
  });
});

describeEachDatabase('crisis resources', (api) => {
  const t = withTestInstitution(api, { institution: { defaultLocale: 'en' }, otherInstitution: true });
  let arabicMember: TestMember;
  let outsider: TestMember;

  beforeAll(async () => {
    arabicMember = await t.member({ locale: 'ar-SA' });
    outsider = await t.member({ admin: true }, t.otherInstitution);
  });

  it("shows guests and members Hearth's built-in lists until the institution sets its own", async () => {
    const asGuest = await api().graphql(readResources, { slug: t.institution.row.slug }, { institution: t.institution.row.slug });
    expect(asGuest.data?.institution.crisisResources).toEqual(builtInCrisisResources.en);
    const arabic = await api().graphql(readResources, { slug: t.institution.row.slug, locale: 'ar' }, { institution: t.institution.row.slug });
    expect(arabic.data?.institution.crisisResources).toEqual(builtInCrisisResources.ar);
    // Without a locale argument a member gets their own locale's list.
    const asArabicMember = await api().graphql(readResources, { slug: t.institution.row.slug }, { token: arabicMember.token });
    expect(asArabicMember.data?.institution.crisisResources).toEqual(builtInCrisisResources.ar);
  });

  it("lets an admin replace a locale's list, which members of that locale then read", async () => {
    const set = await api().graphql(setResources, { input: { locale: 'ar', resources: [clinicLine, { name: 'الطوارئ', phone: '911' }] } }, { token: t.admin.token });
    expect(set.data?.setCrisisResources).toEqual({
      __typename: 'SetCrisisResourcesPayload',
      locale: 'ar',
      institution: { slug: t.institution.row.slug },
      resources: [
        { ...clinicLine, locale: 'ar' },
        { name: 'الطوارئ', phone: '911', url: null, description: null, locale: 'ar' },
      ],
    });
    const read = await api().graphql(readResources, { slug: t.institution.row.slug }, { token: arabicMember.token });
    expect(read.data?.institution.crisisResources.map((resource: { name: string }) => resource.name)).toEqual([clinicLine.name, 'الطوارئ']);
    expect(await crisisResourcesFor(api().database.db, t.institution.row.id, 'ar-SA')).toHaveLength(2);

    // Replacing keeps only the new list; an empty list removes it, and readers fall back again.
    await api().graphql(setResources, { input: { locale: 'ar', resources: [clinicLine] } }, { token: t.institution.serviceToken });
    expect(await crisisResourcesFor(api().database.db, t.institution.row.id, 'ar')).toEqual([{ ...clinicLine, locale: 'ar' }]);
    const cleared = await api().graphql(setResources, { input: { locale: 'ar', resources: [] } }, { token: t.admin.token });
    expect(cleared.data?.setCrisisResources.resources).toEqual([]);
    expect(await crisisResourcesFor(api().database.db, t.institution.row.id, 'ar')).toEqual(builtInCrisisResources.ar);
  });

  it("uses the institution's default-locale list before the built-in one", async () => {
    await api().graphql(setResources, { input: { locale: 'en', resources: [{ name: 'Clinic line', phone: '0800 000 000' }] } }, { token: t.admin.token });
    expect((await crisisResourcesFor(api().database.db, t.institution.row.id, 'fr')).map((resource) => resource.name)).toEqual(['Clinic line']);
    expect((await crisisResourcesFor(api().database.db, t.institution.row.id, 'ar')).map((resource) => resource.name)).toEqual(['Clinic line']);
    await api().graphql(setResources, { input: { locale: 'en', resources: [] } }, { token: t.admin.token });
  });

  it('refuses members who are not managers, and writes nothing', async () => {
    const before = await databaseFingerprint(api().database.db);
    const result = await api().graphql(setResources, { input: { locale: 'en', resources: [clinicLine] } }, { token: t.viewer.token });
    expect(result.data?.setCrisisResources.__typename).toBe('ForbiddenError');
    const guest = await api().graphql(setResources, { input: { locale: 'en', resources: [clinicLine] } }, { institution: t.institution.row.slug });
    expect(guest.data?.setCrisisResources.__typename).toBe('ForbiddenError');
    expect(await databaseFingerprint(api().database.db)).toEqual(before);
  });

  it("keeps each institution's list to itself: another institution's admin writes only their own and reads null here", async () => {
    await api().graphql(setResources, { input: { locale: 'en', resources: [{ name: 'Other line', phone: '123' }] } }, { token: outsider.token });
    expect((await crisisResourcesFor(api().database.db, t.institution.row.id, 'en')).map((resource) => resource.name)).not.toContain('Other line');
    const read = await api().graphql(readResources, { slug: t.institution.row.slug }, { token: outsider.token });
    expect(read.data?.institution.crisisResources).toBeNull();
  });

  it('returns every invalid field at once and writes nothing', async () => {
    const before = await databaseFingerprint(api().database.db);
    const result = await api().graphql(
      setResources,
      {
        input: {
          locale: 'Arabic!',
          resources: [
            { name: '  ', phone: 'call me' },
            { name: 'No way to reach', url: 'javascript:alert(1)' },
            { name: 'Only a name' },
            // A control character the text rules refuse (a NUL is refused earlier, alone, by schema/refuse-nul.ts).
            { name: 'Bad\u0007name', description: 'x'.repeat(501) },
          ],
        },
      },
      { token: t.admin.token },
    );
    expect(result.data?.setCrisisResources.__typename).toBe('ValidationError');
    const paths = result.data!.setCrisisResources.fields.map((field: { path: string[] }) => field.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'input.locale',
        'input.resources.0.name',
        'input.resources.0.phone',
        'input.resources.1.url',
        'input.resources.2.name',
        'input.resources.3.name',
        'input.resources.3.description',
      ]),
    );
    expect(await databaseFingerprint(api().database.db)).toEqual(before);
  });

  it('refuses more than 20 resources and repeated ones', async () => {
    const many = Array.from({ length: 21 }, (_, index) => ({ name: `Line ${index}`, phone: `${100 + index}` }));
    const tooMany = await api().graphql(setResources, { input: { locale: 'en', resources: many } }, { token: t.admin.token });
    expect(tooMany.data?.setCrisisResources.fields).toEqual([{ path: ['input', 'resources'], message: 'Give at most 20 items.' }]);
    const repeated = await api().graphql(setResources, { input: { locale: 'en', resources: [clinicLine, clinicLine] } }, { token: t.admin.token });
    expect(repeated.data?.setCrisisResources.__typename).toBe('ValidationError');
  });

  it('reads resources for several locales in one statement', async () => {
    const both = await api().graphql(
      `query($slug: String!) { institution(slug: $slug) { en: crisisResources(locale: "en") { name } ar: crisisResources(locale: "ar") { name } } }`,
      { slug: t.institution.row.slug },
      { institution: t.institution.row.slug },
    );
    expect(both.data?.institution.ar).toEqual(builtInCrisisResources.ar!.map(({ name }) => ({ name })));
    const alone = await api().graphql(`query($slug: String!) { institution(slug: $slug) { slug } }`, { slug: t.institution.row.slug }, { institution: t.institution.row.slug });
    expect(both.statements - alone.statements).toBe(1);
  });
});
