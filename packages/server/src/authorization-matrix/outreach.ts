import { decide, elsewhereNotFound, everyone, members, only, ownerInGroup, type CellContext, type Operation, type Outcome, queryOutcome, type Role, subjectPost, subjectReply } from '../../test-support/authorization-matrix.js';
import { insertMessage, insertOrFindThread } from '../modules/outreach/outreach.queries.js';
import { encodeGlobalId as globalId } from '../schema/global-ids.js';

/**
 * Outreach (outreach.rules.ts): a thread has two sides, the writer it is about and the group's facilitators (the
 * institution's admins among them). Nobody else, and never a service token, learns that a thread exists.
 */
const facilitatorsSide: Role[] = ['peerFacilitator', 'professionalFacilitator', 'institutionAdmin'];

/**
 * A thread in the target group, opened through the outreach module's own query functions: about someone else's
 * anonymous crisis post (the facilitators wrote first), or the owner's own thread with the facilitators.
 */
async function outreachThread(cell: CellContext, writer: 'someone else' | 'owner') {
  const about = writer === 'owner' ? null : await subjectPost(cell, { anonymous: true, crisisCase: true });
  const writerMemberId = about ? about.authorId : (await ownerInGroup(cell)).row.id;
  const thread = await insertOrFindThread(cell.db, {
    institutionId: cell.group.institution_id,
    groupId: cell.group.id,
    subject: about ? { type: 'POST', id: about.postRowId } : null,
    writerMemberId,
    startedBy: about ? 'FACILITATORS' : 'WRITER',
    writerAnonymous: about !== null,
    writerAlias: null,
  });
  await insertMessage(cell.db, { threadId: thread.id, from: about ? 'FACILITATORS' : 'WRITER', senderMemberId: null, body: 'Are you safe tonight?', crisis: false });
  return { threadId: globalId('OutreachThread', thread.id), caseId: about?.caseId ?? null };
}

/** Whether the viewer's outreachThreads list the thread: a new thread comes first (latest message first). */
async function listedOutcome(cell: CellContext, threadId: string): Promise<Outcome> {
  const result = await cell.api.graphql(`{ outreachThreads(first: 20) { edges { node { id } } } }`, {}, cell.actor);
  return queryOutcome(result, (data) => data.outreachThreads.edges.some((edge: any) => edge.node.id === threadId));
}

export const outreachOperations: Operation[] = [
  {
    name: "startOutreach (someone else's anonymous crisis post)",
    run: decide('startOutreach', 'StartOutreachInput', async (cell) => ({ subjectId: (await subjectPost(cell, { anonymous: true, crisisCase: true })).postId, body: 'I read your post. Would you talk with me?' }), ['OutreachThread']),
    // A person who facilitates the group (admins too), never a token; another tenant's post is not found.
    same: { ...only(facilitatorsSide, 'deny'), otherTenantMember: 'hidden' },
    other: { ...elsewhereNotFound, otherTenantMember: 'deny' },
  },
  {
    name: "startOutreach (someone else's reply with crisis language)",
    run: decide('startOutreach', 'StartOutreachInput', async (cell) => ({ subjectId: (await subjectReply(cell, { crisis: true })).replyId, body: 'I read your reply. Would you talk with me?' }), ['OutreachThread']),
    same: { ...only(facilitatorsSide, 'deny'), otherTenantMember: 'hidden' },
    other: { ...elsewhereNotFound, otherTenantMember: 'deny' },
  },
  {
    name: "replyToOutreach (a thread about someone else's crisis post)",
    run: decide('replyToOutreach', 'ReplyToOutreachInput', async (cell) => ({ threadId: (await outreachThread(cell, 'someone else')).threadId, body: 'Still here for you.' }), ['OutreachMessage']),
    // The facilitators' side answers; to any other member the thread does not exist.
    same: { ...only(facilitatorsSide, 'hidden'), guest: 'deny', serviceToken: 'deny' },
    other: elsewhereNotFound,
  },
  {
    name: "replyToOutreach (the owner's thread with the facilitators)",
    run: decide('replyToOutreach', 'ReplyToOutreachInput', async (cell) => ({ threadId: (await outreachThread(cell, 'owner')).threadId, body: 'Thank you for answering.' }), ['OutreachMessage']),
    same: { ...only(['member', ...facilitatorsSide], 'hidden'), guest: 'deny', serviceToken: 'deny' },
    other: { ...elsewhereNotFound, otherTenantMember: 'allow' },
  },
  {
    name: 'contactFacilitators',
    run: decide('contactFacilitators', 'ContactFacilitatorsInput', async (cell) => ({ groupId: cell.groupId, body: 'Could someone talk with me?' }), ['OutreachThread']),
    // The group's active members write to its facilitators; an admin holds no seat in the group.
    same: { ...only(members, 'deny'), otherTenantMember: 'hidden' },
    other: { ...elsewhereNotFound, otherTenantMember: 'deny' },
  },
  {
    name: "outreachThreads (a thread about someone else's crisis post)",
    run: async (cell) => listedOutcome(cell, (await outreachThread(cell, 'someone else')).threadId),
    same: { ...only(facilitatorsSide, 'hidden'), guest: 'deny', serviceToken: 'deny' },
    other: elsewhereNotFound,
  },
  {
    name: "outreachThreads (the owner's thread with the facilitators)",
    run: async (cell) => listedOutcome(cell, (await outreachThread(cell, 'owner')).threadId),
    same: { ...only(['member', ...facilitatorsSide], 'hidden'), guest: 'deny', serviceToken: 'deny' },
    other: { ...elsewhereNotFound, otherTenantMember: 'allow' },
  },
  {
    name: "read an outreach thread by node(id) (about someone else's crisis post)",
    run: async (cell) => {
      const { threadId } = await outreachThread(cell, 'someone else');
      const result = await cell.api.graphql(`query($id: ID!) { node(id: $id) { ... on OutreachThread { id } } }`, { id: threadId }, cell.actor);
      return queryOutcome(result, (data) => data.node?.id === threadId);
    },
    same: only(facilitatorsSide, 'hidden'),
    other: everyone('hidden'),
  },
  {
    name: "ModerationItem.outreachThreads (the crisis post's item; listed = allow, not listed = hidden)",
    run: async (cell) => {
      const { threadId, caseId } = await outreachThread(cell, 'someone else');
      const result = await cell.api.graphql(`query($groupId: ID) { moderationQueue(groupId: $groupId) { edges { node { id outreachThreads { id } } } } }`, { groupId: cell.groupId }, cell.actor);
      return queryOutcome(result, (data) =>
        data.moderationQueue.edges.some((edge: any) => edge.node.id === caseId && edge.node.outreachThreads.some((thread: { id: string }) => thread.id === threadId)),
      );
    },
    // A service token reads the queue but no private conversation.
    same: { ...only(facilitatorsSide, 'deny'), serviceToken: 'hidden' },
    other: everyone('deny'),
  },
];
