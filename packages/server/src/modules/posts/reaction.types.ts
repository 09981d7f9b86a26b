import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { viewerMemberId } from '../../auth/viewer.js';
import type { ReactionKind } from '../../db/tables.js';
import { builder } from '../../schema/builder.js';
import type { HearthContext } from '../../schema/context.js';
import { ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from '../../schema/errors.js';
import { aliasName, memberNameInGroup } from './author-names.js';
import { reactSchema } from './post-input.js';
import { PostNode } from './post.types.js';
import type { PostRecord } from './post.queries.js';
import { findReactionTallies, findReactors, type ReactionTally } from './reaction.queries.js';
import { reactionKinds, setReaction } from './reactions.js';
import { ReplyNode } from './reply.types.js';
import type { ReplyRecord } from './reply.queries.js';

export const ReactionKindEnum = builder.enumType('ReactionKind', {
  description: 'Support-shaped reactions, not likes. A member gives each kind at most once per post or reply.',
  values: reactionKinds,
});

const ReactionCountType = builder.objectRef<{ kind: ReactionKind; count: number }>('ReactionCount').implement({
  fields: (t) => ({
    kind: t.field({ type: ReactionKindEnum, resolve: (tally) => tally.kind }),
    count: t.exposeInt('count'),
  }),
});

interface ReactorView {
  kind: ReactionKind;
  name: string;
}

const ReactionType = builder.objectRef<ReactorView>('Reaction').implement({
  description: 'Who reacted, by the name they go by in the group.',
  fields: (t) => ({
    kind: t.field({ type: ReactionKindEnum, resolve: (reaction) => reaction.kind }),
    name: t.exposeString('name', {
      description:
        "The reactor's pseudonym in the group, or their display name. The anonymous author of the item itself shows under their " +
        'thread alias, so a reaction never ties them to what they wrote anonymously.',
    }),
  }),
});

/** Counts per kind and the viewer's own kinds, for every post and reply of a response, from one statement. */
const reactionTallies = createContextCache(
  (context: HearthContext) =>
    new DataLoader<string, ReactionTally[]>(async (subjectIds) => {
      const tallies = await findReactionTallies(context.db, subjectIds, viewerMemberId(context.viewer));
      return subjectIds.map((id) => tallies.filter((tally) => tally.subject_id === id));
    }),
);

/** After a reaction changes, the rest of the request must read the new counts. */
export function forgetReactionTallies(context: HearthContext, subjectId: string): void {
  reactionTallies(context).clear(subjectId);
}

type Reactable = { id: string; group_id: string; anonymous: boolean; author_id: string; post_id: string };

const reactableOfPost = (post: PostRecord): Reactable => ({ ...post, post_id: post.id });
const reactableOfReply = (reply: ReplyRecord): Reactable => reply;

/** The reaction fields, the same on posts and replies. */
function reactionFields(t: any, toReactable: (item: any) => Reactable) {
  return {
    reactionCounts: t.field({
      type: [ReactionCountType],
      description: 'How many gave each kind, every kind listed (0 included) in a fixed order.',
      resolve: async (item: any, _args: unknown, context: HearthContext) => {
        const tallies = await reactionTallies(context).load(item.id);
        return reactionKinds.map((kind) => ({ kind, count: tallies.find((tally) => tally.kind === kind)?.count ?? 0 }));
      },
    }),
    viewerReactions: t.field({
      type: [ReactionKindEnum],
      description: 'The kinds the viewer gave.',
      resolve: async (item: any, _args: unknown, context: HearthContext) => {
        const tallies = await reactionTallies(context).load(item.id);
        return reactionKinds.filter((kind) => tallies.some((tally) => tally.kind === kind && tally.by_reader));
      },
    }),
    reactions: t.loadableList({
      type: ReactionType,
      nullable: true,
      byPath: true,
      description: "Who reacted (at most 100 per kind, earliest first). The group's members and admins only; null to others.",
      args: { kind: t.arg({ type: ReactionKindEnum }) },
      authScopes: (item: any) => ({ groupMember: item.group_id, groupFacilitator: item.group_id }),
      unauthorizedResolver: () => null,
      load: async (items: Reactable[], context: HearthContext, args: { kind?: ReactionKind | null }) => {
        const rows = await findReactors(context.db, {
          items: items.map((item) => ({ id: item.id, postId: item.post_id, anonymousAuthorId: item.anonymous ? item.author_id : null })),
          kind: args.kind ?? null,
          limit: 100,
        });
        return items.map((item) =>
          rows
            .filter((row) => row.subject_id === item.id)
            .map((row) => ({
              kind: row.kind,
              name: row.member_id === item.author_id && item.anonymous ? aliasName(row.own_item_alias) : memberNameInGroup(row.pseudonym, row.display_name),
            })),
        );
      },
      resolve: (item: any) => toReactable(item),
    }),
  };
}

builder.objectFields(PostNode, (t) => reactionFields(t, reactableOfPost));
builder.objectFields(ReplyNode, (t) => reactionFields(t, reactableOfReply));

const ReactInput = builder.inputType('ReactInput', {
  fields: (t) => ({
    subjectId: t.id({ required: true, description: 'A Post or a Reply.' }),
    kind: t.field({ type: ReactionKindEnum, required: true }),
    on: t.boolean({ required: true, description: 'true gives the reaction (again: no change), false takes it back.' }),
  }),
});

const ReactResult = builder.errorUnion('ReactResult', {
  types: [PostNode, ReplyNode, ValidationError, ForbiddenError, NotFoundError, RateLimitedError],
});

builder.mutationField('react', (t) =>
  t.field({
    type: ReactResult,
    description: 'Gives or takes back a reaction on a published post or reply. Active members of its group only; returns the item.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReactInput, required: true, validate: reactSchema }) },
    resolve: async (_root, { input }, context) => {
      const subject = input.subjectId as unknown as { type: 'POST' | 'REPLY'; id: string };
      const item =
        subject.type === 'POST'
          ? await PostNode.getDataloader(context).load(subject.id)
          : await ReplyNode.getDataloader(context).load(subject.id);
      await setReaction(context, subject.type, item, input.kind, input.on);
      forgetReactionTallies(context, subject.id);
      return item!;
    },
  }),
);
