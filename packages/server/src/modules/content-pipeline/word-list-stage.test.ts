import { beforeAll, expect, it } from 'vitest';
import { ValidationError } from '../../schema/errors.js';
import { createTestInstitution, type TestInstitution } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { initialOutcome, type ContentAuthor, type ContentDraft } from './content-pipeline.js';
import { createAuthor, postDraft } from './pipeline-test-fixtures.js';
import { InMemoryRateLimiter } from '../../rate-limits/rate-limits.js';
import { wordListStage } from './word-list-stage.js';
import { addWordListEntry } from '../word-lists/word-lists.js';

const services = { rateLimiter: new InMemoryRateLimiter() };

describeEachDatabase('word list stage', (api) => {
  let clinic: TestInstitution;
  let author: ContentAuthor;
  const run = (draft: ContentDraft, who = author) => wordListStage.apply(draft, who, initialOutcome(), api().database.db, services);

  beforeAll(async () => {
    const db = api().database.db;
    clinic = await createTestInstitution(db);
    author = await createAuthor(db, clinic);
    await addWordListEntry(db, clinic.row.id, 'idiot', 'BLOCK');
    await addWordListEntry(db, clinic.row.id, 'أحمق', 'BLOCK');
    await addWordListEntry(db, clinic.row.id, 'miracle cure', 'HOLD');
    await addWordListEntry(db, clinic.row.id, 'علاج سحري', 'HOLD');
  });

  it('passes text that contains no listed phrase, whole words only', async () => {
    expect(await run(postDraft({ title: 'Idiotic weather', body: 'Our idiom for it: cure-alls and miracles.' }))).toEqual(initialOutcome());
  });

  it('refuses a BLOCK phrase on each field that has one, without repeating the phrase', async () => {
    const error = await run(postDraft({ title: 'You IDIOT', body: 'fine', contentWarning: 'يا أَحْمَق' })).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    const fields = (error as ValidationError).fields;
    expect(fields.map((field) => field.path)).toEqual([
      ['input', 'title'],
      ['input', 'contentWarning'],
    ]);
    for (const field of fields) {
      expect(field.message).toBe('Contains a word or phrase this community does not allow. Please rephrase it.');
      expect(field.message.toLowerCase()).not.toContain('idiot');
    }
  });

  it('holds a HOLD phrase for review with the reason WORD_LIST, after normalization', async () => {
    expect(await run(postDraft({ body: 'Try this MIRACLE\u200B cure today' }))).toEqual({ ...initialOutcome(), status: 'PENDING_REVIEW', reasons: ['WORD_LIST'] });
    expect(await run({ kind: 'REPLY', title: null, body: 'جرب هذا العِلاج السِّحري', contentWarning: null, anonymous: false })).toMatchObject({ status: 'PENDING_REVIEW', reasons: ['WORD_LIST'] });
  });

  it('never turns away a draft in crisis: a blocked phrase then holds it instead', async () => {
    const outcome = await run(postDraft({ body: "I feel like such an idiot and I want to die." }));
    expect(outcome).toMatchObject({ status: 'PENDING_REVIEW', reasons: ['WORD_LIST'] });
  });

  it("applies only the author's institution's list", async () => {
    const elsewhere = await createTestInstitution(api().database.db);
    const stranger = await createAuthor(api().database.db, elsewhere);
    expect(await run(postDraft({ title: 'idiot' }), stranger)).toEqual(initialOutcome());
  });
});
