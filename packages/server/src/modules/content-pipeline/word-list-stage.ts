import { ValidationError } from '../../schema/errors.js';
import { withReason, type ContentDraft, type ContentStage } from './content-pipeline.js';
import { draftInCrisis } from './crisis-stage.js';
import { findWordListOfInstitution } from '../word-lists/word-list.queries.js';
import { compileWordList } from '../word-lists/word-lists.js';

/**
 * The third stage: the institution's word list. A BLOCK phrase refuses the draft with a ValidationError on each
 * field that contains one — without repeating the phrase, which would hand it to whoever is probing the list — and
 * a HOLD phrase sends the item to review (PENDING_REVIEW, reason WORD_LIST).
 *
 * One exception, for safety: a draft in crisis is never turned away. When it also contains a blocked phrase
 * (someone in distress may well swear), it is held instead of refused, so the crisis detection that follows can
 * show its author the crisis resources and put it at the top of the facilitators' queue.
 */
const blockedMessage = 'Contains a word or phrase this community does not allow. Please rephrase it.';

export const wordListStage: ContentStage = {
  name: 'word lists',
  async apply(draft, author, outcome, db) {
    const entries = await findWordListOfInstitution(db, author.group.institution_id);
    if (entries.length === 0) return outcome;
    const matcher = compileWordList(entries);
    const fields: Array<[field: keyof ContentDraft & string, text: string | null]> = [
      ['title', draft.title],
      ['body', draft.body],
      ['contentWarning', draft.contentWarning],
    ];
    const matched = fields.map(([field, text]) => ({ field, matches: text ? matcher.matches(text) : [] }));
    const blocked = matched.filter(({ matches }) => matches.some((match) => match.action === 'BLOCK'));
    if (blocked.length > 0 && !draftInCrisis(draft)) {
      throw new ValidationError(blocked.map(({ field }) => ({ path: ['input', field], message: blockedMessage })));
    }
    if (!matched.some(({ matches }) => matches.length > 0)) return outcome;
    return { ...withReason(outcome, 'WORD_LIST'), status: 'PENDING_REVIEW' };
  },
};
