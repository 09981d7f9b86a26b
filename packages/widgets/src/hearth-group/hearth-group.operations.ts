import { graphql, groupDetailFields, type invitationPreviewQuery, type ResultOf } from '@hearth/client';

/**
 * The group page's one query: the group as `groupQuery` selects it, plus its institution's name for the header
 * and who the API sees (`me`): a token the API does not accept as a member's gets the guest's sign-in prompt,
 * and an institution admin reads the posts of any group.
 */
export const groupPageQuery = /* @__PURE__ */ graphql(
  `
  query GroupPage($id: ID, $slug: String) {
    group(id: $id, slug: $slug) { ...GroupDetailFields institution { name } }
    me { id isInstitutionAdmin }
  }
`,
  [groupDetailFields],
);

export type GroupPage = ResultOf<typeof groupPageQuery>;
export type Group = NonNullable<GroupPage['group']>;
export type Membership = NonNullable<Group['viewerMembership']>;
export type InvitationPreview = NonNullable<ResultOf<typeof invitationPreviewQuery>['invitation']>;

/** What the page shows: the group, or (for a PRIVATE group the reader cannot see yet) where their invitation leads. */
export interface LoadedGroupPage {
  page: GroupPage;
  invitation: InvitationPreview | null;
}
