import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { addTestMembership } from '../../test-support/factories.js';
import { describeEachDatabase } from '../../test-support/test-api.js';
import { withTestInstitution } from '../../test-support/test-context.js';
import { encodeGlobalId } from './global-ids.js';
import { hearthSchema } from './index.js';
import { memberTimeExtension, memberTimeFor, toUtcDay } from './member-times.js';

/**
 * Every DateTime the API shows, decided once: a time about a member goes through `memberTime` (exact for the
 * member, the day for others); any other is listed here with why its precision is safe. A new DateTime field
 * fails the first test until it is one or the other.
 */
const reviewed: Record<string, string> = {
  'Post.createdAt': "content: the item's own time, whole seconds, the same for every reader",
  'Post.editedAt': 'content: whole seconds',
  'Post.lastActivityAt': 'content: the latest published reply, whole seconds',
  'Reply.createdAt': 'content: whole seconds',
  'Reply.editedAt': 'content: whole seconds',
  'Contribution.createdAt': 'content: the interface of Post and Reply, which resolve it (whole seconds)',
  'Contribution.editedAt': 'content: the interface of Post and Reply, which resolve it (whole seconds)',
  'ContentEdit.replacedAt': 'content: when an edit replaced a version (facilitators only), whole seconds like the edit',
  'ModerationItem.createdAt': 'a case about an item, not a member: whole seconds',
  'ModerationItem.updatedAt': 'a case about an item: whole seconds',
  'ModerationItem.resolvedAt': "a moderator's act: whole seconds",
  'ModerationItem.acknowledgedAt': "a moderator's act (acknowledgeModerationItem), shown in the queue only: whole seconds",
  'ModerationItem.waitingSince': 'the same instant as ModerationItem.createdAt (the case opening), whole seconds: no more precise than the item itself',
  'ModerationAction.createdAt': "a moderator's act (facilitators and admins): whole seconds",
  'ModerationWarning.createdAt': "a moderator's act, read by the warned member, admins, and facilitators for non-anonymous items",
  'Report.createdAt': "the reporter's act, shown with the reporter to facilitators only; reporters are never anonymous",
  'Report.resolvedAt': "a moderator's act",
  'Group.createdAt': 'a group, not a member',
  'Invitation.createdAt': "a facilitator's act (facilitators only)",
  'Invitation.expiresAt': 'chosen by the facilitator who made the link',
  'Invitation.revokedAt': "a facilitator's act",
  'InvitationPreview.expiresAt': 'chosen by the facilitator who made the link',
  'ServiceToken.createdAt': "an institution's credential (admins only)",
  'ServiceToken.lastUsedAt': "the institution's backend, not a member (admins only)",
  'ServiceToken.revokedAt': "an institution's credential",
  'SsoKey.createdAt': "an institution's credential (admins only)",
  'SsoKey.retiredAt': "an institution's credential",
  'WordListEntry.createdAt': "an institution's word list (admins and facilitators)",
  'OutreachMessage.createdAt': "a private message between a flagged item's writer and its facilitators: to the minute, coarser than the item's own seconds, so it adds nothing that could line the writer up",
  'OutreachThread.createdAt': 'when a facilitator (or the writer) opened the thread: to the minute',
  'OutreachThread.lastMessageAt': "the latest message's time: to the minute",
};

/** Output fields whose type, unwrapped, is DateTime. Duck-typed: vitest may load graphql's ESM and CJS builds side by side. */
function dateTimeFields(): { name: string; memberTime: boolean }[] {
  const found: { name: string; memberTime: boolean }[] = [];
  for (const type of Object.values(hearthSchema().getTypeMap()) as any[]) {
    // Object and interface types have getInterfaces; input objects (and scalars, enums, unions) don't.
    if (type.name.startsWith('__') || typeof type.getInterfaces !== 'function') continue;
    for (const field of Object.values(type.getFields()) as any[]) {
      let named = field.type;
      while (named.ofType) named = named.ofType;
      if (named.name !== 'DateTime') continue;
      found.push({ name: `${type.name}.${field.name}`, memberTime: field.extensions?.[memberTimeExtension] === true });
    }
  }
  return found;
}

