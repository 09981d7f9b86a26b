import { describe, expect, it } from 'vitest';
import { createTestGroup, createTestInstitution, createTestMember } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';
import words from './pseudonym-words.json' with { type: 'json' };
import { pseudonymKey, reservedPseudonymProblem, suggestPseudonym } from './pseudonym-names.js';

/**
 * Alias impersonation (issue 8's audit): a pseudonym must not pass for an anonymous author's alias, a tombstone, a
 * role or a name Hearth itself uses, whatever its case, spacing, punctuation or digits, in either language.
 */

const imitations: Record<string, string[]> = {
  alias: ['Anonymous 1', 'Anonymous', 'anonymous', 'ANONYMOUS 12', 'Anon', 'A n o n y m o u s', 'Anonymous-7', 'Anonymous١', 'Anonymous #3',
    'مجهول ٣', 'مجهول', 'المجهول', 'مجهول 3', 'مَجْهُول ٧', 'مجـــهول', 'م ج ه و ل'],
  tombstone: ['[deleted]', 'Deleted', '[removed]', '(Deleted)', 'DELETED USER', '[محذوف]', 'محذوف', 'المحذوف ١'],
  role: ['Facilitator', 'Admin', 'Moderator', 'admin sara', 'The Facilitator', 'F.a.c.i.l.i.t.a.t.o.r', 'Adm1n', 'Аdmin' /* Cyrillic А */,
    'Administrator 2', 'مشرف', 'المشرف', 'ميسّر', 'الميسرة', 'مشرفة ٢', 'مدير', 'والمشرف'],
  system: ['Hearth', 'System', 'HEARTH', 'H3arth', 'System 0', 'النظام', 'نظام'],
};

const acceptable = ['Quiet Harbor 12', 'Fern', 'Sunflower', 'Lighthouse', 'Harbour', 'فجر', 'مسافر', 'نسمة هادئة ١٢', 'Sara', 'Admiral Fern', 'Hearthstone', 'Systematic Owl', 'Anonymously Brave'];

describe('reservedPseudonymProblem', () => {
  for (const [category, names] of Object.entries(imitations)) {
    it(`refuses names that imitate a ${category}`, () => {
      const accepted = names.filter((name) => reservedPseudonymProblem(name) === null);
      expect(accepted).toEqual([]);
    });
  }

  it('says what the name imitates, clearly', () => {
    expect(reservedPseudonymProblem('Anonymous 1')).toMatch(/alias of an anonymous author/);
    expect(reservedPseudonymProblem('مجهول ٣')).toMatch(/alias of an anonymous author/);
    expect(reservedPseudonymProblem('[محذوف]')).toMatch(/deleted or removed/);
    expect(reservedPseudonymProblem('ميسّر')).toMatch(/role in the group/);
    expect(reservedPseudonymProblem('System')).toMatch(/Hearth itself uses/);
  });

  it('accepts ordinary names, the demo pseudonyms among them', () => {
    expect(acceptable.filter((name) => reservedPseudonymProblem(name) !== null)).toEqual([]);
  });

  it('never refuses a name it suggests itself (every word pair, both languages)', () => {
    const refused: string[] = [];
    for (let adjective = 0; adjective < words.en.adjectives.length; adjective += 1) {
      for (let noun = 0; noun < words.en.nouns.length; noun += 1) {
        const picks = [99 - 1, adjective, noun];
        const name = suggestPseudonym('en', new Set(), () => picks.shift()!);
        if (reservedPseudonymProblem(name)) refused.push(name);
      }
    }
    for (let noun = 0; noun < words.ar.nouns.length; noun += 1) {
      for (let adjective = 0; adjective < words.ar.adjectives.length; adjective += 1) {
        const picks = [41, noun, adjective];
        const name = suggestPseudonym('ar', new Set(), () => picks.shift()!);
        if (reservedPseudonymProblem(name)) refused.push(name);
      }
    }
    expect(refused).toEqual([]);
  });

  it('pseudonymKey folds what a reader would not tell apart', () => {
    expect(new Set(['Quiet Harbor 12', 'quiet-harbor ١٢', 'QUIET  HARBOR 12!', 'Quiet Harbor ۱۲'].map(pseudonymKey))).toEqual(new Set(['quietharbor12']));
    expect(pseudonymKey('نَسمة هادئة')).toBe(pseudonymKey('نسمه هادئه'));
    expect(pseudonymKey('Quiet Harbor 12')).not.toBe(pseudonymKey('Quiet Harbor 13'));
  });
});

describeEachDatabase('pseudonyms that imitate', (api) => {
  const result = `__typename ... on Membership { pseudonym } ... on ValidationError { fields { path message } }`;
  const mutations = {
    setPseudonym: (groupId: string, pseudonym: string) => ({
      query: `mutation($input: SetPseudonymInput!) { setPseudonym(input: $input) { ${result} } }`,
      input: { groupId, pseudonym },
      path: ['input', 'pseudonym'],
    }),
    setGroupAppearance: (groupId: string, pseudonym: string) => ({
      query: `mutation($input: SetGroupAppearanceInput!) { setGroupAppearance(input: $input) { ${result} } }`,
      input: { groupId, appearance: { kind: 'PSEUDONYM', pseudonym } },
      path: ['input', 'appearance', 'pseudonym'],
    }),
    joinGroup: (groupId: string, pseudonym: string) => ({
      query: `mutation($input: JoinGroupInput!) { joinGroup(input: $input) { ${result} } }`,
      input: { groupId, appearance: { kind: 'PSEUDONYM', pseudonym } },
      path: ['input', 'appearance', 'pseudonym'],
    }),
  };

  it('every way to set a pseudonym refuses an imitation with a ValidationError, in English and Arabic, and keeps the old one', async () => {
    const db = api().database.db;
    const institution = await createTestInstitution(db);
    const group = await createTestGroup(db, institution);
    const groupId = globalId('Group', group.id);
    const member = await createTestMember(db, institution);
    const joined = await api().graphql(mutations.joinGroup(groupId, 'Fern').query, { input: mutations.joinGroup(groupId, 'Fern').input }, { token: member.token });
    expect((joined.data as any).joinGroup.pseudonym).toBe('Fern');
    const newcomer = await createTestMember(db, institution);
    for (const name of ['Anonymous 1', '[deleted]', 'Moderator', 'مجهول ٣', '[محذوف]', 'مشرف']) {
      for (const [mutationName, make] of Object.entries(mutations)) {
        const { query, input, path } = make(groupId, name);
        const response = await api().graphql(query, { input }, { token: mutationName === 'joinGroup' ? newcomer.token : member.token });
        const answer = (response.data as any)[mutationName];
        expect({ name, mutationName, typename: answer.__typename }).toEqual({ name, mutationName, typename: 'ValidationError' });
        expect(answer.fields).toEqual([{ path, message: expect.stringMatching(/^A pseudonym can't look like/) }]);
      }
    }
    const still = await api().graphql(`query($id: ID!) { node(id: $id) { ... on Group { viewerMembership { pseudonym } } } }`, { id: groupId }, { token: member.token });
    expect((still.data as any).node.viewerMembership.pseudonym).toBe('Fern');
  });
});
