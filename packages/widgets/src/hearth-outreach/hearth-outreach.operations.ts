import { graphql, outreachThreadFields, type ResultOf } from '@hearth/client';

/**
 * Outreach: private threads between a group's facilitators and the writer of a flagged post, who stays anonymous
 * to them (the writer's side is always the thread's alias). The documents are the SDK's own; the widgets add the
 * one the crisis card needs (the threads of one moderation item).
 */
export { contactFacilitatorsMutation, outreachThreadsQuery, replyToOutreachMutation, startOutreachMutation } from '@hearth/client';

export type OutreachThread = ResultOf<typeof outreachThreadFields>;
export type OutreachMessage = OutreachThread['messages']['edges'][number]['node'];
export type OutreachSide = OutreachMessage['from'];

/** The outreach conversations about one moderation item (a crisis card's). */
export const caseOutreachQuery = /* @__PURE__ */ graphql(
  `
  query CaseOutreach($id: ID!) {
    node(id: $id) { __typename ... on ModerationItem { id outreachThreads { ...OutreachThreadFields } } }
  }
`,
  [outreachThreadFields],
);
