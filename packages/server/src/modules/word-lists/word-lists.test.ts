import { beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../../test-support/database-fingerprint.js';
import type { TestMember } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { compileWordList, maxWordListEntries, normalizePhrase } from './word-lists.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';


/** [entry as an admin writes it, text, whether the text contains it] */
const matching: Array<[phrase: string, text: string, matches: boolean]> = [
  // Whole words only.
  ['ass', 'Thank you for your assistance', false],
  ['ass', 'what an ASS.', true],
  ['kill', 'skills', false],
  ['idiot', 'You IDIOT!', true],
  ['Idiot', 'idiots', false],
  // Phrases match as consecutive words, across any spacing or punctuation between them.
  ['shut up', 'Just shut   up!', true],
  ['shut up', 'shut the door, up there', false],
  ['shut up', 'shut-up', true],
  // Invisible characters can't split a word.
  ['idiot', 'id\u200Biot', true],
  ['idiot', 'id\u00ADiot', true],
  // NFKC: full-width letters and ligatures.
  ['idiot', 'ｉｄｉｏｔ', true],
  ['fine', 'ﬁne', true],
  // Apostrophes inside words.
  ["don't", 'dont', true],
  // Arabic: diacritics, tatweel, letter variants (أ إ آ ٱ → ا, ى → ي, ة → ه).
  ['غبي', 'أنت غَبِيّ', true],
  ['غبي', 'أنت غبـــي', true],
  ['أحمق', 'يا احمق', true],
  ['احمق', 'يا أحمق', true],
  ['إبليس', 'ابليس', true],
  ['مستشفى', 'مستشفي', true],
  ['حقيرة', 'حقيره', true],
  ['آفة', 'افه', true],
  // Arabic attached prefixes (و ف ب ل ك س, the article ال) are seen through; the entry's own article is optional.
  ['غبي', 'والغبي', true],
  ['غبي', 'بالغبي', true],
  ['الغبي', 'غبي', true],
  ['الكلب', 'للكلب', true],
  // …but a word that merely contains the entry is not it.
  ['غبي', 'غبية', false],
  ['كلب', 'كلبشات', false],
  // Presentation forms (NFKC).
  ['لا', 'ﻻ', true],
];

describe('word list matching', () => {
  it.each(matching)('%j in %j → %s', (phrase, text, expected) => {
    const matcher = compileWordList([{ normalized_phrase: normalizePhrase(phrase), action: 'HOLD' }]);
    expect(matcher.matches(text).length > 0).toBe(expected);
  });

  it('lists BLOCK matches before HOLD matches, each entry once', () => {
    const matcher = compileWordList([
      { normalized_phrase: 'spam', action: 'HOLD' },
      { normalized_phrase: 'idiot', action: 'BLOCK' },
    ]);
    expect(matcher.matches('spam spam idiot spam')).toEqual([
      { action: 'BLOCK', phrase: 'idiot' },
      { action: 'HOLD', phrase: 'spam' },
    ]);
  });

  it('stores phrases in their normal form', () => {
    expect(normalizePhrase('  Shut   UP! ')).toBe('shut up');
    expect(normalizePhrase('أَحْمَق كبيــر')).toBe('احمق كبير');
    expect(normalizePhrase('!!!')).toBe('');
  });

  it('matches a 20,000-character text against a full list quickly enough to run on every post', () => {
    const entries = Array.from({ length: maxWordListEntries }, (_, index) => ({ normalized_phrase: `word${index} phrase${index}`, action: 'HOLD' as const }));
    const matcher = compileWordList(entries);
    const text = 'An ordinary sentence about a hard week. '.repeat(500);
    expect(matcher.matches(`${text} word1999 phrase1999`)).toEqual([{ action: 'HOLD', phrase: 'word1999 phrase1999' }]);
  });
});

const wordList = /* GraphQL */ `
  query WordList($slug: String!, $first: Int, $after: String) {
    institution(slug: $slug) {
      wordListEntries(first: $first, after: $after) {
        edges { cursor node { id phrase normalizedPhrase action createdAt } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;
const addEntry = /* GraphQL */ `
  mutation Add($input: AddWordListEntryInput!) {
    addWordListEntry(input: $input) {
      __typename
      ... on WordListEntry { id phrase normalizedPhrase action }
      ... on ValidationError { fields { path message } }
      ... on Error { message }
    }
  }
`;
const removeEntry = /* GraphQL */ `
  mutation Remove($input: RemoveWordListEntryInput!) {
    removeWordListEntry(input: $input) {
      __typename
      ... on WordListEntry { id phrase }
      ... on ValidationError { fields { path message } }
      ... on Error { message }
    }
  }
`;

describeEachDatabase('word list admin API', (api) => {
  const t = withTestInstitution(api, { otherInstitution: true });
  let otherAdmin: TestMember;

  beforeAll(async () => {
    otherAdmin = await t.member({ admin: true }, t.otherInstitution);
  });

  it('lets an admin add entries, shows them in phrase order with their normal form, and removes them', async () => {
    const added = await api().graphql(addEntry, { input: { phrase: 'أَحْمَق', action: 'HOLD' } }, { token: t.admin.token });
    expect(added.data?.addWordListEntry).toMatchObject({ __typename: 'WordListEntry', phrase: 'أَحْمَق', normalizedPhrase: 'احمق', action: 'HOLD' });
    const blocked = await api().graphql(addEntry, { input: { phrase: '  Shut UP ', action: 'BLOCK' } }, { token: t.institution.serviceToken });
    expect(blocked.data?.addWordListEntry).toMatchObject({ phrase: 'Shut UP', normalizedPhrase: 'shut up', action: 'BLOCK' });

    const list = await api().graphql(wordList, { slug: t.institution.row.slug }, { token: t.admin.token });
    expect(list.data?.institution.wordListEntries.edges.map((edge: { node: { normalizedPhrase: string } }) => edge.node.normalizedPhrase)).toEqual(['shut up', 'احمق']);

    const removed = await api().graphql(removeEntry, { input: { entryId: added.data!.addWordListEntry.id } }, { token: t.admin.token });
    expect(removed.data?.removeWordListEntry).toEqual({ __typename: 'WordListEntry', id: added.data!.addWordListEntry.id, phrase: 'أَحْمَق' });
    const again = await api().graphql(removeEntry, { input: { entryId: added.data!.addWordListEntry.id } }, { token: t.admin.token });
    expect(again.data?.removeWordListEntry.__typename).toBe('NotFoundError');
    await api().graphql(removeEntry, { input: { entryId: blocked.data!.addWordListEntry.id } }, { token: t.admin.token });
  });

  it('refuses a phrase that normalizes to one already listed, naming the entry', async () => {
    const first = await api().graphql(addEntry, { input: { phrase: 'إبليس', action: 'BLOCK' } }, { token: t.admin.token });
    const before = await databaseFingerprint(api().database.db);
    const second = await api().graphql(addEntry, { input: { phrase: 'ابليس', action: 'HOLD' } }, { token: t.admin.token });
    expect(second.data?.addWordListEntry).toEqual({ __typename: 'ConflictError', message: '"إبليس" is already on the word list (BLOCK), and matches the same words.' });
    expect(await databaseFingerprint(api().database.db)).toEqual(before);
    await api().graphql(removeEntry, { input: { entryId: first.data!.addWordListEntry.id } }, { token: t.admin.token });
  });

  it('returns every invalid field at once and writes nothing', async () => {
    const before = await databaseFingerprint(api().database.db);
    const result = await api().graphql(addEntry, { input: { phrase: '!!! ???', action: 'DELETE' } }, { token: t.admin.token });
    // An unknown enum value is refused by GraphQL itself, before the resolver.
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const empty = await api().graphql(addEntry, { input: { phrase: '!!! ???', action: 'HOLD' } }, { token: t.admin.token });
    expect(empty.data?.addWordListEntry).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'phrase'], message: 'Must contain a letter or digit: only words are matched.' }] });
    const long = await api().graphql(addEntry, { input: { phrase: 'one two three four five six seven eight nine', action: 'HOLD' } }, { token: t.admin.token });
    expect(long.data?.addWordListEntry.fields).toEqual([{ path: ['input', 'phrase'], message: 'Must be at most 8 words.' }]);
    const binary = await api().graphql(addEntry, { input: { phrase: 'bad\u0000word', action: 'HOLD' } }, { token: t.admin.token });
    expect(binary.data?.addWordListEntry.__typename).toBe('ValidationError');
    const badId = await api().graphql(removeEntry, { input: { entryId: 'not-an-id' } }, { token: t.admin.token });
    expect(badId.data?.removeWordListEntry.fields).toEqual([{ path: ['input', 'entryId'], message: 'Expected the id of a WordListEntry.' }]);
    expect(await databaseFingerprint(api().database.db)).toEqual(before);
  });

  it('keeps the list to its managers: members and guests are refused and read null', async () => {
    const entry = await api().graphql(addEntry, { input: { phrase: 'secret slur', action: 'BLOCK' } }, { token: t.admin.token });
    const entryId = entry.data!.addWordListEntry.id;
    const before = await databaseFingerprint(api().database.db);
    for (const options of [{ token: t.viewer.token }, { institution: t.institution.row.slug }]) {
      expect((await api().graphql(addEntry, { input: { phrase: 'another', action: 'HOLD' } }, options)).data?.addWordListEntry.__typename).toBe('ForbiddenError');
      expect((await api().graphql(removeEntry, { input: { entryId } }, options)).data?.removeWordListEntry.__typename).toBe('ForbiddenError');
      expect((await api().graphql(wordList, { slug: t.institution.row.slug }, options)).data?.institution.wordListEntries).toBeNull();
      expect((await api().graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: entryId }, options)).data?.node).toBeNull();
    }
    expect(await databaseFingerprint(api().database.db)).toEqual(before);
    await api().graphql(removeEntry, { input: { entryId } }, { token: t.admin.token });
  });

  it("keeps each institution's list apart: another institution's admin can't read or remove an entry", async () => {
    const entry = await api().graphql(addEntry, { input: { phrase: 'clinic only', action: 'HOLD' } }, { token: t.admin.token });
    const entryId = entry.data!.addWordListEntry.id;
    expect((await api().graphql(wordList, { slug: t.institution.row.slug }, { token: otherAdmin.token })).data?.institution.wordListEntries).toBeNull();
    expect((await api().graphql(removeEntry, { input: { entryId } }, { token: otherAdmin.token })).data?.removeWordListEntry.__typename).toBe('NotFoundError');
    expect((await api().graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: entryId }, { token: otherAdmin.token })).data?.node).toBeNull();
    // The same phrase is free in the other institution.
    const theirs = await api().graphql(addEntry, { input: { phrase: 'clinic only', action: 'BLOCK' } }, { token: otherAdmin.token });
    expect(theirs.data?.addWordListEntry.__typename).toBe('WordListEntry');
    await api().graphql(removeEntry, { input: { entryId } }, { token: t.admin.token });
  });

  it('pages by keyset in phrase order, in one statement per page', async () => {
    const phrases = ['delta', 'alpha', 'echo', 'charlie', 'bravo'];
    const ids: string[] = [];
    for (const phrase of phrases) ids.push((await api().graphql(addEntry, { input: { phrase, action: 'HOLD' } }, { token: t.admin.token })).data!.addWordListEntry.id);
    const seen: string[] = [];
    let after: string | null = null;
    const statements: number[] = [];
    for (;;) {
      const page: any = await api().graphql(wordList, { slug: t.institution.row.slug, first: 2, after }, { token: t.admin.token });
      statements.push(page.statements);
      seen.push(...page.data.institution.wordListEntries.edges.map((edge: { node: { phrase: string } }) => edge.node.phrase));
      if (!page.data.institution.wordListEntries.pageInfo.hasNextPage) break;
      after = page.data.institution.wordListEntries.pageInfo.endCursor;
    }
    expect(seen).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
    expect(new Set(statements).size).toBe(1);
    const bad = await api().graphql(wordList, { slug: t.institution.row.slug, after: 'bm90IGEgY3Vyc29y' }, { token: t.admin.token });
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    for (const entryId of ids) await api().graphql(removeEntry, { input: { entryId } }, { token: t.admin.token });
  });

  it(`refuses entries beyond ${maxWordListEntries}`, async () => {
    const db = api().database.db;
    await db
      .insertInto('word_list_entries')
      .values(Array.from({ length: maxWordListEntries }, (_, index) => ({ institution_id: t.otherInstitution.row.id, phrase: `w${index}`, normalized_phrase: `w${index}`, action: 'HOLD' as const })))
      .execute();
    const result = await api().graphql(addEntry, { input: { phrase: 'one more', action: 'HOLD' } }, { token: otherAdmin.token });
    expect(result.data?.addWordListEntry).toEqual({ __typename: 'ConflictError', message: 'The word list already holds 2,000 entries; remove one before adding another.' });
  });

  it('answers node(id:) with the entry for its managers', async () => {
    const entry = await api().graphql(addEntry, { input: { phrase: 'node check', action: 'HOLD' } }, { token: t.admin.token });
    const read = await api().graphql(`query($id: ID!) { node(id: $id) { ... on WordListEntry { phrase action } } }`, { id: entry.data!.addWordListEntry.id }, { token: t.admin.token });
    expect(read.data?.node).toEqual({ phrase: 'node check', action: 'HOLD' });
    expect(entry.data!.addWordListEntry.id).toBe(globalId('WordListEntry', (await api().database.db.selectFrom('word_list_entries').select('id').where('phrase', '=', 'node check').executeTakeFirstOrThrow()).id));
  });
});
