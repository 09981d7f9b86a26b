import { beforeAll, expect, it } from 'vitest';
import { createTestInstitution, type TestInstitution } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { initialOutcome, type ContentAuthor, type ContentDraft, type ContentOutcome } from './content-pipeline.js';
import { crisisStage } from './crisis-stage.js';
import { builtInCrisisResources, setInstitutionCrisisResources } from '../crisis-resources/crisis-resources.js';
import { createAuthor, postDraft } from './pipeline-test-fixtures.js';
import { InMemoryRateLimiter } from '../../rate-limits/rate-limits.js';

const services = { rateLimiter: new InMemoryRateLimiter() };

describeEachDatabase('crisis detection stage', (api) => {
  let clinic: TestInstitution;
  let english: ContentAuthor;
  let arabic: ContentAuthor;
  let french: ContentAuthor;
  const run = (draft: ContentDraft, who: ContentAuthor, outcome: ContentOutcome = initialOutcome()) =>
    crisisStage.apply(draft, who, outcome, api().database.db, services);

  beforeAll(async () => {
    const db = api().database.db;
    clinic = await createTestInstitution(db, { defaultLocale: 'ar' });
    english = await createAuthor(db, clinic, { locale: 'en-GB' });
    arabic = await createAuthor(db, clinic, { locale: 'ar-EG' });
    french = await createAuthor(db, clinic, { locale: 'fr' });
    await setInstitutionCrisisResources(db, clinic.row.id, 'ar', [{ name: 'خط المستشفى', phone: '920000000', url: null, description: null }]);
  });

  it('leaves a draft without crisis language as it was', async () => {
    expect(await run(postDraft(), english)).toEqual(initialOutcome());
    expect(await run(postDraft({ title: null, body: 'لن أؤذي نفسي' }), arabic)).toEqual(initialOutcome());
  });

  it("publishes and flags a draft in crisis, with the institution's resources for the author's locale", async () => {
    const outcome = await run(postDraft({ body: 'أريد أن أنهي حياتي' }), arabic);
    expect(outcome).toEqual({
      status: 'PUBLISHED',
      crisis: true,
      riskLevel: 'HIGH',
      warningSigns: ['DIRECT_IDEATION'],
      reasons: ['CRISIS_LANGUAGE'],
      crisisResources: [{ name: 'خط المستشفى', phone: '920000000', url: null, description: null, locale: 'ar' }],
    });
  });

  it("falls back to the institution's default-locale list, then to Hearth's built-in list for the author's language", async () => {
    // The institution's own (local) services come before the international built-in ones, even in another language.
    expect((await run(postDraft({ title: 'I want to die' }), english)).crisisResources.map((resource) => resource.name)).toEqual(['خط المستشفى']);
    expect((await run(postDraft({ body: 'I cut myself again last night' }), french)).crisisResources.map((resource) => resource.name)).toEqual(['خط المستشفى']);
    const unconfigured = await createTestInstitution(api().database.db, { defaultLocale: 'en' });
    const englishElsewhere = await createAuthor(api().database.db, unconfigured, { locale: 'en-US' });
    const arabicElsewhere = await createAuthor(api().database.db, unconfigured, { locale: 'ar' });
    expect((await run(postDraft({ title: 'I want to die' }), englishElsewhere)).crisisResources).toEqual(builtInCrisisResources.en);
    expect((await run(postDraft({ body: 'بدي موت' }), arabicElsewhere)).crisisResources).toEqual(builtInCrisisResources.ar);
  });

  it('keeps a hold from an earlier stage and adds its own reason', async () => {
    const held: ContentOutcome = { ...initialOutcome(), status: 'PENDING_REVIEW', reasons: ['WORD_LIST'] };
    expect(await run(postDraft({ body: 'I keep thinking about killing myself' }), english, held)).toMatchObject({
      status: 'PENDING_REVIEW',
      crisis: true,
      reasons: ['WORD_LIST', 'CRISIS_LANGUAGE'],
    });
  });

  it('does not read the content warning as the writer speaking', async () => {
    expect(await run(postDraft({ contentWarning: 'suicide, self-harm' }), english)).toEqual(initialOutcome());
  });
});
