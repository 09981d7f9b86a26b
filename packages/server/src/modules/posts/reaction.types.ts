import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { viewerMemberId } from '../../auth/viewer.js';
import type { ReactionKind } from '../../db/tables.js';
import { builder, type HearthTypes } from '../../schema/builder.js';
import { contentServicesOf, type HearthContext } from '../../schema/context.js';
import { ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from '../../schema/errors.js';
import { aliasName, memberNameFor } from './author-names.js';
import { conversationAccess } from './post.rules.js';
import { reactSchema } from './post-input.js';
import { PostNode } from './post.types.js';
import type { PostRecord } from './post.queries.js';
import { findReactionTallies, findReactors, type ReactionTally } from './reaction.queries.js';
import { reactionKinds, setReaction } from './reactions.js';
import type { ReplyRecord } from './reply.queries.js';
import { ReplyNode } from './reply.types.js';

export const ReactionKindEnum = builder.enumType('ReactionKind', {
  description: 'Support-shaped reactions, not likes. A member gives each kind at most once per post or reply.',
  values: reactionKinds,
});

export const ReactionCountType = builder.objectRef<{ kind: ReactionKind; count: number }>('ReactionCount').implement({
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
        "The reactor's pseudonym in the group, or their display name. The anonymous author of the item itself, and the anonymous " +
        "writer of the thread's post on anything in their thread, show under their thread alias, so a reaction never ties them to " +
        'what they wrote anonymously.',
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

/** What the reaction fields need of a post or a reply. */
interface Reactable {
  id: string;
  group_id: string;
  anonymous: boolean;
  author_id: string;
  post_id: string;
}

const reactableOfPost = (post: PostRecord): Reactable => ({ ...post, post_id: post.id });

async function reactionCountsOf(context: HearthContext, item: Reactable) {
  const tallies = await reactionTallies(context).load(item.id);
  return reactionKinds.map((kind) => ({ kind, count: tallies.find((tally) => tally.kind === kind)?.count ?? 0 }));
}

async function viewerReactionsOf(context: HearthContext, item: Reactable): Promise<ReactionKind[]> {
  const tallies = await reactionTallies(context).load(item.id);
  return reactionKinds.filter((kind) => tallies.some((tally) => tally.kind === kind && tally.by_reader));
}

/**
 * Who reacted to many items, in one statement; the item's own anonymous author, and the anonymous writer of the
 * thread's post anywhere in their thread, show under their alias (findReactors).
 */
async function loadReactors(items: readonly Reactable[], context: HearthContext, kind: ReactionKind | null): Promise<ReactorView[][]> {
  const rows = await findReactors(context.db, {
    items: items.map((item) => ({ id: item.id, postId: item.post_id, anonymousAuthorId: item.anonymous ? item.author_id : null })),
    kind,
    limit: 100,
  });
  const readers = await Promise.all(items.map(async (item) => (await conversationAccess(context.access, item.group_id)).names));
  return items.map((item, index) =>
    rows
      .filter((row) => row.subject_id === item.id)
      .map((row) => ({
        kind: row.kind,
        name: row.under_alias
          ? aliasName(row.alias_number)
          : memberNameFor({ pseudonym: row.pseudonym, displayName: row.display_name, appearance: row.appearance }, readers[index]!),
      })),
  );
}

const reactionDescriptions = {
  reactionCounts: 'How many gave each kind, every kind listed (0 included) in a fixed order.',
  viewerReactions: 'The kinds the viewer gave.',
  reactions: "Who reacted (at most 100 per kind, earliest first). The group's members and admins only; null to others.",
};

/** Members of the group (in force) and its facilitators and admins see who reacted; guests and outsiders don't. */
const groupMembersOnly = (item: { group_id: string }) => ({ groupMember: item.group_id, groupFacilitator: item.group_id });

/** The reaction fields of a post or a reply, one definition for both (each reaches its Reactable its own way). */
function reactionFields<Item>(reactableOf: (item: Item) => Reactable) {
  return (t: PothosSchemaTypes.ObjectFieldBuilder<HearthTypes, Item>) => ({
    reactionCounts: t.field({
      type: [ReactionCountType],
      description: reactionDescriptions.reactionCounts,
      resolve: (item, _args, context) => reactionCountsOf(context, reactableOf(item)),
    }),
    viewerReactions: t.field({
      type: [ReactionKindEnum],
      description: reactionDescriptions.viewerReactions,
      resolve: (item, _args, context) => viewerReactionsOf(context, reactableOf(item)),
    }),
    reactions: t.loadableList({
      type: ReactionType,
      nullable: true,
      byPath: true,
      description: reactionDescriptions.reactions,
      args: { kind: t.arg({ type: ReactionKindEnum }) },
      authScopes: (item) => groupMembersOnly(reactableOf(item)),
      unauthorizedResolver: () => null,
      load: (items: Reactable[], context, args) => loadReactors(items, context, args.kind ?? null),
      resolve: (item) => reactableOf(item),
    }),
  });
}

builder.objectFields(PostNode, reactionFields(reactableOfPost));
builder.objectFields(ReplyNode, reactionFields((reply: ReplyRecord): Reactable => reply));

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
      await setReaction(context.db, context.access, subject.type, item, input.kind, input.on, contentServicesOf(context));
      forgetReactionTallies(context, subject.id);
      return item!;
    },
  }),
);
