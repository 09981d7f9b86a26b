import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import type { RequestOptions, TestApi } from '../../../test-support/test-api.js';
import { requestOptionsFor } from '../../../test-support/test-context.js';
import { createCast, globalId, type Cast } from './posts-test-fixtures.js';
import { createPostMutation, createReplyMutation, deletePostMutation, editPostMutation, editReplyMutation, reactMutation } from './posts-test-fixtures.js';

/**
 * The anonymity suite: an anonymous post and an anonymous reply by the same member, and every path that could
 * lead from them to that member, taken by every role. Nothing but the author's own view may name them: not the
 * items, their reactions, the thread, the feeds, the member's profile, error messages, search, cursors or the
 * precision of timestamps.
 */
type Role = 'author' | 'member' | 'peerFacilitator' | 'professionalFacilitator' | 'institutionAdmin' | 'serviceToken' | 'guest' | 'applicant' | 'otherTenantMember';

const roles: Role[] = ['author', 'member', 'peerFacilitator', 'professionalFacilitator', 'institutionAdmin', 'serviceToken', 'guest', 'applicant', 'otherTenantMember'];

const threadQuery = /* GraphQL */ `
  query($id: ID!) {
    node(id: $id) {
      id
      ... on Post {
        title anonymous authorName viewerIsAuthor createdAt editedAt lastActivityAt
        author { id displayName }
        reactions { kind name }
        editHistory { body replacedAt }
        replies {
          edges {
            cursor
            node {
              id authorName anonymous viewerIsAuthor createdAt
              author { id displayName }
              reactions { kind name }
              replies { edges { cursor node { id authorName author { id } reactions { name } } } }
            }
          }
        }
      }
    }
  }
`;

const feedsQuery = /* GraphQL */ `
  query($id: ID!) {
    node(id: $id) {
      ... on Group {
        posts { edges { cursor node { id authorName author { id } } } pageInfo { endCursor } }
        latest: posts(order: LATEST_ACTIVITY) { edges { cursor node { id authorName } } }
        unansweredPosts { edges { cursor node { id authorName author { id } } } }
      }
    }
  }
`;

const profileQuery = /* GraphQL */ `
  query($id: ID!) { node(id: $id) { ... on Member { id posts { edges { cursor node { id } } } } } }
`;

const searchQuery = /* GraphQL */ `
  query($text: String!) { groups(filter: { text: $text }) { edges { node { id name } } } }
`;

const myRepliesQuery = /* GraphQL */ `query { repliesToMyPosts { edges { cursor node { id authorName } } } }`;

interface Scene {
  cast: Cast;
  postId: string;
  replyId: string;
  authorIdentifiers: string[];
}

/** Every string that would identify the author: names, ids (raw and global), the SSO subject. */
function identifiersOf(cast: Cast): string[] {
  return [cast.author.row.display_name, 'Quiet River', cast.author.row.id, globalId('Member', cast.author.row.id), cast.author.row.external_id];
}

function actorOf(cast: Cast, role: Role): RequestOptions {
  if (role === 'serviceToken') return { token: cast.institution.serviceToken };
  if (role === 'guest') return cast.t.guest;
  const people = { author: cast.author, member: cast.member, peerFacilitator: cast.peer, professionalFacilitator: cast.professional, institutionAdmin: cast.admin, applicant: cast.applicant, otherTenantMember: cast.otherTenant };
  return requestOptionsFor(people[role]);
}

/** Every cursor in a response, decoded. */
function cursorsIn(value: unknown, found: unknown[][] = []): unknown[][] {
  if (Array.isArray(value)) value.forEach((item) => cursorsIn(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if ((key === 'cursor' || key === 'endCursor') && typeof inner === 'string') found.push(JSON.parse(Buffer.from(inner, 'base64url').toString('utf8')));
      else cursorsIn(inner, found);
    }
  }
  return found;
}

/** Every date-time string in a response. */
function timesIn(value: unknown): string[] {
  return JSON.stringify(value).match(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g) ?? [];
}

