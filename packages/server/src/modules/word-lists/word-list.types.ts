import { z } from 'zod';
import type { WordListEntryRow } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.js';
import { globalIdOf } from '../../schema/global-ids.js';
import { cursorPart, readPage, toConnection } from '../../schema/keyset-pagination.js';
import { plainText } from '../../schema/text-input.js';
import { InstitutionNode } from '../institutions/institution.types.js';
import { findWordListEntriesByIds, listWordListEntries } from './word-list.queries.js';
import { addWordListEntry, maxPhraseWords, normalizePhrase, removeWordListEntry } from './word-lists.js';

const WordListActionEnum = builder.enumType('WordListAction', {
  description: 'What happens to a post or reply containing the phrase.',
  values: {
    BLOCK: { description: 'It is refused with a ValidationError asking the author to rephrase (the phrase is not repeated back).' },
    HOLD: { description: 'It is kept for a facilitator to review before anyone else sees it (PENDING_REVIEW, reason WORD_LIST).' },
  } as const,
});

/** One phrase of an institution's word list. Only the institution's managers can load one (null to anyone else). */
export const WordListEntryNode = builder.loadableNodeRef<WordListEntryRow>('WordListEntry', {
  id: { resolve: (entry) => entry.id },
  load: async (ids: string[], context) => {
    const rows = await findWordListEntriesByIds(context.db, ids);
    return rows.filter((row) => context.access.managesInstitution(row.institution_id));
  },
  sort: (entry) => entry.id,
});

WordListEntryNode.implement({
  fields: (t) => ({
    phrase: t.exposeString('phrase', { description: 'As the admin wrote it.' }),
    normalizedPhrase: t.exposeString('normalized_phrase', {
      description: 'The words it matches: lower case, Arabic diacritics, tatweel and letter variants folded, one space between words.',
    }),
    action: t.field({ type: WordListActionEnum, resolve: (entry) => entry.action }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
  }),
});

const WordListEntryConnection = builder.connectionObject({ type: WordListEntryNode, name: 'WordListEntryConnection' }, { name: 'WordListEntryEdge' });

/** [normalized phrase, id] of the last entry seen. */
const cursorShape = z.tuple([cursorPart.text(400), cursorPart.id]);

builder.objectField(InstitutionNode, 'wordListEntries', (t) =>
  t.connection(
    {
      type: WordListEntryNode,
      nullable: true,
      description: "The institution's word list in phrase order. Visible to its managers only (null for others).",
      authScopes: (institution) => ({ manages: institution.id }),
      unauthorizedResolver: () => null,
      resolve: async (institution, args, context) => {
        const { page, after: cursor } = readPage(args, cursorShape);
        const after = cursor === null ? null : { phrase: cursor[0], id: cursor[1] };
        const rows = await listWordListEntries(context.db, institution.id, { size: page.size, after });
        return toConnection(rows, page, (row) => [row.normalized_phrase, row.id]);
      },
    },
    WordListEntryConnection,
  ),
);

const AddWordListEntryInput = builder.inputType('AddWordListEntryInput', {
  fields: (t) => ({
    phrase: t.string({ required: true, description: `A word or phrase of up to ${maxPhraseWords} words, in any language.` }),
    action: t.field({ type: WordListActionEnum, required: true }),
  }),
});

/** One schema over the whole input, so every mistake comes back at once. */
const addWordListEntrySchema = z.looseObject({
  phrase: plainText({ min: 1, max: 100 }).superRefine((phrase, context) => {
    const words = normalizePhrase(phrase).split(' ').filter(Boolean);
    if (words.length === 0) context.addIssue({ code: 'custom', message: 'Must contain a letter or digit: only words are matched.' });
    else if (words.length > maxPhraseWords) context.addIssue({ code: 'custom', message: `Must be at most ${maxPhraseWords} words.` });
  }),
  action: z.enum(['BLOCK', 'HOLD']),
});

builder.mutationField('addWordListEntry', (t) =>
  t.field({
    type: WordListEntryNode,
    description:
      "Adds a phrase to the viewer's institution's word list. A phrase that normalizes to one already listed is a " +
      'ConflictError (remove the old entry to change its action). Institution managers only.',
    errors: { types: [ValidationError, ForbiddenError, ConflictError] },
    authScopes: { institutionManager: true },
    args: { input: t.arg({ type: AddWordListEntryInput, required: true, validate: addWordListEntrySchema }) },
    resolve: async (_root, { input }, context) => {
      const institutionId = context.viewer.institutionId;
      if (!institutionId) throw new ForbiddenError();
      return addWordListEntry(context.db, institutionId, input.phrase, input.action);
    },
  }),
);

const RemoveWordListEntryInput = builder.inputType('RemoveWordListEntryInput', {
  fields: (t) => ({ entryId: t.id({ required: true }) }),
});
const removeWordListEntrySchema = z.looseObject({ entryId: globalIdOf('WordListEntry') });

builder.mutationField('removeWordListEntry', (t) =>
  t.field({
    type: WordListEntryNode,
    description: "Removes a phrase from the viewer's institution's word list and returns it as it was. Institution managers only.",
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    authScopes: { institutionManager: true },
    args: { input: t.arg({ type: RemoveWordListEntryInput, required: true, validate: removeWordListEntrySchema }) },
    resolve: async (_root, { input }, context) => {
      const institutionId = context.viewer.institutionId;
      if (!institutionId) throw new ForbiddenError();
      return removeWordListEntry(context.db, institutionId, String(input.entryId));
    },
  }),
);
