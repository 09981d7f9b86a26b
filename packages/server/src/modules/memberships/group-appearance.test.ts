import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { createTestContext, resultOf } from '../../../test-support/test-context.js';
import type { GroupRow } from '../../db/tables.js';
import { encodeGlobalId as globalId } from '../../schema/global-ids.js';
import { pseudonymsToAvoid } from './group-appearance.js';
import { pseudonymKey, suggestPseudonym } from './pseudonym-names.js';

/** How members appear in a group: a suggested pseudonym by default, their name only when they choose it. */

const membershipResult = /* GraphQL */ `
  __typename
  ... on Membership { id status pseudonym appearance { kind pseudonym } }
  ... on Error { message }
  ... on ValidationError { fields { path message } }
`;
const joinGroup = `mutation($input: JoinGroupInput!) { joinGroup(input: $input) { ${membershipResult} } }`;
const joinWaitlist = `mutation($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { ${membershipResult} } }`;
const setAppearance = `mutation($input: SetGroupAppearanceInput!) { setGroupAppearance(input: $input) { ${membershipResult} } }`;
const suggestion = `query($id: ID!) { node(id: $id) { ... on Group { suggestedPseudonym } } }`;
const membershipsOf = `query($id: ID!) { node(id: $id) { ... on Group { memberships(first: 20) { edges { node { pseudonym appearance { kind pseudonym } member { displayName } } } } } } }`;

const englishSuggestion = /^[A-Z][a-z]+ [A-Z][a-z]+ \d{1,4}$/;
const arabicSuggestion = /^[\u0621-\u064A]+ [\u0621-\u064A]+ [\u0660-\u0669]{1,4}$/u;

