import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { GroupRow } from '../../db/tables.js';
import type { TestMember } from '../../../test-support/factories.js';
import { describeEachDatabase } from '../../../test-support/test-api.js';
import { withTestInstitution } from '../../../test-support/test-context.js';
import { draftRisk } from '../content-pipeline/crisis-stage.js';
import { openOrUpdateModerationCase, type CaseRiskLevel } from './moderation-cases.queries.js';
import { acknowledgeMutation, globalId, reportMutation } from './moderation-test-fixtures.js';

const queueOrder = /* GraphQL */ `
  query($groupId: ID, $first: Int, $after: String) {
    moderationQueue(groupId: $groupId, first: $first, after: $after) {
      edges { node { id crisis riskLevel warningSigns acknowledgedAt waitingSince acknowledgedBy { id displayName } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** The crisis queue: risk levels on cases, their order, paging through it, and acknowledging an item. */
describeEachDatabase('crisis queue', (api) => {
  const t = withTestInstitution(api, { otherInstitution: true });
  const community = () => t.groupWith({ peer: 'PEER_FACILITATOR', author: 'MEMBER', reader: 'MEMBER' });

  /** A post with an open case, as the content pipeline (a risk level) or a plain report (none) leaves it. */
  async function flagged(group: GroupRow, author: TestMember, riskLevel: CaseRiskLevel | null, day: number) {
    const post = await t.post(group, author, { title: `Day ${day}` });
    const row = await openOrUpdateModerationCase(t.db, {
      institutionId: group.institution_id,
      groupId: group.id,
      subjectType: 'POST',
      subjectId: post.id,
      crisis: riskLevel !== null,
      riskLevel,
      warningSigns: riskLevel === 'IMMINENT' ? ['INTENT_OR_PLAN', 'TIMING'] : [],
      reasons: riskLevel ? ['CRISIS_LANGUAGE'] : ['WORD_LIST'],
    });
    await sql`update moderation_cases set created_at = ${new Date(Date.UTC(2026, 0, day))} where id = ${row.id}`.execute(t.db);
    return { post, itemId: globalId('ModerationItem', row.id) };
  }

  const queue = async (variables: Record<string, unknown>, token: string) =>
    (await t.data(queueOrder, variables, token)).moderationQueue as { edges: { node: Record<string, any> }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  const acknowledge = (itemId: string, token: string | undefined) => t.mutate(acknowledgeMutation, { itemId }, token);

  it('orders crisis items by risk, unacknowledged first within a level, then the rest, oldest first; pages stay right across an acknowledgement', async () => {
    const { group, groupId, peer, author } = await community();
    // Opened in an order unlike the queue's, a day apart.
    const other = await flagged(group, author, null, 1);
    const concern = await flagged(group, author, 'CONCERN', 2);
    const highOld = await flagged(group, author, 'HIGH', 3);
    const imminent = await flagged(group, author, 'IMMINENT', 4);
    const highNew = await flagged(group, author, 'HIGH', 5);
    const imminentAcknowledged = await flagged(group, author, 'IMMINENT', 6);
    const imminentNew = await flagged(group, author, 'IMMINENT', 7);
    expect((await acknowledge(imminentAcknowledged.itemId, peer.token)).__typename).toBe('ModerationItem');

    const all = await queue({ groupId, first: 50 }, peer.token);
    expect(all.edges.map((edge) => edge.node.id)).toEqual(
      [imminent, imminentNew, imminentAcknowledged, highOld, highNew, concern, other].map((item) => item.itemId),
    );
    expect(all.edges.map((edge) => edge.node.riskLevel)).toEqual(['IMMINENT', 'IMMINENT', 'IMMINENT', 'HIGH', 'HIGH', 'CONCERN', null]);
    expect(all.edges[0]!.node).toMatchObject({ crisis: true, warningSigns: ['INTENT_OR_PLAN', 'TIMING'], acknowledgedAt: null, acknowledgedBy: null, waitingSince: '2026-01-04T00:00:00.000Z' });
    expect(all.edges[2]!.node.acknowledgedBy).toEqual({ id: globalId('Member', peer.row.id), displayName: expect.any(String) });

    // Page through, acknowledging the last item of the first page before reading the next: it moves down the
    // queue, but the next page starts where the first one ended, skipping and repeating nothing of the rest.
    const first = await queue({ groupId, first: 2 }, peer.token);
    expect(first.edges.map((edge) => edge.node.id)).toEqual([imminent.itemId, imminentNew.itemId]);
    await acknowledge(imminentNew.itemId, peer.token);
    const second = await queue({ groupId, first: 10, after: first.pageInfo.endCursor }, peer.token);
    expect(second.edges.map((edge) => edge.node.id)).toEqual(
      [imminentAcknowledged, imminentNew, highOld, highNew, concern, other].map((item) => item.itemId),
    );

    // Out-of-range or malformed cursors are a typed error, not a database error.
    for (const key of [[99, '00000000-0000-0000-0000-000000000000'], [-1, '00000000-0000-0000-0000-000000000000'], ['0', 'x'], [0.5, '00000000-0000-0000-0000-000000000000']]) {
      const response = await api().graphql(queueOrder, { groupId, after: Buffer.from(JSON.stringify(key)).toString('base64url') }, { token: peer.token });
      expect(response.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    }
  });

  it('keeps the most urgent risk level and every warning sign a case was given', async () => {
    const { group, author } = await community();
    const post = await t.post(group, author);
    const signal = (riskLevel: CaseRiskLevel | null, warningSigns: string[], crisis = true) =>
      openOrUpdateModerationCase(t.db, {
        institutionId: group.institution_id,
        groupId: group.id,
        subjectType: 'POST',
        subjectId: post.id,
        crisis,
        riskLevel,
        warningSigns,
        reasons: ['CRISIS_LANGUAGE'],
      });
    expect((await signal('CONCERN', ['BURDENSOMENESS'])).risk_level).toBe('CONCERN');
    expect((await signal('HIGH', ['DIRECT_IDEATION'])).risk_level).toBe('HIGH');
    expect((await signal('CONCERN', ['HOPELESSNESS'])).risk_level).toBe('HIGH');
    // A report without crisis neither clears the level nor adds a sign.
    expect((await signal(null, [], false)).risk_level).toBe('HIGH');
    const last = await signal('IMMINENT', ['TIMING']);
    expect(last.risk_level).toBe('IMMINENT');
    expect([...last.warning_signs].sort()).toEqual(['BURDENSOMENESS', 'DIRECT_IDEATION', 'HOPELESSNESS', 'TIMING']);
  });

  /** Creates a post through the API that the built-in crisis stage flags; returns what that stage says of it. */
  async function postInCrisis(groupId: string, author: TestMember, body: string) {
    const created = await api().graphql(
      `mutation($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostPayload { post { id } } } }`,
      { input: { groupId, title: 'Tonight', body } },
      { token: author.token },
    );
    expect(created.data?.createPost.__typename).toBe('CreatePostPayload');
    const expected = draftRisk({ kind: 'POST', title: 'Tonight', body, contentWarning: null, anonymous: false });
    expect(expected.riskLevel).not.toBeNull();
    return expected;
  }

  it("stores the content pipeline's risk level on the case a crisis post opens", async () => {
    const { groupId, peer, author } = await community();
    const expected = await postInCrisis(groupId, author, 'I want to kill myself.');
    const listed = await queue({ groupId }, peer.token);
    expect(listed.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ crisis: true, riskLevel: expected.riskLevel, warningSigns: expected.warningSigns }),
    ]);
  });

  it('lists a crisis post created through the API before an older report, with the pipeline\'s risk level', async () => {
    const { group, groupId, peer, author, reader } = await community();
    // An older, non-crisis case: a harassment report on another post, filed through the API.
    const reported = await t.post(group, author, { title: 'Earlier' });
    const filed = await api().graphql(reportMutation, { input: { subjectId: globalId('Post', reported.id), reason: 'HARASSMENT' } }, { token: reader.token });
    expect(filed.errors).toBeUndefined();
    expect(filed.data!.report.__typename).toBe('Report');
    // The reporter doesn't see the case; read its id to find it in the queue, and make it a day older.
    const reportCase = await t.db.selectFrom('moderation_cases').select('id').where('subject_id', '=', reported.id).executeTakeFirstOrThrow();
    const reportItem = { id: globalId('ModerationItem', reportCase.id) };
    await sql`update moderation_cases set created_at = now() - interval '1 day' where id = ${reportCase.id}`.execute(t.db);

    const expected = await postInCrisis(groupId, author, 'I have a plan to end my life tonight.');

    // The built-in stage only says HIGH, which is also the level a crisis case without one is given, so here the
    // warning signs are what show the pipeline's assessment reached the case.
    expect(expected.warningSigns.length).toBeGreaterThan(0);

    const listed = await queue({ groupId }, peer.token);
    expect(listed.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ crisis: true, riskLevel: expected.riskLevel, warningSigns: expected.warningSigns, acknowledgedAt: null }),
      expect.objectContaining({ id: reportItem.id, crisis: false, riskLevel: null, warningSigns: [] }),
    ]);
  });

  it('acknowledges once, with who and when on the item and an ACKNOWLEDGE entry in the audit log', async () => {
    const { group, peer, author } = await community();
    const { itemId, post } = await flagged(group, author, 'HIGH', 1);
    const before = Math.floor(Date.now() / 1000) * 1000;
    const acknowledged = await acknowledge(itemId, peer.token);
    expect(acknowledged).toMatchObject({ __typename: 'ModerationItem', id: itemId, riskLevel: 'HIGH', acknowledgedBy: { id: globalId('Member', peer.row.id) } });
    // To the whole second, like every timestamp others see.
    expect(new Date(acknowledged.acknowledgedAt).getTime() % 1000).toBe(0);
    expect(new Date(acknowledged.acknowledgedAt).getTime()).toBeGreaterThanOrEqual(before);
    expect(acknowledged.actions).toEqual([{ action: 'ACKNOWLEDGE', actor: { id: globalId('Member', peer.row.id) }, reason: '', createdAt: expect.any(String) }]);
    const entries = await t.db.selectFrom('moderation_actions').selectAll().where('subject_id', '=', post.id).execute();
    expect(entries).toEqual([expect.objectContaining({ action: 'ACKNOWLEDGE', actor_member_id: peer.row.id, actor_service_token_id: null })]);
    // The case stays open, and a second acknowledgement (even by another moderator) is a conflict.
    expect((await t.db.selectFrom('moderation_cases').select('status').where('subject_id', '=', post.id).executeTakeFirstOrThrow()).status).toBe('OPEN');
    expect((await acknowledge(itemId, t.admin.token)).__typename).toBe('ConflictError');
  });

  it("lets the group's facilitators and the institution's admins acknowledge, and no one else, writing nothing when refused", async () => {
    const { group, peer, author, reader, join } = await community();
    const professional = await join('PROFESSIONAL_FACILITATOR');
    const elsewhere = await community();
    const strangerAdmin = await t.member({ admin: true }, t.otherInstitution);
    const cases: [string, string | undefined, string][] = [
      ['member', reader.token, 'ForbiddenError'],
      ['author', author.token, 'ForbiddenError'],
      ["another group's facilitator", elsewhere.peer.token, 'ForbiddenError'],
      ['service token', t.institution.serviceToken, 'ForbiddenError'],
      // The item's group is not theirs: refused by the schema's scope like anyone else's (nothing says it exists).
      ["another institution's admin", strangerAdmin.token, 'ForbiddenError'],
      ['guest', undefined, 'ForbiddenError'],
      ['peer facilitator', peer.token, 'ModerationItem'],
      ['professional facilitator', professional.token, 'ModerationItem'],
      ['admin', t.admin.token, 'ModerationItem'],
    ];
    const outcomes: [string, string, number][] = [];
    for (const [who, token] of cases) {
      const { itemId, post } = await flagged(group, author, 'CONCERN', 1);
      const response = await api().graphql(acknowledgeMutation, { input: { itemId } }, { token });
      const outcome = response.data?.acknowledgeModerationItem?.__typename ?? response.errors?.[0]?.extensions?.code;
      const written = await t.db.selectFrom('moderation_actions').select('action').where('subject_id', '=', post.id).execute();
      outcomes.push([who, outcome, written.length]);
    }
    expect(outcomes).toEqual(cases.map(([who, , outcome]) => [who, outcome, outcome === 'ModerationItem' ? 1 : 0]));
    const missing = await acknowledge(globalId('ModerationItem', '00000000-0000-0000-0000-000000000000'), t.admin.token);
    expect(missing.__typename).toBe('NotFoundError');
    const wrongType = await api().graphql(acknowledgeMutation, { input: { itemId: globalId('Post', '00000000-0000-0000-0000-000000000000') } }, { token: t.admin.token });
    expect(wrongType.data?.acknowledgeModerationItem?.__typename).toBe('ValidationError');
  });

  it('costs the same number of statements for 2 or 6 acknowledged crisis items', async () => {
    const { group, groupId, peer, author } = await community();
    const statementsFor = async () => {
      const response = await api().graphql(queueOrder, { groupId, first: 50 }, { token: peer.token });
      expect(response.errors).toBeUndefined();
      return response.statements;
    };
    const add = async (day: number) => {
      const { itemId } = await flagged(group, author, 'HIGH', day);
      await acknowledge(itemId, peer.token);
    };
    for (let day = 1; day <= 2; day += 1) await add(day);
    const few = await statementsFor();
    for (let day = 3; day <= 6; day += 1) await add(day);
    expect(await statementsFor()).toBe(few);
  });
});
