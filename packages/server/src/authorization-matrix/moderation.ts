import { decide, denyAllButFacilitatorsAndManagers, everyone, only, type Operation, queryOutcome, subjectPost } from '../../test-support/authorization-matrix.js';

/** Moderation: acting on items, the queue and the audit log, crisis acknowledgement and the anonymous author's reveal. */
export const moderationOperations: Operation[] = [
  {
    name: 'moderate (HIDE a post)',
    run: decide('moderate', 'ModerateInput', async (cell) => ({ subjectId: (await subjectPost(cell)).postId, action: 'HIDE', reason: 'Off topic.' }), ['ModerationAction']),
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: "read a group's moderation queue",
    run: async (cell) => {
      await subjectPost(cell, { crisisCase: true });
      const result = await cell.api.graphql(`query($groupId: ID) { moderationQueue(groupId: $groupId) { edges { node { crisis } } } }`, { groupId: cell.groupId }, cell.actor);
      return queryOutcome(result, (data) => data.moderationQueue.edges.length > 0);
    },
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: "read a group's audit log",
    run: async (cell) => {
      const result = await cell.api.graphql(`query($groupId: ID) { auditLog(groupId: $groupId) { edges { node { id } } } }`, { groupId: cell.groupId }, cell.actor);
      return queryOutcome(result, (data) => Array.isArray(data.auditLog.edges));
    },
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  {
    name: 'acknowledgeModerationItem (crisis case)',
    run: async (cell) => {
      const { caseId } = await subjectPost(cell, { crisisCase: true });
      return decide('acknowledgeModerationItem', 'AcknowledgeModerationItemInput', async () => ({ itemId: caseId }), ['ModerationItem'])(cell);
    },
    // A person acknowledges (it names who is on it): not a service token.
    same: only(['peerFacilitator', 'professionalFacilitator', 'institutionAdmin'], 'deny'),
    other: everyone('deny'),
  },
  {
    name: "read a queue item's risk level, warning signs and acknowledgement",
    run: async (cell) => {
      await subjectPost(cell, { crisisCase: true });
      const result = await cell.api.graphql(
        `query($groupId: ID) { moderationQueue(groupId: $groupId) { edges { node { riskLevel warningSigns acknowledgedAt acknowledgedBy { id } waitingSince } } } }`,
        { groupId: cell.groupId },
        cell.actor,
      );
      return queryOutcome(result, (data) => data.moderationQueue.edges.some((edge: any) => edge.node.riskLevel === 'HIGH' && edge.node.waitingSince));
    },
    same: denyAllButFacilitatorsAndManagers,
    other: everyone('deny'),
  },
  ...(['PROFESSIONAL', 'PEER_LED'] as const).map((facilitation): Operation => ({
    name: `revealAnonymousAuthor (crisis case, revealable ${facilitation} group)`,
    run: async (cell) => {
      await cell.db.updateTable('groups').set({ anonymity_policy: 'ANONYMOUS_REVEALABLE_IN_CRISIS', facilitation }).where('id', '=', cell.group.id).execute();
      const { postId, caseId } = await subjectPost(cell, { anonymous: true, crisisCase: true });
      return decide('revealAnonymousAuthor', 'RevealAnonymousAuthorInput', async () => ({ subjectId: postId, caseId, reason: 'Crisis report: checking in.' }), ['RevealedAuthor'])(cell);
    },
    // The group's anonymity rule (anonymity-policy.ts): a peer-led group has admins only; a person, never a token.
    same: only(facilitation === 'PROFESSIONAL' ? ['professionalFacilitator', 'institutionAdmin'] : ['institutionAdmin'], 'deny'),
    other: everyone('deny'),
  })),
];