describeEachDatabase('group appearance', (api) => {
  const db = () => api().database.db;
  const gid = (group: GroupRow) => globalId('Group', group.id);
  const run = async (query: string, variables: Record<string, unknown>, token?: string) => resultOf(await api().graphql(query, variables, { token }));

  /** An institution of the test's own, and a group in it. */
  async function place() {
    const t = await createTestContext(api());
    return { t, group: await t.group() };
  }

  it('a new member appears under a suggested pseudonym, in their language, not under the name from sign-in', async () => {
    const { t, group } = await place();
    const english = await t.member({ name: 'Amal Haddad' });
    const joined = await run(joinGroup, { input: { groupId: gid(group) } }, english.token);
    expect(joined.__typename).toBe('Membership');
    expect(joined.appearance.kind).toBe('PSEUDONYM');
    expect(joined.appearance.pseudonym).toMatch(englishSuggestion);
    expect(joined.pseudonym).toBe(joined.appearance.pseudonym);

    const arabic = await t.member({ name: 'فاطمة الزهراني', locale: 'ar-SA' });
    const joinedInArabic = await run(joinGroup, { input: { groupId: gid(group) } }, arabic.token);
    expect(joinedInArabic.appearance.pseudonym).toMatch(arabicSuggestion);
  });

  it('joins under the name when the member chooses it, or under the pseudonym they give (old and new fields)', async () => {
    const { t, group } = await place();
    const named = await run(joinGroup, { input: { groupId: gid(group), appearance: { kind: 'NAME' } } }, (await t.member()).token);
    expect(named.appearance).toEqual({ kind: 'NAME', pseudonym: null });
    const chosen = await run(joinGroup, { input: { groupId: gid(group), appearance: { kind: 'PSEUDONYM', pseudonym: 'Fern' } } }, (await t.member()).token);
    expect(chosen.appearance).toEqual({ kind: 'PSEUDONYM', pseudonym: 'Fern' });
    const old = await run(joinGroup, { input: { groupId: gid(group), pseudonym: 'Wren' } }, (await t.member()).token);
    expect(old.appearance).toEqual({ kind: 'PSEUDONYM', pseudonym: 'Wren' });
    const contradictory = await run(joinGroup, { input: { groupId: gid(group), pseudonym: 'Moss', appearance: { kind: 'NAME' } } }, (await t.member()).token);
    expect(contradictory.__typename).toBe('ValidationError');
    const nameWithPseudonym = await run(joinGroup, { input: { groupId: gid(group), appearance: { kind: 'NAME', pseudonym: 'Moss' } } }, (await t.member()).token);
    expect(nameWithPseudonym).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'appearance', 'pseudonym'] }] });
  });

  it('the waitlist join takes an appearance too', async () => {
    const { t } = await place();
    const full = await t.group({ capacity: 1 });
    await t.join(full);
    const waiting = await run(joinWaitlist, { input: { groupId: gid(full), appearance: { kind: 'PSEUDONYM', pseudonym: 'Patient Owl' } } }, (await t.member()).token);
    expect(waiting).toMatchObject({ status: 'WAITLISTED', appearance: { kind: 'PSEUDONYM', pseudonym: 'Patient Owl' } });
  });

  it('setGroupAppearance switches between name and pseudonym; a pseudonym that reads the same as one taken is a conflict', async () => {
    const { t, group } = await place();
    const first = await t.member();
    const second = await t.member();
    await run(joinGroup, { input: { groupId: gid(group), appearance: { kind: 'PSEUDONYM', pseudonym: 'Quiet Harbor 12' } } }, first.token);
    await run(joinGroup, { input: { groupId: gid(group) } }, second.token);
    for (const lookalike of ['quiet harbor 12', 'Quiet-Harbor ١٢', 'QUIET  HARBOR 12', 'Quiet Harbor 12.']) {
      const taken = await run(setAppearance, { input: { groupId: gid(group), appearance: { kind: 'PSEUDONYM', pseudonym: lookalike } } }, second.token);
      expect({ lookalike, result: taken.__typename }).toEqual({ lookalike, result: 'ConflictError' });
    }
    const named = await run(setAppearance, { input: { groupId: gid(group), appearance: { kind: 'NAME' } } }, first.token);
    expect(named.appearance).toEqual({ kind: 'NAME', pseudonym: null });
    // Freed by the switch to NAME, the name is anyone's.
    const taken = await run(setAppearance, { input: { groupId: gid(group), appearance: { kind: 'PSEUDONYM', pseudonym: 'Quiet Harbor 12' } } }, second.token);
    expect(taken.appearance).toEqual({ kind: 'PSEUDONYM', pseudonym: 'Quiet Harbor 12' });
    // Back to a pseudonym without naming one: a fresh suggestion.
    const back = await run(setAppearance, { input: { groupId: gid(group), appearance: { kind: 'PSEUDONYM' } } }, first.token);
    expect(back.appearance.pseudonym).toMatch(englishSuggestion);
    // The same pseudonym in another group is the member's own choice, and allowed.
    const elsewhere = await t.group();
    const again = await run(joinGroup, { input: { groupId: gid(elsewhere), appearance: { kind: 'PSEUDONYM', pseudonym: 'Quiet Harbor 12' } } }, second.token);
    expect(again.appearance.pseudonym).toBe('Quiet Harbor 12');

    const outsider = await run(setAppearance, { input: { groupId: gid(group), appearance: { kind: 'NAME' } } }, (await t.member()).token);
    expect(outsider.__typename).toBe('NotFoundError');
    const guest = await api().graphql(setAppearance, { input: { groupId: gid(group), appearance: { kind: 'NAME' } } });
    expect((guest.data as any).setGroupAppearance.__typename).toBe('ForbiddenError');
  });

  it('appearance is seen by the member and the facilitators', async () => {
    const { t, group } = await place();
    const facilitator = await t.join(group, 'PEER_FACILITATOR');
    const member = await t.member({ name: 'Rana Haddad' });
    await run(joinGroup, { input: { groupId: gid(group), appearance: { kind: 'PSEUDONYM', pseudonym: 'Fern' } } }, member.token);
    const listed = await run(membershipsOf, { id: gid(group) }, facilitator.token);
    expect(listed.memberships.edges.map((edge: any) => edge.node)).toContainEqual({
      pseudonym: 'Fern',
      appearance: { kind: 'PSEUDONYM', pseudonym: 'Fern' },
      member: { displayName: 'Rana Haddad' },
    });
    const own = await run(`query($id: ID!) { node(id: $id) { ... on Group { viewerMembership { appearance { kind pseudonym } } } } }`, { id: gid(group) }, member.token);
    expect(own.viewerMembership.appearance).toEqual({ kind: 'PSEUDONYM', pseudonym: 'Fern' });
  });

  it('suggestedPseudonym: for a signed-in viewer only, free in the group', async () => {
    const { t, group } = await place();
    const viewer = await t.member();
    const suggested = (await run(suggestion, { id: gid(group) }, viewer.token)).suggestedPseudonym;
    expect(suggested).toMatch(englishSuggestion);
    const arabic = await t.member({ locale: 'ar' });
    expect((await run(suggestion, { id: gid(group) }, arabic.token)).suggestedPseudonym).toMatch(arabicSuggestion);
    const guest = await api().graphql(suggestion, { id: gid(group) }, t.guest);
    expect(guest.data?.node).toEqual({ suggestedPseudonym: null });
    // Taking the suggestion works: it was free.
    const joined = await run(joinGroup, { input: { groupId: gid(group), appearance: { kind: 'PSEUDONYM', pseudonym: suggested } } }, viewer.token);
    expect(joined.appearance.pseudonym).toBe(suggested);
  });

  it('what a suggestion avoids: every pseudonym in the group and the viewer’s own elsewhere, not other people’s elsewhere', async () => {
    const { t, group } = await place();
    const other = await t.group();
    const viewer = await t.member();
    const neighbour = await t.member();
    await run(joinGroup, { input: { groupId: gid(other), appearance: { kind: 'PSEUDONYM', pseudonym: 'My Other Name' } } }, viewer.token);
    await run(joinGroup, { input: { groupId: gid(other), appearance: { kind: 'PSEUDONYM', pseudonym: 'Their Name Elsewhere' } } }, neighbour.token);
    await run(joinGroup, { input: { groupId: gid(group), appearance: { kind: 'PSEUDONYM', pseudonym: 'Taken Here' } } }, neighbour.token);
    const avoid = (await pseudonymsToAvoid(db(), [group.id], viewer.row.id)).get(group.id)!;
    expect([...avoid].sort()).toEqual(['myothername', 'takenhere']);
  });
});

describe('suggestPseudonym', () => {
  it('never returns a name whose key is to be avoided, however the random words fall', () => {
    let calls = 0;
    // Always the same words and number at first, so the avoided name comes up until the picker moves on.
    const pick = (max: number) => (calls++ < 12 ? 0 : (calls * 7) % max);
    const first = suggestPseudonym('en', new Set(), () => 0);
    expect(first).toBe('Quiet Harbor 1');
    const next = suggestPseudonym('en', new Set([pseudonymKey(first)]), pick);
    expect(next).not.toBe(first);
    expect(pseudonymKey(next)).not.toBe(pseudonymKey(first));
    expect(suggestPseudonym('ar', new Set(), () => 0)).toBe('نسمة هادئة ١');
  });
});
