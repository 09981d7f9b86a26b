import { expect, it } from 'vitest';
import type { AnonymityPolicy, Facilitation, GroupRole } from '../../db/tables.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { anonymousAuthorsRevealableBy, mayRevealAuthors, type AnonymityRevealers } from './anonymity-policy.js';
import { globalId, reportMutation, revealMutation } from './moderation-test-fixtures.js';

type Who = 'guest' | 'member' | 'peerFacilitator' | 'professionalFacilitator' | 'admin' | 'serviceToken';
const everyone: Who[] = ['guest', 'member', 'peerFacilitator', 'professionalFacilitator', 'admin', 'serviceToken'];

/**
 * The table the anonymity rule must give, written out cell by cell (not derived from the rule): who may reveal
 * an anonymous author, per anonymity policy and facilitation.
 */
const expected: { policy: AnonymityPolicy; facilitation: Facilitation; revealers: AnonymityRevealers; allowed: Who[] }[] = [
  { policy: 'DISABLED', facilitation: 'PROFESSIONAL', revealers: 'NOBODY', allowed: [] },
  { policy: 'DISABLED', facilitation: 'PEER_LED', revealers: 'NOBODY', allowed: [] },
  { policy: 'ANONYMOUS', facilitation: 'PROFESSIONAL', revealers: 'NOBODY', allowed: [] },
  { policy: 'ANONYMOUS', facilitation: 'PEER_LED', revealers: 'NOBODY', allowed: [] },
  { policy: 'ANONYMOUS_REVEALABLE_IN_CRISIS', facilitation: 'PROFESSIONAL', revealers: 'FACILITATORS_AND_ADMINS', allowed: ['professionalFacilitator', 'admin'] },
  { policy: 'ANONYMOUS_REVEALABLE_IN_CRISIS', facilitation: 'PEER_LED', revealers: 'ADMINS', allowed: ['admin'] },
];

it('gives each policy × facilitation × standing the cell of the table (the rule alone)', () => {
  const standing: Record<Exclude<Who, 'guest'>, { isService: boolean; managesInstitution: boolean; role: GroupRole | null }> = {
    member: { isService: false, managesInstitution: false, role: 'MEMBER' },
    peerFacilitator: { isService: false, managesInstitution: false, role: 'PEER_FACILITATOR' },
    professionalFacilitator: { isService: false, managesInstitution: false, role: 'PROFESSIONAL_FACILITATOR' },
    admin: { isService: false, managesInstitution: true, role: null },
    serviceToken: { isService: true, managesInstitution: true, role: null },
  };
  for (const row of expected) {
    const group = { anonymity_policy: row.policy, facilitation: row.facilitation };
    expect([row.policy, row.facilitation, anonymousAuthorsRevealableBy(group)]).toEqual([row.policy, row.facilitation, row.revealers]);
    for (const [who, actor] of Object.entries(standing)) {
      expect([row.policy, row.facilitation, who, mayRevealAuthors(group, actor)]).toEqual([row.policy, row.facilitation, who, row.allowed.includes(who as Who)]);
    }
  }
});

/** The same table through the API: the Group fields the texts are generated from, and the reveal itself, agree. */
describeEachDatabase('anonymity rule through the API', (api) => {
  const t = withTestInstitution(api);

  for (const row of expected) {
    it(`${row.policy} in a ${row.facilitation} group: ${row.revealers}, revealed by ${row.allowed.join(', ') || 'nobody'}`, async () => {
      // Created revealable so the anonymous post can exist, then set to the policy under test (DISABLED included:
      // a group that turned anonymity off keeps its anonymous posts, and nobody reveals them).
      const { group, groupId, author, ...people } = await t.groupWith(
        { member: 'MEMBER', peerFacilitator: 'PEER_FACILITATOR', professionalFacilitator: 'PROFESSIONAL_FACILITATOR', author: 'MEMBER' },
        { anonymity_policy: 'ANONYMOUS_REVEALABLE_IN_CRISIS', facilitation: row.facilitation, public_reading: true },
      );
      const tokenOf = (who: Who): { token?: string; institution?: string } =>
        who === 'guest' ? { institution: t.institution.row.slug } : who === 'admin' ? { token: t.admin.token } : who === 'serviceToken' ? { token: t.institution.serviceToken } : { token: people[who].token };

      const observed: Record<string, unknown> = {};
      for (const who of everyone) {
        // A fresh anonymous post with an open crisis case for each reveal, so each one can succeed on its own.
        const post = await t.post(group, author, { anonymous: true, aliasNumber: 1 });
        await t.db.updateTable('groups').set({ anonymity_policy: 'ANONYMOUS_REVEALABLE_IN_CRISIS' }).where('id', '=', group.id).execute();
        const filed = await api().graphql(reportMutation, { input: { subjectId: globalId('Post', post.id), reason: 'CRISIS' } }, { token: people.member.token });
        expect(filed.data?.report.__typename).toBe('Report');
        await t.db.updateTable('groups').set({ anonymity_policy: row.policy }).where('id', '=', group.id).execute();
        const moderationCase = await t.db.selectFrom('moderation_cases').select('id').where('subject_id', '=', post.id).executeTakeFirstOrThrow();

        const fields = await api().graphql(`query($id: ID!) { node(id: $id) { ... on Group { anonymousAuthorsRevealableBy viewerCanReveal } } }`, { id: groupId }, tokenOf(who));
        expect(fields.errors).toBeUndefined();
        const revealed = await api().graphql(
          revealMutation,
          { input: { subjectId: globalId('Post', post.id), caseId: globalId('ModerationItem', moderationCase.id), reason: 'Crisis: reaching them.' } },
          tokenOf(who),
        );
        const outcome = revealed.data?.revealAnonymousAuthor?.__typename ?? revealed.errors?.[0]?.extensions?.code;
        const logged = await t.db.selectFrom('moderation_actions').select('actor_member_id').where('subject_id', '=', post.id).where('action', '=', 'REVEAL_AUTHOR').execute();
        observed[who] = { ...fields.data?.node, outcome, logged: logged.length };
        if (outcome === 'RevealedAuthor') expect(revealed.data?.revealAnonymousAuthor).toMatchObject({ externalId: author.row.external_id, displayName: author.row.display_name });
      }
      expect(observed).toEqual(
        Object.fromEntries(
          everyone.map((who) => {
            const allowed = row.allowed.includes(who);
            return [who, { anonymousAuthorsRevealableBy: row.revealers, viewerCanReveal: allowed, outcome: allowed ? 'RevealedAuthor' : 'ForbiddenError', logged: allowed ? 1 : 0 }];
          }),
        ),
      );
    });
  }
});
