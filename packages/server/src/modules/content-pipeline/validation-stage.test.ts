import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../schema/errors.js';
import { initialOutcome, type ContentAuthor, type ContentDraft } from './content-pipeline.js';
import { InMemoryRateLimiter } from '../../rate-limits/rate-limits.js';
import { validationStage } from './validation-stage.js';

const author = {} as ContentAuthor;
const services = { rateLimiter: new InMemoryRateLimiter() };
const post = (changes: Partial<ContentDraft> = {}): ContentDraft => ({ kind: 'POST', title: 'A title', body: 'A body', contentWarning: null, anonymous: false, ...changes });
const reply = (changes: Partial<ContentDraft> = {}): ContentDraft => ({ kind: 'REPLY', title: null, body: 'A reply', contentWarning: null, anonymous: false, ...changes });

async function refusal(draft: ContentDraft): Promise<ValidationError> {
  const error = await validationStage.apply(draft, author, initialOutcome(), undefined as never, services).then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

const paths = (error: ValidationError) => error.fields.map((field) => field.path.join('.'));

describe('validation stage', () => {
  it('passes valid posts and replies through unchanged, in both scripts, with balanced direction controls in bodies', async () => {
    const outcome = initialOutcome();
    for (const draft of [
      post(),
      post({ title: 'مجموعة دعم السكري', body: 'نص عربي مع English كلمات\nوسطر ثانٍ', contentWarning: 'فقدان' }),
      post({ body: 'A quote: \u2067مرحبا\u2069 inside an isolate.' }),
      post({ title: 'Family 👨‍👩‍👧 night' }),
      post({ title: 'x'.repeat(200), body: 'y'.repeat(20_000), contentWarning: 'z'.repeat(80) }),
      reply(),
    ]) {
      expect(await validationStage.apply(draft, author, outcome, undefined as never, services)).toBe(outcome);
    }
  });

  it('reports every bad field at once, with the mutation input paths', async () => {
    const error = await refusal(post({ title: '   ', body: 'x'.repeat(20_001), contentWarning: 'w'.repeat(81) }));
    expect(paths(error)).toEqual(['input.title', 'input.body', 'input.contentWarning']);
  });

  it('refuses empty text after trimming, including text of invisible characters only', async () => {
    expect(paths(await refusal(post({ title: '\u200B\u200B', body: ' \n\t ' })))).toEqual(['input.title', 'input.body']);
  });

  it('refuses direction overrides and zero-width tricks in titles and content warnings', async () => {
    expect(paths(await refusal(post({ title: 'gnp.\u202Eexe' })))).toEqual(['input.title']);
    expect(paths(await refusal(post({ title: 'Admin\u200B' })))).toEqual(['input.title']);
    expect(paths(await refusal(post({ contentWarning: 'self\u2066harm' })))).toEqual(['input.contentWarning']);
    expect(paths(await refusal(post({ title: '\u200Dstart' })))).toEqual(['input.title']);
  });

  it('refuses control characters, binary and broken text, and unclosed overrides in bodies', async () => {
    expect(paths(await refusal(post({ body: 'binary\u0000\u0001data' })))).toEqual(['input.body']);
    expect(paths(await refusal(post({ body: 'bad \uD800 surrogate' })))).toEqual(['input.body']);
    expect(paths(await refusal(post({ body: 'spills \u202E over' })))).toEqual(['input.body']);
    expect(paths(await refusal(post({ title: 'two\nlines' })))).toEqual(['input.title']);
  });

  it('stores markup as text: script tags and javascript: links are not validation errors', async () => {
    const outcome = initialOutcome();
    expect(await validationStage.apply(post({ body: '<script>alert(1)</script> [x](javascript:alert(1))' }), author, outcome, undefined as never, services)).toBe(outcome);
  });

  it('refuses a title on a reply and a reply without a body', async () => {
    expect(paths(await refusal(reply({ title: 'No', body: '' })))).toEqual(['input.title', 'input.body']);
  });

  it('counts characters as people do: an emoji is one', async () => {
    const outcome = initialOutcome();
    expect(await validationStage.apply(post({ title: '🙂'.repeat(200) }), author, outcome, undefined as never, services)).toBe(outcome);
    expect(paths(await refusal(post({ title: '🙂'.repeat(201) })))).toEqual(['input.title']);
  });
});
