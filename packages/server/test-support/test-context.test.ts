import { expect, it } from 'vitest';
import { encodeGlobalId } from '../src/schema/global-ids.js';
import { describeEachDatabase } from './test-api.js';
import { TestContext, withTestInstitution } from './test-context.js';

/** The test context gives what it says: parties the API recognises, seats as asked, posts as the API shows them. */
describeEachDatabase('test context', (api) => {
  const t = withTestInstitution(api, { otherInstitution: { slug: 'context-elsewhere' }, admin: { name: 'Ada Admin' } });
  const me = '{ me { displayName isInstitutionAdmin institution { slug } } }';

  it('signs in its admin and viewer at its institution, a service token for it, and a guest of it', async () => {
    expect((await t.data(me, {}, t.admin)).me).toEqual({ displayName: 'Ada Admin', isInstitutionAdmin: true, institution: { slug: t.institution.row.slug } });
    expect((await t.data(me, {}, t.viewer)).me).toMatchObject({ isInstitutionAdmin: false, institution: { slug: t.institution.row.slug } });
    const credentials = `query($slug: String!) { institution(slug: $slug) { ssoKeys { kid } } }`;
    expect((await t.data(credentials, { slug: t.institution.row.slug }, t.institution.serviceToken)).institution.ssoKeys).toEqual([{ kid: 'k1' }]);
    expect((await t.data(me, {}, t.guest)).me).toBeNull();
    expect(t.otherInstitution.row.slug).toBe('context-elsewhere');
    expect((await t.data(me, {}, await t.member({}, t.otherInstitution))).me.institution).toEqual({ slug: 'context-elsewhere' });
  });

  it('seats each named member in a new group, in the role and status asked', async () => {
    const { group, groupId, peer, applicant, join } = await t.groupWith({ peer: 'PEER_FACILITATOR', applicant: { status: 'PENDING', name: 'Pat Pending' } });
    const late = await join({ role: 'PROFESSIONAL_FACILITATOR' });
    expect(groupId).toBe(encodeGlobalId('Group', group.id));
    const rows = await t.db.selectFrom('memberships').select(['member_id', 'role', 'status']).where('group_id', '=', group.id).execute();
    expect(Object.fromEntries(rows.map((row) => [row.member_id, [row.role, row.status]]))).toEqual({
      [peer.row.id]: ['PEER_FACILITATOR', 'ACTIVE'],
      [applicant.row.id]: ['MEMBER', 'PENDING'],
      [late.row.id]: ['PROFESSIONAL_FACILITATOR', 'ACTIVE'],
    });
    expect(applicant.row.display_name).toBe('Pat Pending');
  });

  it('stores posts and replies as the API shows them, an anonymous author under the alias asked for', async () => {
    const { group, author, reader } = await t.groupWith({ author: 'MEMBER', reader: 'MEMBER' });
    const post = await t.post(group, author, { anonymous: true, aliasNumber: 3, title: 'Alone tonight' });
    await t.reply(post, reader, { body: 'I am here.' });
    const read = `query($id: ID!) { node(id: $id) { ... on Post { title authorName replyCount } } }`;
    expect((await t.data(read, { id: encodeGlobalId('Post', post.id) }, reader)).node).toEqual({ title: 'Alone tonight', authorName: 'Anonymous 3', replyCount: 1 });
  });

  it('unwraps a mutation to its result union, and fails a request that fails as a whole', async () => {
    const join = `mutation($input: JoinGroupInput!) { joinGroup(input: $input) { __typename } }`;
    const group = await t.group();
    expect(await t.mutate(join, { groupId: encodeGlobalId('Group', group.id) }, t.viewer)).toEqual({ __typename: 'Membership' });
    await expect(t.mutate(join, { groupId: 42, unknownField: true }, t.viewer)).rejects.toThrow();
  });

  it('refuses to be read before it is set up, and to seat members in a group of an institution it does not know', async () => {
    const early = new TestContext(api);
    expect(() => early.institution).toThrow(/not set up yet/);
    const stranger = await createStrangerGroup();
    await expect(t.join(stranger)).rejects.toThrow(/not of this context's institutions/);
  });

  async function createStrangerGroup() {
    const other = new TestContext(api);
    await other.setUp();
    return other.group();
  }
});
