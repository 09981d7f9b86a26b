import { builder } from '../../schema/builder.js';
import { readPageRequest } from '../../schema/keyset-pagination.js';
import { FacilitationEnum, GroupFormatEnum, GroupNode, JoinPolicyEnum } from '../groups/group.types.js';
import { MembershipStatusEnum } from '../memberships/membership.types.js';
import { groupFilterSchema, maxFilterItems, maxSearchTextLength } from './group-filter.js';
import { CrisisResourceType } from '../crisis-resources/crisis-resource.types.js';
import { listGroups } from './group-listing.js';
import { crisisResourcesForSearch, type GroupSearch } from './search-crisis-help.js';

const GroupFilter = builder.inputType('GroupFilter', {
  description: 'What to look for. Filters combine with AND; the items of one list combine with OR.',
  fields: (t) => ({
    text: t.string({
      description:
        `Words to find in names, topics and descriptions, in Arabic or English (at most ${maxSearchTextLength} characters). ` +
        'Spelling variants and small typos still match. Results are ordered by relevance when given, by name otherwise.',
    }),
    topics: t.stringList({ description: `Groups with any of these topics (at most ${maxFilterItems}).` }),
    languages: t.stringList({ description: 'Groups held in any of these languages; "ar" also finds groups in "ar-EG".' }),
    facilitation: t.field({ type: FacilitationEnum }),
    formats: t.field({ type: [GroupFormatEnum], description: 'Groups that meet in any of these formats.' }),
    joinPolicies: t.field({ type: [JoinPolicyEnum] }),
    acceptingMembers: t.boolean({ description: 'true: groups with a free seat (not archived, not full); false: full groups.' }),
    viewerMembership: t.field({
      type: [MembershipStatusEnum],
      description:
        "Only groups where the viewer's own membership has one of these statuses: \"My groups\" is [ACTIVE, PENDING, WAITLISTED, SUSPENDED] " +
        "(an unlisted group the viewer belongs to is included). A guest, or a viewer from another institution, gets none.",
    }),
    institution: t.string({
      description:
        "The slug of the institution to search; defaults to the viewer's own (token) or the X-Hearth-Institution header's. " +
        "In another institution than their own, a viewer finds its public groups only, as a guest would.",
    }),
  }),
});

/** The connection as listGroups returns it: the page, and the search it answers (for crisisResources). */
function searchOf(connection: object): GroupSearch | null {
  return 'search' in connection ? (connection.search as GroupSearch) : null;
}

/** Groups as a Relay connection; shared by any field that lists groups. */
export const GroupConnection = builder.connectionObject(
  {
    type: GroupNode,
    name: 'GroupConnection',
    fields: (t) => ({
      crisisResources: t.field({
        type: [CrisisResourceType],
        description:
          'Where to get help now, when the search text (filter.text) is crisis language by the same detector posts ' +
          "pass: the searched institution's crisis resources for the viewer's locale (a guest searching in Arabic gets " +
          'Arabic ones). Empty otherwise. Show them above the results.',
        resolve: (connection, _args, context) => {
          const search = searchOf(connection);
          return search ? crisisResourcesForSearch(context.db, context.viewer, search) : [];
        },
      }),
    }),
  },
  { name: 'GroupEdge' },
);

builder.queryField('groups', (t) =>
  t.connection(
    {
      type: GroupNode,
      description:
        "Finds groups in one institution. Guests find its public groups; members also the private groups they belong to; " +
        "the institution's admins every group. Unlisted groups are found by direct link only (group(slug:), node(id:)).",
      args: { filter: t.arg({ type: GroupFilter, validate: groupFilterSchema }) },
      resolve: (_root, args, context) => listGroups(context.db, context.access, args.filter, readPageRequest(args)),
    },
    GroupConnection,
  ),
);