async function buildScene(api: TestApi): Promise<Scene> {
  const db = api.database.db;
  // A PUBLIC group with public reading, so that even guests and other tenants reach everything they could.
  const cast = await createCast(api, { public_reading: true });
  await db.updateTable('memberships').set({ pseudonym: 'Quiet River', appearance: 'PSEUDONYM' }).where('member_id', '=', cast.author.row.id).execute();
  const created = await api.graphql(
    createPostMutation,
    { input: { groupId: cast.groupId, title: 'What I never told anyone', body: 'It still hurts.', anonymous: true } },
    { token: cast.author.token },
  );
  const postId = created.data!.createPost.post.id as string;
  await api.graphql(editPostMutation, { input: { postId, body: 'It still hurts, years later.' } }, { token: cast.author.token });
  const reply = await api.graphql(createReplyMutation, { input: { postId, body: 'Adding one more thing.', anonymous: true } }, { token: cast.author.token });
  const replyId = reply.data!.createReply.reply.id as string;
  await api.graphql(createReplyMutation, { input: { postId, parentReplyId: replyId, body: 'Thank you for sharing.' } }, { token: cast.member.token });
  // The author supports their own anonymous post and reply: never shown as such.
  for (const subjectId of [postId, replyId]) {
    await api.graphql(reactMutation, { input: { subjectId, kind: 'HUG', on: true } }, { token: cast.author.token });
    await api.graphql(reactMutation, { input: { subjectId, kind: 'HUG', on: true } }, { token: cast.member.token });
  }
  // The author also wrote a second anonymous thread nobody answered (for unansweredPosts).
  await api.graphql(createPostMutation, { input: { groupId: cast.groupId, title: 'Still waiting', body: 'Anyone?', anonymous: true } }, { token: cast.author.token });
  return { cast, postId, replyId, authorIdentifiers: identifiersOf(cast) };
}

