import { builder } from '../../schema/builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.js';
import { MemberNode } from '../members/member.types.js';
import { MembershipNode } from '../memberships/membership.types.js';
import { aliasName } from '../posts/author-names.js';
import { revealAnonymousAuthor, type RevealedAuthor } from './author-reveal.js';
import { ModerationActionNode } from './moderation-action.types.js';
import { revealAuthorSchema } from './moderation-input.js';
import type { SubjectRef } from './moderation.queries.js';
import { moderatedGroupScope } from './moderation.rules.js';

const RevealedAuthorType = builder.objectRef<RevealedAuthor>('RevealedAuthor').implement({
  description:
    'Who wrote an anonymous item, shown once to the person who asked (see Group.anonymousAuthorsRevealableBy), and logged. It is ' +
    "meant for the institution's own records (to reach the person through its own channels), not to be shown in the group.",
  fields: (t) => ({
    member: t.field({ type: MemberNode, resolve: (revealed) => revealed.memberId }),
    externalId: t.string({
      description: "The host's own user id for the member (the SSO subject): the key to find them in the institution's records.",
      resolve: (revealed) => revealed.externalId,
    }),
    displayName: t.string({ description: 'The display name the host sent for the member.', resolve: (revealed) => revealed.displayName }),
    membership: t.field({
      type: MembershipNode,
      nullable: true,
      description: "The author's membership of the group (their pseudonym and standing there).",
      resolve: (revealed) => revealed.membership,
    }),
    alias: t.string({
      nullable: true,
      description: 'The name the author goes by in the thread ("Anonymous 3").',
      resolve: (revealed) => (revealed.aliasNumber === null ? null : aliasName(revealed.aliasNumber)),
    }),
    aliasNumber: t.int({ nullable: true, resolve: (revealed) => revealed.aliasNumber }),
    auditEntry: t.field({ type: ModerationActionNode, description: 'The REVEAL_AUTHOR entry this reveal wrote.', resolve: (revealed) => revealed.entry }),
  }),
});

const RevealAnonymousAuthorInput = builder.inputType('RevealAnonymousAuthorInput', {
  fields: (t) => ({
    subjectId: t.id({ required: true, description: 'The anonymous Post or Reply.' }),
    caseId: t.id({ required: true, description: 'The open crisis ModerationItem about it.' }),
    reason: t.string({ required: true, description: 'Why the author must be known (up to 1000 characters); kept in the audit log.' }),
  }),
});

builder.mutationField('revealAnonymousAuthor', (t) =>
  t.field({
    type: RevealedAuthorType,
    description:
      'Reveals who wrote an anonymous item, to reach a person in danger, to the people Group.anonymousAuthorsRevealableBy names ' +
      "(policy ANONYMOUS_REVEALABLE_IN_CRISIS: the group's professional facilitators and the institution's admins; admins only in a " +
      'peer-led group; nobody under ANONYMOUS; never a service token), only while an open crisis case is about the item, with a ' +
      "reason. Every reveal is an audit log entry with its reason. The answer (the host's externalId, the displayName) is for the " +
      "institution's own records.",
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    args: { input: t.arg({ type: RevealAnonymousAuthorInput, required: true, validate: revealAuthorSchema }) },
    // The gate is the one every moderation mutation has (the group's moderators), so people outside moderation learn
    // nothing, not even whether the item exists. Who among the moderators may reveal is the group's anonymity rule
    // alone, applied by the resolver on the rows it locks (anonymity-policy.ts): a second copy here would drift.
    authScopes: (_root, { input }, context) =>
      moderatedGroupScope(context.db, { caseId: null, subject: input.subjectId as unknown as SubjectRef }),
    resolve: (_root, { input }, context) =>
      revealAnonymousAuthor(context.db, context.viewer, {
        subject: input.subjectId as unknown as SubjectRef,
        caseId: String(input.caseId),
        reason: input.reason,
      }),
  }),
);
