import { builder } from '../../schema/builder.js';
import { GroupNode } from '../groups/group.types.js';
import { anonymityRevealers, anonymousAuthorsRevealableBy, mayRevealAuthors } from './anonymity-policy.js';

export const AnonymityRevealersEnum = builder.enumType('AnonymityRevealers', {
  description:
    'Who may reveal the author of an anonymous post or reply of a group, only while handling an open crisis case about it, with a ' +
    "reason, in the audit log: NOBODY (policy ANONYMOUS), ADMINS (the institution's admins: a peer-led group with policy " +
    "ANONYMOUS_REVEALABLE_IN_CRISIS), FACILITATORS_AND_ADMINS (the group's professional facilitators and the institution's admins).",
  values: anonymityRevealers,
});

builder.objectFields(GroupNode, (t) => ({
  anonymousAuthorsRevealableBy: t.field({
    type: AnonymityRevealersEnum,
    description: "Who may reveal an anonymous author here: the one rule the API's reveal applies, for texts to say the same.",
    resolve: (group) => anonymousAuthorsRevealableBy(group),
  }),
  viewerCanReveal: t.boolean({
    description: 'Whether the viewer may reveal anonymous authors of this group (in an open crisis case, with a reason).',
    resolve: async (group, _args, context) =>
      mayRevealAuthors(group, {
        isService: context.viewer.kind === 'service',
        managesInstitution: context.access.managesInstitution(group.institution_id),
        role: await context.access.activeRole(group.id),
      }),
  }),
}));