describeEachDatabase('anonymity', (api) => {
  let scene: Scene;

  beforeAll(async () => {
    scene = await buildScene(api());
  });

  for (const role of roles) {
    describe(`as ${role}`, () => {
      const leaks = (response: unknown) => scene.authorIdentifiers.filter((identifier) => JSON.stringify(response).includes(identifier));
      const ask = (query: string, variables: Record<string, unknown> = {}) => api().graphql(query, variables, actorOf(scene.cast, role));

      it('the post, its replies and their reactions never name the anonymous author', async () => {
        const thread = await ask(threadQuery, { id: scene.postId });
        expect(thread.errors).toBeUndefined();
        const post = thread.data?.node;
        if (role === 'applicant') {
          // Not a member of the group: reads it as the public does (public reading is on).
          expect(post).not.toBeNull();
        }
        if (role === 'author') {
          expect(post).toMatchObject({ authorName: 'Anonymous 1', viewerIsAuthor: true, author: { id: globalId('Member', scene.cast.author.row.id) } });
          return;
        }
        expect(leaks(thread)).toEqual([]);
        expect(post).toMatchObject({ authorName: 'Anonymous 1', viewerIsAuthor: false, author: null });
        const ownReply = post.replies.edges.find((edge: any) => edge.node.id === scene.replyId).node;
        expect(ownReply).toMatchObject({ authorName: 'Anonymous 1', author: null, viewerIsAuthor: false });
        const canSeeReactors = ['member', 'peerFacilitator', 'professionalFacilitator', 'institutionAdmin', 'serviceToken'].includes(role);
        if (canSeeReactors) {
          // The author's own reaction shows under their thread alias; the other member under their name.
          const expected = [
            { kind: 'HUG', name: 'Anonymous 1' },
            { kind: 'HUG', name: 'Brian Okafor' },
          ];
          for (const reactions of [post.reactions, ownReply.reactions]) {
            expect(reactions).toHaveLength(2);
            expect(reactions).toEqual(expect.arrayContaining(expected));
          }
        } else {
          expect(post.reactions).toBeNull();
        }
      });

      it('node(id:) of the reply and the feeds never name the author either', async () => {
        const reply = await ask(`query($id: ID!) { node(id: $id) { ... on Reply { authorName author { id } post { authorName author { id } } } } }`, {
          id: scene.replyId,
        });
        const feeds = await ask(feedsQuery, { id: scene.cast.groupId });
        expect(feeds.errors).toBeUndefined();
        if (role === 'author') {
          expect(reply.data?.node.author).not.toBeNull();
          return;
        }
        expect(leaks(reply)).toEqual([]);
        expect(leaks(feeds)).toEqual([]);
        expect(reply.data?.node).toMatchObject({ authorName: 'Anonymous 1', author: null, post: { authorName: 'Anonymous 1', author: null } });
        const unanswered = feeds.data?.node.unansweredPosts.edges.map((edge: any) => edge.node);
        expect(unanswered).toEqual([expect.objectContaining({ authorName: 'Anonymous 1', author: null })]);
      });

      it("the member's profile lists their posts to themselves only", async () => {
        const profile = await ask(profileQuery, { id: globalId('Member', scene.cast.author.row.id) });
        const me = await ask(`query { me { posts { edges { node { id } } } } }`);
        if (role === 'author') {
          expect(me.data?.me.posts.edges.map((edge: any) => edge.node.id)).toContain(scene.postId);
          return;
        }
        // Facilitators and admins see the member's profile, never their posts; everyone else not even the profile.
        const node = profile.data?.node;
        expect(node === null || node.posts === null).toBe(true);
        expect(JSON.stringify(me.data)).not.toContain(scene.postId);
        const replies = await ask(myRepliesQuery);
        expect(JSON.stringify(replies.data)).not.toContain(scene.postId);
      });

      it('errors say nothing about who wrote it', async () => {
        // The author may edit and delete: their attempts would succeed (and end the scene for the other roles).
        if (role === 'author') return;
        const attempts = [
          await ask(editPostMutation, { input: { postId: scene.postId, body: 'changed' } }),
          await ask(deletePostMutation, { input: { postId: scene.postId } }),
          await ask(editReplyMutation, { input: { replyId: scene.replyId, body: 'changed' } }),
          await ask(reactMutation, { input: { subjectId: scene.postId, kind: 'ME_TOO', on: false } }),
        ];
        for (const attempt of attempts) {
          expect(leaks(attempt)).toEqual([]);
          expect(JSON.stringify(attempt)).not.toMatch(/Anonymous 1|author is|belongs to/i);
        }
        expect(attempts.slice(0, 3).map((attempt) => Object.values(attempt.data ?? {})[0]?.__typename)).toEqual(
          expect.arrayContaining([expect.stringMatching(/ForbiddenError|NotFoundError/)]),
        );
      });

      it('searching for the author finds nothing that leads to the post', async () => {
        for (const text of [scene.cast.author.row.display_name, 'Quiet River']) {
          const search = await ask(searchQuery, { text });
          expect(JSON.stringify(search)).not.toContain(scene.postId);
          expect(JSON.stringify(search)).not.toContain('What I never told anyone');
        }
      });

      it('cursors carry no member id and every timestamp is whole seconds', async () => {
        const responses = [await ask(threadQuery, { id: scene.postId }), await ask(feedsQuery, { id: scene.cast.groupId }), await ask(myRepliesQuery)];
        const cursors = responses.flatMap((response) => cursorsIn(response.data));
        if (role !== 'applicant' && role !== 'guest' && role !== 'otherTenantMember') expect(cursors.length).toBeGreaterThan(0);
        for (const cursor of cursors) {
          expect(cursor.every((part) => part !== scene.cast.author.row.id)).toBe(true);
          const seconds = cursor.filter((part) => typeof part === 'number' && part > 1_000_000_000) as number[];
          expect(seconds.every((value) => Number.isInteger(value))).toBe(true);
        }
        for (const time of responses.flatMap((response) => timesIn(response.data))) expect(time).toMatch(/:\d\d(\.000)?Z$/);
        const stored = await api()
          .database.db.selectFrom('posts')
          .select(['created_at', 'last_activity_at', 'edited_at'])
          .where('group_id', '=', scene.cast.group.id)
          .execute();
        for (const row of stored) {
          for (const time of [row.created_at, row.last_activity_at, row.edited_at]) if (time) expect(time.getMilliseconds()).toBe(0);
        }
      });
    });
  }

  describe('the writer in their own anonymous thread', () => {
    const unansweredIds = async (cast: Cast, token: string) => {
      const feeds = await api().graphql(feedsQuery, { id: cast.groupId }, { token });
      expect(feeds.errors).toBeUndefined();
      return feeds.data!.node.unansweredPosts.edges.map((edge: any) => edge.node.id as string);
    };
    const post = async (cast: Cast, token: string, anonymous: boolean, title: string) => {
      const created = await api().graphql(createPostMutation, { input: { groupId: cast.groupId, title, body: 'Body.', anonymous } }, { token });
      return created.data!.createPost.post.id as string;
    };
    const reply = async (token: string, input: Record<string, unknown>) => (await api().graphql(createReplyMutation, { input }, { token })).data!.createReply;

    it('replies under the thread alias when the input leaves anonymous out; others reply under their name', async () => {
      const cast = await createCast(api());
      const postId = await post(cast, cast.author.token, true, 'Mine');
      const own = await reply(cast.author.token, { postId, body: 'Me again.' });
      expect(own).toMatchObject({ __typename: 'CreateReplyPayload', reply: { anonymous: true, authorName: 'Anonymous 1', viewerIsAuthor: true } });
      // An answer to a reply (parentReplyId) takes the same default.
      const answer = await reply(cast.author.token, { postId, parentReplyId: own.reply.id, body: 'And again.' });
      expect(answer.reply).toMatchObject({ anonymous: true, authorName: 'Anonymous 1' });
      const other = await reply(cast.member.token, { postId, body: 'Hello.' });
      expect(other.reply).toMatchObject({ anonymous: false, authorName: 'Brian Okafor' });
      // A named reply in one's own anonymous thread takes an explicit choice.
      const named = await reply(cast.author.token, { postId, body: 'It was me.', anonymous: false });
      expect(named.reply).toMatchObject({ anonymous: false, authorName: 'Amal Haddad' });
      // On their own named post, the default stays the name.
      const namedPostId = await post(cast, cast.author.token, false, 'Named');
      expect((await reply(cast.author.token, { postId: namedPostId, body: 'Update.' })).reply).toMatchObject({ anonymous: false });
    });

    it('in a group that no longer allows anonymity, the writer must choose instead of being named by the default', async () => {
      const cast = await createCast(api());
      const postId = await post(cast, cast.author.token, true, 'Before the change');
      await api().database.db.updateTable('groups').set({ anonymity_policy: 'DISABLED' }).where('id', '=', cast.group.id).execute();
      const refused = await reply(cast.author.token, { postId, body: 'Still me.' });
      expect(refused).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'anonymous'] }] });
      expect(refused.message).toMatch(/anonymous: false/);
      expect((await reply(cast.author.token, { postId, body: 'Still me.', anonymous: false })).reply).toMatchObject({ anonymous: false });
      // Anyone else replies under their name by default, as before.
      expect((await reply(cast.member.token, { postId, body: 'Hi.' })).reply).toMatchObject({ anonymous: false });
    });

    it("the writer's reactions anywhere in their anonymous thread show under its alias; elsewhere under their name", async () => {
      const cast = await createCast(api());
      const postId = await post(cast, cast.author.token, true, 'Thank you all');
      const answer = await reply(cast.member.token, { postId, body: 'We are here.' });
      const answerToAnswer = await reply(cast.peer.token, { postId, parentReplyId: answer.reply.id, body: 'Yes.' });
      const elsewhere = await post(cast, cast.member.token, false, 'A named thread');
      for (const subjectId of [answer.reply.id, answerToAnswer.reply.id, elsewhere]) {
        for (const who of [cast.author, cast.professional]) {
          const reacted = await api().graphql(reactMutation, { input: { subjectId, kind: 'THANK_YOU', on: true } }, { token: who.token });
          expect(reacted.data?.react.__typename).not.toMatch(/Error/);
        }
      }
      const reactionsOf = async (id: string, token: string) =>
        (await api().graphql(`query($id: ID!) { node(id: $id) { ... on Post { reactions { name } } ... on Reply { reactions { name } } } }`, { id }, { token }))
          .data!.node.reactions.map((reaction: any) => reaction.name as string)
          .sort();
      for (const viewer of [cast.member, cast.peer, cast.professional, cast.admin]) {
        for (const subjectId of [answer.reply.id, answerToAnswer.reply.id]) {
          expect(await reactionsOf(subjectId, viewer.token)).toEqual(['Anonymous 1', 'Dana Levi']);
        }
        // Outside their anonymous thread, the writer reacts under their name like anyone.
        expect(await reactionsOf(elsewhere, viewer.token)).toEqual(['Amal Haddad', 'Dana Levi']);
      }
    });

    it("unansweredPosts doesn't tell whose a reply is: only a reply that shows as the writer's leaves a post waiting", async () => {
      const cast = await createCast(api());
      const namedByWriter = await post(cast, cast.author.token, true, 'Answered by a name');
      const aliasByWriter = await post(cast, cast.author.token, true, 'Answered by the alias');
      const anonymousOnNamed = await post(cast, cast.member.token, false, 'A named post answered anonymously by its writer');
      const nameOnNamed = await post(cast, cast.member.token, false, 'A named post its writer answered by name');
      await reply(cast.author.token, { postId: namedByWriter, body: 'Me.', anonymous: false });
      await reply(cast.author.token, { postId: aliasByWriter, body: 'Me.' });
      await reply(cast.member.token, { postId: anonymousOnNamed, body: 'Me.', anonymous: true });
      await reply(cast.member.token, { postId: nameOnNamed, body: 'Me.' });
      for (const viewer of [cast.member, cast.peer, cast.admin, cast.author]) {
        const waiting = await unansweredIds(cast, viewer.token);
        // A named reply counts as anyone's answer, and so does an alias on a named post: neither is shown as the writer's.
        expect(waiting).not.toContain(namedByWriter);
        expect(waiting).not.toContain(anonymousOnNamed);
        // The writer's alias, and a writer's name under their named post, are visibly theirs: still waiting.
        expect(waiting).toEqual(expect.arrayContaining([aliasByWriter, nameOnNamed]));
      }
    });
  });

  it('the item ids say nothing about their author, and the thread alias is the same everywhere in the thread only', async () => {
    const [typename, id] = Buffer.from(scene.postId, 'base64').toString('utf8').split(':');
    expect(typename).toBe('Post');
    expect(id).not.toBe(scene.cast.author.row.id);
    const other = await api().graphql(
      createPostMutation,
      { input: { groupId: scene.cast.groupId, title: 'Another thread', body: 'Another thread.', anonymous: true } },
      { token: scene.cast.member.token },
    );
    // In a new thread, numbering starts again: "Anonymous 1" here is someone else, so aliases can't be followed across threads.
    expect(other.data?.createPost.post.authorName).toBe('Anonymous 1');
  });
});
