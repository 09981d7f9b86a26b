import { z } from 'zod';
import { distinctList, languageTag, plainText, slugText } from '../../schema/text-input.js';

/** Longest search text accepted: a sentence, not a document. */
export const maxSearchTextLength = 200;
/** Most items in one filter list: enough for any real form, too few to make a query expensive. */
export const maxFilterItems = 20;

/**
 * GroupFilter, validated as one object so that every mistake comes back at once. Enum lists are already
 * restricted by GraphQL; here they are only bounded.
 */
export const groupFilterSchema = z
  .looseObject({
    text: plainText({ min: 0, max: maxSearchTextLength }).nullish(),
    topics: distinctList(plainText({ max: 40 }), { max: maxFilterItems }).nullish(),
    languages: distinctList(languageTag, { max: maxFilterItems }).nullish(),
    formats: z.array(z.string()).max(maxFilterItems, `Give at most ${maxFilterItems} items.`).nullish(),
    joinPolicies: z.array(z.string()).max(maxFilterItems, `Give at most ${maxFilterItems} items.`).nullish(),
    institution: slugText.nullish(),
  })
  .nullish();
