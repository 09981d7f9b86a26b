import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestInstitution, type TestInstitution } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { initialOutcome, type ContentAuthor, type ContentDraft, type ContentServices } from './content-pipeline.js';
import { crisisClassifierStage } from './crisis-classifier-stage.js';
import { answerJson, startTestClassifier, unusedLocalUrl, type TestClassifier } from './crisis-classifier-test-server.js';
import { setInstitutionCrisisResources } from '../crisis-resources/crisis-resources.js';
import { crisisStage } from './crisis-stage.js';
import { createAuthor, postDraft } from './pipeline-test-fixtures.js';
import { InMemoryRateLimiter } from '../../rate-limits/rate-limits.js';

/** A sentence no detector should read as crisis, so whatever flags it is the classifier. */
const calmText = 'The garden is full of tomatoes this week.';
const crisisText = 'I want to die.';

describeEachDatabase("an institution's crisis classifier", (api) => {
  let classifier: TestClassifier;
  let clinic: TestInstitution;
  let author: ContentAuthor;
  let logLines: string[];
  let services: ContentServices;
  const db = () => api().database.db;
  const useClassifier = (url: string | null) => db().updateTable('institutions').set({ crisis_classifier_url: url }).where('id', '=', clinic.row.id).execute();
  /** The built-in stage, then the classifier's, as the default pipeline runs them. */
  const run = async (draft: ContentDraft) => {
    const builtIn = await crisisStage.apply(draft, author, initialOutcome(), db(), services);
    return { builtIn, outcome: await crisisClassifierStage.apply(draft, author, builtIn, db(), services) };
  };
  const logged = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    classifier = await startTestClassifier();
    clinic = await createTestInstitution(db(), { defaultLocale: 'en' });
    author = await createAuthor(db(), clinic, { locale: 'ar-EG' });
    await setInstitutionCrisisResources(db(), clinic.row.id, 'ar', [{ name: 'خط المستشفى', phone: '920000000', url: null, description: null }]);
  });
  afterAll(() => classifier.close());
  beforeEach(async () => {
    logLines = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) });
    services = { rateLimiter: new InMemoryRateLimiter(), crisisClassifier: { timeoutMs: 300, logger } };
    classifier.received = [];
    await useClassifier(classifier.url);
  });

  it('asks nothing when the institution has no classifier', async () => {
    await useClassifier(null);
    const { builtIn, outcome } = await run(postDraft({ body: calmText }));
    expect(outcome).toBe(builtIn);
    expect(classifier.received).toEqual([]);
  });

  it('sends the text, the locale and the kind, and raises an item from no risk to a crisis with resources', async () => {
    classifier.answer = answerJson(200, { riskLevel: 'IMMINENT', warningSigns: ['MEANS_OR_METHOD', 'TIMING', 'A_SIGN_HEARTH_DOES_NOT_KNOW'] });
    const { builtIn, outcome } = await run(postDraft({ title: 'A week', body: calmText }));
    expect(builtIn.crisis).toBe(false);
    expect(classifier.received).toEqual([{ text: `A week\n${calmText}`, locale: 'ar-EG', kind: 'post', edit: false }]);
    expect(outcome).toEqual({
      status: 'PUBLISHED',
      crisis: true,
      riskLevel: 'IMMINENT',
      warningSigns: ['MEANS_OR_METHOD', 'TIMING'],
      reasons: ['CRISIS_CLASSIFIER'],
      crisisResources: [{ name: 'خط المستشفى', phone: '920000000', url: null, description: null, locale: 'ar' }],
    });
    await run({ ...postDraft({ title: null, body: calmText }), kind: 'REPLY', edit: true });
    expect(classifier.received.at(-1)).toEqual({ text: calmText, locale: 'ar-EG', kind: 'reply', edit: true });
  });

  it("never lowers what the built-in detector found, and adds the classifier's signs", async () => {
    classifier.answer = answerJson(200, { riskLevel: null, warningSigns: [] });
    const quiet = await run(postDraft({ body: crisisText }));
    expect(quiet.builtIn.crisis).toBe(true);
    expect(quiet.outcome).toEqual(quiet.builtIn);

    classifier.answer = answerJson(200, { riskLevel: 'CONCERN', warningSigns: ['BURDENSOMENESS'] });
    const lower = await run(postDraft({ body: crisisText }));
    expect(lower.outcome.riskLevel).toBe(lower.builtIn.riskLevel);
    expect(lower.outcome.warningSigns).toEqual([...new Set([...lower.builtIn.warningSigns, 'BURDENSOMENESS'])]);
    expect(lower.outcome.crisisResources).toEqual(lower.builtIn.crisisResources);

    classifier.answer = answerJson(200, { riskLevel: 'IMMINENT', warningSigns: [] });
    const higher = await run(postDraft({ body: crisisText }));
    expect(higher.outcome).toMatchObject({ crisis: true, riskLevel: 'IMMINENT', reasons: ['CRISIS_LANGUAGE', 'CRISIS_CLASSIFIER'] });
  });

  it('ignores an answer slower than the timeout, within bounds, and logs it without the text', async () => {
    classifier.answer = (_request, response) => void setTimeout(() => answerJson(200, { riskLevel: 'IMMINENT', warningSigns: [] })(_request, response), 3000);
    const started = performance.now();
    const { builtIn, outcome } = await run(postDraft({ body: calmText }));
    expect(performance.now() - started).toBeLessThan(1500);
    expect(outcome).toEqual(builtIn);
    expect(logged()).toEqual([expect.objectContaining({ reason: 'timeout', timeoutMs: 300, institutionId: clinic.row.id, classifier: new URL(classifier.url).origin })]);
    expect(logLines.join('')).not.toContain('tomatoes');
    expect(logLines.join('')).not.toContain('secret-key');
  });

  it('ignores a classifier that is down (connection refused)', async () => {
    await useClassifier(await unusedLocalUrl());
    const { builtIn, outcome } = await run(postDraft({ body: crisisText }));
    expect(outcome).toEqual(builtIn);
    expect(logged()).toEqual([expect.objectContaining({ reason: 'network', code: 'ECONNREFUSED' })]);
  });

  it.each([
    ['not JSON', '{"riskLevel": "IMMINENT"'],
    ['an unknown level', { riskLevel: 'SEVERE', warningSigns: [] }],
    ['no level', { warningSigns: ['TIMING'] }],
    ['signs that are not a list', { riskLevel: 'HIGH', warningSigns: 'TIMING' }],
  ])('ignores a malformed answer (%s)', async (_case, body) => {
    classifier.answer = answerJson(200, body);
    const { builtIn, outcome } = await run(postDraft({ body: calmText }));
    expect(outcome).toEqual(builtIn);
    expect(logged()).toEqual([expect.objectContaining({ reason: 'malformed', status: 200 })]);
  });

  it('ignores an error status, and keeps its body out of the log', async () => {
    classifier.answer = answerJson(500, { error: 'internal detail: model crashed' });
    const { builtIn, outcome } = await run(postDraft({ body: calmText }));
    expect(outcome).toEqual(builtIn);
    expect(logged()).toEqual([expect.objectContaining({ reason: 'status', status: 500 })]);
    expect(logLines.join('')).not.toContain('internal detail');
  });

  it('does not follow a redirect to another address', async () => {
    classifier.answer = (_request, response) => {
      response.writeHead(307, { location: 'http://127.0.0.1:9/elsewhere' });
      response.end();
    };
    const { builtIn, outcome } = await run(postDraft({ body: calmText }));
    expect(outcome).toEqual(builtIn);
    expect(logged()).toEqual([expect.objectContaining({ reason: 'network' })]);
  });
});
