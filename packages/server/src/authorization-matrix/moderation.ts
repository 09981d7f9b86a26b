import { decide, denyAllButFacilitatorsAndManagers, everyone, only, type CellContext, type Operation, type Outcome, queryOutcome, type Role, subjectPost, subjectReply } from '../../test-support/authorization-matrix.js';
import type { AnonymityPolicy, Facilitation } from '../db/tables.js';

/**
 * The cases of the anonymity rule (anonymity-policy.ts), each with the roles it lets reveal an anonymous author:
 * the reveal and both viewerCanReveal fields are asserted against the same list, so the field that shows the
 * queue's reveal button cannot disagree with the mutation behind it. Always a person, never a token; never in
 * another tenant.
 */
interface AnonymityCase {
  label: string;
  policy: AnonymityPolicy;
  facilitation: Facilitation;
  revealers: Role[];
}

const anonymityCases: AnonymityCase[] = [
  { label: 'revealable PROFESSIONAL group', policy: 'ANONYMOUS_REVEALABLE_IN_CRISIS', facilitation: 'PROFESSIONAL', revealers: ['professionalFacilitator', 'institutionAdmin'] },
  // A peer facilitator is a member like the others: in a peer-led group only the institution's admins reveal.
  { label: 'revealable PEER_LED group', policy: 'ANONYMOUS_REVEALABLE_IN_CRISIS', facilitation: 'PEER_LED', revealers: ['institutionAdmin'] },
  { label: 'ANONYMOUS PROFESSIONAL group', policy: 'ANONYMOUS', facilitation: 'PROFESSIONAL', revealers: [] },
];

/** Puts the target group under the case's rule. */
async function underRule(cell: CellContext, anonymity: AnonymityCase): Promise<void> {
  await cell.db.updateTable('groups').set({ anonymity_policy: anonymity.policy, facilitation: anonymity.facilitation }).where('id', '=', cell.group.id).execute();
}

/** The target group under the case's rule, with an anonymous post in it and an open crisis case about the post. */
async function anonymousCrisisPost(cell: CellContext, anonymity: AnonymityCase) {
  await underRule(cell, anonymity);
  return subjectPost(cell, { anonymous: true, crisisCase: true });
}

/** A boolean the viewer reads: true is allow, false is deny (as for Group.viewerCanModerate), absent is hidden. */
const answerOutcome = (answer: boolean | null | undefined): Outcome => (answer === undefined || answer === null ? 'hidden' : answer ? 'allow' : 'deny');

function revealOperations(): Operation[] {
  return anonymityCases.flatMap((anonymity): Operation[] => [
    {
      name: `revealAnonymousAuthor (crisis case, ${anonymity.label})`,
      run: async (cell) => {
        const { postId, caseId } = await anonymousCrisisPost(cell, anonymity);
        return decide('revealAnonymousAuthor', 'RevealAnonymousAuthorInput', async () => ({ subjectId: postId, caseId, reason: 'Crisis report: checking in.' }), ['RevealedAuthor'])(cell);
      },
      same: only(anonymity.revealers, 'deny'),
      other: everyone('deny'),
    },
    {
      name: `ModerationItem.viewerCanReveal (the anonymous crisis post's item, ${anonymity.label}; true = allow, false or no queue = deny)`,
      run: async (cell) => {
        const { caseId } = await anonymousCrisisPost(cell, anonymity);
        const result = await cell.api.graphql(`query($groupId: ID) { moderationQueue(groupId: $groupId) { edges { node { id viewerCanReveal } } } }`, { groupId: cell.groupId }, cell.actor);
        if (queryOutcome(result, () => true) === 'deny') return 'deny';
        return answerOutcome(result.data!.moderationQueue.edges.find((edge: any) => edge.node.id === caseId)?.node.viewerCanReveal);
      },
      same: only(anonymity.revealers, 'deny'),
      other: everyone('deny'),
    },
    {
      name: `Group.viewerCanReveal (${anonymity.label}; true = allow, false = deny)`,
      run: async (cell) => {
        await anonymousCrisisPost(cell, anonymity);
        const result = await cell.api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { viewerCanReveal } } }`, { id: cell.groupId }, cell.actor);
        return answerOutcome(result.data?.node?.viewerCanReveal);
      },
      same: only(anonymity.revealers, 'deny'),
      other: everyone('deny'),
    },
  ]);
}

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
  ...revealOperations(),
  {
    name: "revealAnonymousAuthor (an anonymous reply's crisis case, revealable PROFESSIONAL group)",
    run: async (cell) => {
      await underRule(cell, anonymityCases[0]!);
      const { replyId, caseId } = await subjectReply(cell, { anonymous: true, crisisCase: true });
      return decide('revealAnonymousAuthor', 'RevealAnonymousAuthorInput', async () => ({ subjectId: replyId, caseId, reason: 'Crisis report: checking in.' }), ['RevealedAuthor'])(cell);
    },
    same: only(anonymityCases[0]!.revealers, 'deny'),
    other: everyone('deny'),
  },
  {
    name: 'Group.anonymousAuthorsRevealableBy',
    run: async (cell) => {
      await anonymousCrisisPost(cell, anonymityCases[0]!);
      const result = await cell.api.graphql(`query($id: ID!) { node(id: $id) { ... on Group { anonymousAuthorsRevealableBy } } }`, { id: cell.groupId }, cell.actor);
      const answer = result.data?.node?.anonymousAuthorsRevealableBy;
      if (answer === undefined || answer === null) return 'hidden';
      if (answer !== 'FACILITATORS_AND_ADMINS') throw new Error(`anonymousAuthorsRevealableBy: ${answer}`);
      return 'allow';
    },
    // The rule is public: the group header and the composer tell every reader who could learn who they are.
    same: everyone('allow'),
    other: everyone('allow'),
  },
];
