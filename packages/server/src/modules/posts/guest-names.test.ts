import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createTestPost, createTestReply } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import type { HearthDb } from '../../db/database.js';
import type { MemberRow } from '../../db/tables.js';
import { insertReaction } from './reaction.queries.js';
import { createCast, globalId } from './posts-test-fixtures.js';

/**
 * Guests never see a member's real name. In a group open to public reading, every path a guest (or a signed-in
 * person outside the group) can take shows pseudonyms, and "Member" (or «عضو») for members who chose to appear
 * under their name; the group's own members still see those names. Each response is searched for every display
 * name in the group, so a path that forgets the rule fails whatever field it leaks through.
 */

/** Every path, in pieces small enough for the query cost limit; `everything` runs them all and merges the answers. */
const paths = [
  /* GraphQL */ `query Feed($groupId: ID!) {
    group: node(id: $groupId) {
      ... on Group { postsReadableBy posts(first: 10) { edges { node { id title authorName author { displayName } reactions { name } } } } }
    }
  }`,
  /* GraphQL */ `query Thread($postId: ID!) {
    thread: node(id: $postId) {
      ... on Post { authorName replies(first: 10) { edges { node { authorName author { displayName } reactions { name } replies(first: 10) { edges { node { authorName } } } } } } }
    }
  }`,
  /* GraphQL */ `query Around($groupId: ID!, $text: String!) {
    around: node(id: $groupId) {
      ... on Group { facilitators { name role } unansweredPosts(first: 10) { edges { node { authorName } } } memberships(first: 10) { edges { node { pseudonym member { displayName } } } } }
    }
    groups(filter: { text: $text }) { edges { node { id facilitators { name } } } }
  }`,
];

async function everythingAs(run: (query: string) => Promise<{ data?: Record<string, any>; errors?: unknown }>) {
  const data: Record<string, any> = {};
  for (const query of paths) {
    const response = await run(query);
    expect(JSON.stringify(response.errors)).toBeUndefined();
    Object.assign(data, response.data);
  }
  return { ...data, group: { ...data.group, ...data.around } } as Record<string, any>;
}

async function appearAs(db: HearthDb, groupId: string, member: MemberRow, pseudonym: string | null) {
  await sql`update memberships set pseudonym = ${pseudonym}, appearance = ${pseudonym ? 'PSEUDONYM' : 'NAME'}
    where group_id = ${groupId} and member_id = ${member.id}`.execute(db);
}

describeEachDatabase('names guests read', (api) => {
  const db = () => api().database.db;

  async function publicScene(language: string) {
    const cast = await createCast(api(), { visibility: 'PUBLIC', public_reading: true, languages: [language], name: 'Open circle' });
    const { group } = cast;
    // The author and the peer facilitator appear under their names; the member and the professional under pseudonyms.
    await appearAs(db(), group.id, cast.member.row, 'Fern');
    await appearAs(db(), group.id, cast.professional.row, 'Cedar');
    const named = await createTestPost(db(), group, cast.author.row, { title: 'Named post' });
    await createTestPost(db(), group, cast.member.row, { title: 'Pseudonymous post' });
    await createTestPost(db(), group, cast.peer.row, { title: 'Facilitator post' });
    const reply = await createTestReply(db(), named, cast.peer.row);
    await createTestReply(db(), named, cast.author.row, { parent: reply });
    await createTestReply(db(), named, cast.professional.row);
    for (const person of [cast.author, cast.member, cast.peer]) {
      await insertReaction(db(), { institutionId: group.institution_id, groupId: group.id, subjectType: 'POST', subjectId: named.id, memberId: person.row.id, kind: 'HUG' });
      await insertReaction(db(), { institutionId: group.institution_id, groupId: group.id, subjectType: 'REPLY', subjectId: reply.id, memberId: person.row.id, kind: 'SUPPORT' });
    }
    const realNames = [cast.author, cast.member, cast.peer, cast.professional, cast.admin, cast.applicant].map((person) => person.row.display_name);
    const variables = { groupId: cast.groupId, postId: globalId('Post', named.id), text: 'Open circle' };
    return { cast, realNames, variables };
  }

  const everyRealName = (response: unknown, realNames: string[]) => realNames.filter((name) => JSON.stringify(response).includes(name));

  it('a guest reading a public group sees no real name on any path: feed, thread, replies, reactions, facilitators, search', async () => {
    const { cast, realNames, variables } = await publicScene('en');
    const guest = await everythingAs((query) => api().graphql(query, variables, { institution: cast.institution.row.slug }));
    expect(everyRealName(guest, realNames)).toEqual([]);
    const group = guest.group;
    expect(group.postsReadableBy).toBe('GUESTS');
    const authorNames = group.posts.edges.map((edge: any) => edge.node.authorName).sort();
    expect(authorNames).toEqual(['Fern', 'Member', 'Member']);
    expect(group.facilitators.map((entry: any) => entry.name).sort()).toEqual(['Cedar', 'Member']);
    expect(guest.groups.edges.length).toBeGreaterThan(0);
    expect(group.memberships).toBeNull();
    // The thread really was read, replies and nested replies included.
    const thread = guest.thread;
    expect(thread.replies.edges.map((edge: any) => edge.node.authorName).sort()).toEqual(['Cedar', 'Member']);
    expect(thread.replies.edges.flatMap((edge: any) => edge.node.replies.edges.map((inner: any) => inner.node.authorName))).toEqual(['Member']);

    // A signed-in member of the institution who is not in the group reads it as a guest does.
    const outsider = await everythingAs((query) => api().graphql(query, variables, { token: cast.outsider.token }));
    expect(everyRealName(outsider, realNames)).toEqual([]);
  });

  it('the group’s members still see the names of those who chose them (the control: the names are there to leak)', async () => {
    const { cast, variables } = await publicScene('en');
    const member = await everythingAs((query) => api().graphql(query, variables, { token: cast.member.token }));
    const names = member.group.posts.edges.map((edge: any) => edge.node.authorName).sort();
    expect(names).toEqual(['Amal Haddad', 'Chen Wei', 'Fern']);
    expect(member.group.facilitators.map((entry: any) => entry.name).sort()).toEqual(['Cedar', 'Chen Wei']);
  });

  it('in an Arabic group a guest reads «عضو» for a member under their name', async () => {
    const { cast, realNames, variables } = await publicScene('ar');
    const guest = await everythingAs((query) => api().graphql(query, variables, { institution: cast.institution.row.slug }));
    expect(everyRealName(guest, realNames)).toEqual([]);
    expect(guest.group.posts.edges.map((edge: any) => edge.node.authorName).sort()).toEqual(['Fern', 'عضو', 'عضو']);
    const arabicReader = await cast.t.member({ locale: 'ar' });
    const signedIn = await everythingAs((query) => api().graphql(query, variables, { token: arabicReader.token }));
    expect(signedIn.group.facilitators.map((entry: any) => entry.name).sort()).toEqual(['Cedar', 'عضو']);
  });

  it('postsReadableBy says MEMBERS where guests cannot read', async () => {
    const cast = await createCast(api(), { visibility: 'PUBLIC', public_reading: false });
    const response = await api().graphql(`query($id: ID!) { node(id: $id) { ... on Group { postsReadableBy } } }`, { id: cast.groupId }, { token: cast.member.token });
    expect((response.data as any).node.postsReadableBy).toBe('MEMBERS');
  });
});
