import type { GroupRow } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import type { HearthContext } from '../../schema/context.js';
import { GroupNode } from '../groups/group.types.js';
import { anonymityRevealers, anonymousAuthorsRevealableBy, mayRevealAuthors, type RevealActor } from './anonymity-policy.js';

export const AnonymityRevealersEnum = builder.enumType('AnonymityRevealers', {
  description:
    'Who may reveal the author of an anonymous post or reply of a group, only while handling an open crisis case about it, with a ' +
    "reason, in the audit log: NOBODY (policy ANONYMOUS, or DISABLED), ADMINS (the institution's admins: a peer-led group with policy " +
    "ANONYMOUS_REVEALABLE_IN_CRISIS), FACILITATORS_AND_ADMINS (the group's professional facilitators and the institution's admins: " +
    'a professional group with that policy). Widgets render their sentence about who can see an anonymous author from this value.',
  values: anonymityRevealers,
});

/** The viewer's standing as the anonymity rule reads it, from the request's cached access (no extra query per item). */
export async function viewerRevealActor(context: HearthContext, group: GroupRow): Promise<RevealActor> {
  return {
    isService: context.viewer.kind === 'service',
    managesInstitution: context.access.managesInstitution(group.institution_id),
    role: await context.access.activeRole(group.id),
  };
}

builder.objectFields(GroupNode, (t) => ({
  anonymousAuthorsRevealableBy: t.field({
    type: AnonymityRevealersEnum,
    description:
      "Who may reveal an anonymous author here: the one rule revealAnonymousAuthor applies, so the group header, the composer and the docs " +
      'say the same thing.',
    resolve: (group) => anonymousAuthorsRevealableBy(group),
  }),
  viewerCanReveal: t.boolean({
    description:
      'Whether the viewer is among anonymousAuthorsRevealableBy (in an open crisis case, with a reason). ModerationItem.viewerCanReveal says it for one item.',
    resolve: async (group, _args, context) => mayRevealAuthors(group, await viewerRevealActor(context, group)),
  }),
}));
