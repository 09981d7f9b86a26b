import { expect, it } from 'vitest';
import { addTestMembership, type TestMember } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';

const createGroup = /* GraphQL */ `
  mutation CreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      __typename
      ... on Group { id slug name joinPolicy entryQuestions memberCount acceptingMembers facilitators { name } }
      ... on ValidationError { message fields { path message } }
      ... on ForbiddenError { message }
      ... on ConflictError { message }
    }
  }
`;

const validInput = {
  slug: 'diabetes-circle',
  name: 'Diabetes circle',
  description: 'Living with type 1 and type 2 diabetes.',
  topics: ['diabetes'],
  languages: ['en'],
  facilitation: 'PEER_LED',
  visibility: 'PUBLIC',
  joinPolicy: 'APPROVAL',
  entryQuestions: ['What brings you here?'],
};

describeEachDatabase('groups', (api) => {
  const t = withTestInstitution(api);

  it('lets an institution admin create a group and reads it back through node(id)', async () => {
    const created = await api().graphql(createGroup, { input: validInput }, { token: t.admin.token });
    expect(created.data?.createGroup).toMatchObject({ __typename: 'Group', slug: 'diabetes-circle', memberCount: 0, acceptingMembers: true, facilitators: [] });
    const read = await api().graphql(`query($id: ID!) { node(id: $id) { ... on Group { name } } }`, { id: created.data!.createGroup.id }, { institution: t.institution.row.slug });
    expect(read.data?.node).toEqual({ name: 'Diabetes circle' });
  });

  it('refuses a plain member with a typed ForbiddenError and writes nothing', async () => {
    const result = await api().graphql(createGroup, { input: { ...validInput, slug: 'by-member' } }, { token: t.viewer.token });
    expect(result.data?.createGroup.__typename).toBe('ForbiddenError');
    const rows = await api().database.db.selectFrom('groups').select('id').where('slug', '=', 'by-member').execute();
    expect(rows).toHaveLength(0);
  });

  it('returns every invalid field at once as a ValidationError', async () => {
    const result = await api().graphql(
      createGroup,
      { input: { ...validInput, slug: 'Bad Slug', name: '', entryQuestions: [], timeZone: 'Mars/Olympus' } },
      { token: t.admin.token },
    );
    expect(result.data?.createGroup.__typename).toBe('ValidationError');
    const paths = result.data!.createGroup.fields.map((field: { path: string[] }) => field.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['input.slug', 'input.name', 'input.timeZone']));
  });

  it('explains the join-policy rules across fields', async () => {
    const result = await api().graphql(createGroup, { input: { ...validInput, slug: 'no-questions', entryQuestions: [] } }, { token: t.admin.token });
    expect(result.data?.createGroup).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'entryQuestions'] }] });
  });

  it('reports a taken slug as a ConflictError', async () => {
    await api().graphql(createGroup, { input: { ...validInput, slug: 'taken' } }, { token: t.admin.token });
    const again = await api().graphql(createGroup, { input: { ...validInput, slug: 'taken' } }, { token: t.admin.token });
    expect(again.data?.createGroup.__typename).toBe('ConflictError');
  });

  it('lets facilitators edit only what their role allows', async () => {
    const db = api().database.db;
    const group = await t.group();
    const peer = await t.join(group, 'PEER_FACILITATOR');
    const groupId = Buffer.from(`Group:${group.id}`).toString('base64');
    const update = `mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { __typename ... on Group { description visibility } ... on ForbiddenError { message } } }`;
    const allowed = await api().graphql(update, { input: { groupId, description: 'Updated by a peer.' } }, { token: peer.token });
    expect(allowed.data?.updateGroup).toMatchObject({ __typename: 'Group', description: 'Updated by a peer.' });
    const refused = await api().graphql(update, { input: { groupId, visibility: 'PRIVATE' } }, { token: peer.token });
    expect(refused.data?.updateGroup).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('visibility') });
  });

  it('promotes the waitlist in order when an admin raises the capacity', async () => {
    const db = api().database.db;
    const group = await t.group({ capacity: 2 });
    for (let seat = 0; seat < 2; seat += 1) await t.join(group);
    const first = await t.member();
    const second = await t.member();
    const third = await t.member();
    // Waiting since one, two and three minutes ago: the order seats must go in.
    for (const [minutesAgo, person] of [[3, first], [2, second], [1, third]] as const) {
      const row = await addTestMembership(db, group, person.row, { status: 'WAITLISTED' });
      await db.updateTable('memberships').set({ waitlisted_at: new Date(Date.now() - minutesAgo * 60_000) }).where('id', '=', row.id).execute();
    }
    const groupId = Buffer.from(`Group:${group.id}`).toString('base64');
    const update = `mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { __typename ... on Group { capacity memberCount } } }`;
    const result = await api().graphql(update, { input: { groupId, capacity: 4 } }, { token: t.admin.token });
    expect(result.data?.updateGroup).toMatchObject({ __typename: 'Group', capacity: 4, memberCount: 4 });
    const statuses = await db.selectFrom('memberships').select(['member_id', 'status']).where('group_id', '=', group.id).execute();
    const statusOf = (member: TestMember) => statuses.find((row) => row.member_id === member.row.id)?.status;
    expect([statusOf(first), statusOf(second), statusOf(third)]).toEqual(['ACTIVE', 'ACTIVE', 'WAITLISTED']);
  });
});