describe('member times', () => {
  it('every DateTime field of the schema is a member time or reviewed here', () => {
    const fields = dateTimeFields();
    const undecided = fields.filter((field) => !field.memberTime && !(field.name in reviewed)).map((field) => field.name);
    expect(undecided, 'Declare these through memberTime (schema/member-times.ts) or review them in this file').toEqual([]);
    // A reviewed entry that became a member time, or no longer exists, is stale.
    const memberTimes = fields.filter((field) => field.memberTime).map((field) => field.name);
    expect(Object.keys(reviewed).filter((name) => memberTimes.includes(name) || !fields.some((field) => field.name === name))).toEqual([]);
    expect(memberTimes.sort()).toEqual(['Membership.joinedAt', 'Membership.requestedAt', 'Membership.suspendedUntil', 'ModerationAction.suspendedUntil']);
  });

  it('rounds to the UTC day: down for since-when, up for until-when', () => {
    const time = new Date('2026-12-02T14:20:03.456Z');
    expect(toUtcDay(time, 'down').toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(toUtcDay(time, 'up').toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(toUtcDay(new Date('2026-12-03T00:00:00.000Z'), 'up').toISOString()).toBe('2026-12-03T00:00:00.000Z');
    const member = { kind: 'member', institutionId: 'i', member: { id: 'm1' } } as never;
    const other = { kind: 'member', institutionId: 'i', member: { id: 'm2' } } as never;
    expect(memberTimeFor({ viewer: member }, 'm1', time)).toBe(time);
    expect(memberTimeFor({ viewer: other }, 'm1', time)?.toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(memberTimeFor({ viewer: { kind: 'service', institutionId: 'i', serviceTokenId: 's' } }, 'm1', time)?.toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });
});

describeEachDatabase('member times through the API', (api) => {
  const t = withTestInstitution(api, { admin: { name: 'Admin' } });

  it("a member reads their own join time exactly; facilitators and admins read the day, in fields and cursors", async () => {
    const { group, facilitator } = await t.groupWith({ facilitator: { name: 'Facilitator', role: 'PROFESSIONAL_FACILITATOR' } });
    const member = await t.member({ name: 'Joining Member' });
    const exact = new Date('2026-11-30T09:41:27.123Z');
    const membership = await addTestMembership(t.db, group, member.row);
    // requested_at is insert-only in the row types; the test sets both to a known instant with milliseconds.
    await sql`update memberships set joined_at = ${exact}, requested_at = ${exact} where id = ${membership.id}`.execute(t.db);

    const query = `query($id: ID!) { node(id: $id) { ... on Group {
      viewerMembership { joinedAt requestedAt }
      memberships(first: 10) { edges { cursor node { joinedAt requestedAt member { displayName } } } }
    } } }`;
    const groupId = encodeGlobalId('Group', group.id);
    const own = await api().graphql(query, { id: groupId }, { token: member.token });
    expect(own.data?.node.viewerMembership).toEqual({ joinedAt: exact.toISOString(), requestedAt: exact.toISOString() });
    for (const viewer of [facilitator, t.admin]) {
      const seen = await api().graphql(query, { id: groupId }, { token: viewer.token });
      expect(seen.errors).toBeUndefined();
      const edges = seen.data?.node.memberships.edges as any[];
      const row = edges.find((edge) => edge.node.member?.displayName === 'Joining Member');
      expect(row.node).toMatchObject({ joinedAt: '2026-11-30T00:00:00.000Z', requestedAt: '2026-11-30T00:00:00.000Z' });
      // No cursor carries a time either: only the row's id.
      for (const edge of edges) {
        const key = JSON.parse(Buffer.from(edge.cursor, 'base64url').toString('utf8'));
        expect(key).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
      }
    }
  });
});
