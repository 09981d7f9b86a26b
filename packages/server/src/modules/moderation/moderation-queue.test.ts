import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { PostRow } from '../../db/tables.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { globalId, insertHeldPost, moderationSuite } from './moderation-test-fixtures.js';

/** The moderation queue: open cases in order, page by page, to whom, and in a fixed number of statements. */
describeEachDatabase('moderation: queue', (api) => {
  const t = withTestInstitution(api, { otherInstitution: true });
  const { postId, memberId, community, report, moderate, queue, casesOf } = moderationSuite(t);

  describe('moderationQueue', () => {
    it('lists open cases crisis first, then oldest first, page by page', async () => {
      const { group, groupId, author, reader, peer } = await community();
      const posts = [];
      for (let index = 0; index < 4; index += 1) posts.push(await t.post(group, author, { title: `Post ${index}` }));
      const reasons = ['SPAM', 'CRISIS', 'OTHER', 'SELF_HARM'] as const;
      for (const [index, post] of posts.entries()) await report({ subjectId: postId(post), reason: reasons[index] }, reader.token);
      // Fix the order the cases were opened in (a day apart), whatever the clock did between the reports.
      for (const [index, post] of posts.entries()) {
        await sql`update moderation_cases set created_at = ${new Date(Date.UTC(2026, 0, 1 + index))} where subject_id = ${post.id}`.execute(t.db);
      }
      const caseIds = await Promise.all(posts.map(async (post) => globalId('ModerationItem', (await casesOf(post.id))[0]!.id)));

      const first = await queue({ groupId, first: 2 }, peer.token);
      expect(first.errors).toBeUndefined();
      expect(first.data?.moderationQueue.edges.map((edge: any) => edge.node.id)).toEqual([caseIds[1], caseIds[3]]);
      expect(first.data?.moderationQueue.edges[0].node).toMatchObject({
        crisis: true,
        reasons: ['CRISIS'],
        flags: [],
        reportCount: 1,
        heldForReview: false,
        subjectType: 'POST',
        status: 'OPEN',
        group: { id: groupId },
        subject: { __typename: 'Post', id: postId(posts[1]!), title: 'Post 1', author: { id: memberId(author) } },
        reports: [{ reason: 'CRISIS', note: null, status: 'OPEN', reporter: { id: memberId(reader) } }],
      });
      expect(first.data?.moderationQueue.pageInfo.hasNextPage).toBe(true);
      const cursor = first.data?.moderationQueue.pageInfo.endCursor;
      // Cursors name the last case seen and its queue rank (a reported crisis ranks as HIGH), never a timestamp.
      expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())).toEqual([2, (await casesOf(posts[3]!.id))[0]!.id]);

      const second = await queue({ groupId, first: 2, after: cursor }, peer.token);
      expect(second.data?.moderationQueue.edges.map((edge: any) => edge.node.id)).toEqual([caseIds[0], caseIds[2]]);
      expect(second.data?.moderationQueue.pageInfo.hasNextPage).toBe(false);

      const badCursor = await queue({ groupId, after: Buffer.from('["2026-01-01T00:00:00Z"]').toString('base64url') }, peer.token);
      expect(badCursor.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    });

    it('shows held items with the pipeline flags, and drops cases once resolved', async () => {
      const { group, groupId, author, professional } = await community();
      const { caseId } = await insertHeldPost(t.db, group, author.row);
      const listed = await queue({ groupId }, professional.token);
      expect(listed.data?.moderationQueue.edges.map((edge: any) => edge.node)).toEqual([
        expect.objectContaining({
          id: globalId('ModerationItem', caseId),
          heldForReview: true,
          reasons: [],
          flags: ['FIRST_POSTS'],
          reportCount: 0,
          // Facilitators read the held post itself.
          subject: expect.objectContaining({ __typename: 'Post', status: 'PENDING_REVIEW' }),
        }),
      ]);
      await moderate({ caseId: globalId('ModerationItem', caseId), action: 'APPROVE', reason: 'Kind and on topic.' }, professional.token);
      expect((await queue({ groupId }, professional.token)).data?.moderationQueue.edges).toEqual([]);
    });

    it("is per group for that group's facilitators, per institution for admins and service tokens, and nobody else's", async () => {
      const a = await community();
      const b = await community();
      await report({ subjectId: postId(a.post), reason: 'SPAM' }, a.reader.token);
      await report({ subjectId: postId(b.post), reason: 'SPAM' }, b.reader.token);
      const caseOf = async (post: PostRow) => globalId('ModerationItem', (await casesOf(post.id))[0]!.id);
      const ids = (response: Awaited<ReturnType<typeof queue>>) => response.data?.moderationQueue.edges.map((edge: any) => edge.node.id);

      expect(ids(await queue({ groupId: a.groupId }, a.peer.token))).toEqual([await caseOf(a.post)]);
      // A facilitator of one group can't read another group's queue.
      const refused = await queue({ groupId: b.groupId }, a.peer.token);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // Without a group: every group the viewer facilitates; nothing for a plain member.
      expect(ids(await queue({}, a.professional.token))).toEqual([await caseOf(a.post)]);
      expect(ids(await queue({}, a.reader.token))).toEqual([]);
      for (const token of [t.admin.token, t.institution.serviceToken]) {
        const all = ids(await queue({ first: 100 }, token));
        expect(all).toEqual(expect.arrayContaining([await caseOf(a.post), await caseOf(b.post)]));
      }
      for (const token of [a.reader.token, a.author.token, undefined]) {
        expect((await queue({ groupId: a.groupId }, token)).errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      }
      const strangerAdmin = await t.member({ admin: true }, t.otherInstitution);
      expect((await queue({ groupId: a.groupId }, strangerAdmin.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(ids(await queue({}, strangerAdmin.token))).toEqual([]);
      expect(ids(await queue({}, t.otherInstitution.serviceToken))).toEqual([]);
      // node(id:) on a case: facilitators and admins only.
      const caseId = await caseOf(a.post);
      const node = (token?: string) => api().graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: caseId }, { token });
      expect((await node(a.peer.token)).data?.node).toEqual({ id: caseId });
      for (const token of [a.reader.token, b.peer.token, strangerAdmin.token, undefined]) expect((await node(token)).data?.node).toBeNull();
    });

    it('costs the same number of statements for 2 or 6 items with their reports, groups and actions', async () => {
      const { group, groupId, author, reader, neighbour, peer } = await community();
      const statementsFor = async () => {
        const response = await api().graphql(
          `query($groupId: ID) { moderationQueue(groupId: $groupId, first: 50) { edges { node { id group { name } subject { id ... on Post { title authorName } } reports { reporter { displayName } } actions { action actor { displayName } } } } } }`,
          { groupId },
          { token: peer.token },
        );
        expect(response.errors).toBeUndefined();
        return response.statements;
      };
      const addCase = async () => {
        const post = await t.post(group, author);
        await report({ subjectId: postId(post), reason: 'SPAM' }, reader.token);
        await report({ subjectId: postId(post), reason: 'OTHER' }, neighbour.token);
        await moderate({ subjectId: postId(post), action: 'LOCK', reason: 'Cooling down.' }, peer.token);
      };
      for (let index = 0; index < 2; index += 1) await addCase();
      const few = await statementsFor();
      for (let index = 0; index < 4; index += 1) await addCase();
      expect(await statementsFor()).toBe(few);
    });
  });
});
