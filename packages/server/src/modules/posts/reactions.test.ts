import { expect, it } from 'vitest';
import { createTestPost } from '../../../test-support/factories.js';
import { contentFingerprint } from '../../../test-support/database-fingerprint.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { createCast, globalId, reactMutation } from './posts-test-fixtures.js';

/** Support reactions: counts per kind, one of each per member, and who reacted, to group members only. */
describeEachDatabase('posts: reactions', (api) => {
  const db = () => api().database.db;

  it('counts reactions per kind, one of each kind per member, and shows who reacted to group members only', async () => {
    const cast = await createCast(api());
    const post = await createTestPost(db(), cast.group, cast.author.row);
    const subjectId = globalId('Post', post.id);
    const react = (token: string | undefined, kind: string, on = true) =>
      api().graphql(reactMutation, { input: { subjectId, kind, on } }, { token, institution: cast.institution.row.slug });
    expect((await react(cast.member.token, 'HUG')).data?.react).toMatchObject({ __typename: 'Post', viewerReactions: ['HUG'] });
    await react(cast.member.token, 'HUG');
    await react(cast.member.token, 'SUPPORT');
    const peer = await react(cast.peer.token, 'HUG');
    expect(peer.data?.react.reactionCounts).toEqual(expect.arrayContaining([{ kind: 'HUG', count: 2 }, { kind: 'SUPPORT', count: 1 }]));
    const off = await react(cast.member.token, 'SUPPORT', false);
    expect(off.data?.react).toMatchObject({ viewerReactions: ['HUG'] });

    const before = await contentFingerprint(db());
    expect((await react(undefined, 'HUG')).data?.react.__typename).toBe('ForbiddenError');
    expect((await react(cast.applicant.token, 'HUG')).data?.react.__typename).toBe('NotFoundError');
    expect((await react(cast.institution.serviceToken, 'HUG')).data?.react.__typename).toBe('ForbiddenError');
    expect((await react(cast.otherTenant.token, 'HUG')).data?.react.__typename).toBe('NotFoundError');
    expect(await contentFingerprint(db())).toEqual(before);

    const whoQuery = `query($id: ID!) { node(id: $id) { ... on Post { reactions(kind: HUG) { kind name } } } }`;
    const who = await api().graphql(whoQuery, { id: subjectId }, { token: cast.author.token });
    // Earliest first; these two reacted within the same second, so either may come first.
    expect(who.data?.node.reactions).toHaveLength(2);
    expect(who.data?.node.reactions).toEqual(expect.arrayContaining([{ kind: 'HUG', name: 'Brian Okafor' }, { kind: 'HUG', name: 'Chen Wei' }]));
    await db().updateTable('groups').set({ public_reading: true }).where('id', '=', cast.group.id).execute();
    const asGuest = await api().graphql(whoQuery, { id: subjectId }, { institution: cast.institution.row.slug });
    expect(asGuest.data?.node).toEqual({ reactions: null });
    expect((await react(undefined, 'HUG')).data?.react.__typename).toBe('ForbiddenError');
    expect((await react(cast.outsider.token, 'HUG')).data?.react.__typename).toBe('ForbiddenError');
  });
});
