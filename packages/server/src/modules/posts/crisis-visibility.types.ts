import { z } from 'zod';
import type { CrisisVisibility } from '../../db/tables.js';
import { builder, type HearthTypes } from '../../schema/builder.js';
import type { HearthContext } from '../../schema/context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.js';
import { chooseCrisisVisibility, type CrisisItem } from './crisis-visibility.js';
import { postOrReplyId } from './post-input.js';
import type { PostRecord } from './post.queries.js';
import { itemView, PostNode, viewerContentWarning } from './post.types.js';
import type { ReplyRecord } from './reply.queries.js';
import { ReplyNode } from './reply.types.js';

/**
 * The schema of crisis-visibility.ts: which warning a reader sees on a post or reply, the writer's choice for
 * their own item in crisis, and the mutation that makes it.
 */
export const CrisisVisibilityEnum = builder.enumType('CrisisVisibility', {
  description:
    "The writer's choice for their own post or reply in crisis. WITH_WARNING (the default): published behind the automatic " +
    'content warning. VISIBLE: published without it. FACILITATORS_ONLY: only the writer and the group\'s facilitators see it.',
  values: ['WITH_WARNING', 'VISIBLE', 'FACILITATORS_ONLY'] as const,
});

export const ContentWarningKindEnum = builder.enumType('ContentWarningKind', {
  description: "AUTHOR: the writer's own warning. CRISIS: the automatic one on an item the content pipeline flagged for crisis.",
  values: ['AUTHOR', 'CRISIS'] as const,
});

type Item = (PostRecord | ReplyRecord) & CrisisItem;

function crisisFields(type: 'POST' | 'REPLY') {
  return (t: PothosSchemaTypes.ObjectFieldBuilder<HearthTypes, Item>) => ({
    contentWarningKind: t.field({
      type: ContentWarningKindEnum,
      nullable: true,
      description: 'Whose warning contentWarning is: the writer\'s, or the automatic one on an item in crisis; null without a warning.',
      resolve: async (item: Item, _args: unknown, context: HearthContext) => (await viewerContentWarning(context, item, type))?.kind ?? null,
    }),
    viewerCrisisVisibility: t.field({
      type: CrisisVisibilityEnum,
      nullable: true,
      description: "The writer's choice for their item in crisis, to its writer alone (null to everyone else, and on items not in crisis).",
      resolve: async (item: Item, _args: unknown, context: HearthContext) =>
        item.crisis && (await itemView(context, item)).viewerIsAuthor ? item.crisis_visibility : null,
    }),
  });
}

builder.objectFields(PostNode, crisisFields('POST'));
builder.objectFields(ReplyNode, crisisFields('REPLY'));

const SetCrisisItemVisibilityInput = builder.inputType('SetCrisisItemVisibilityInput', {
  fields: (t) => ({
    subjectId: t.id({ required: true, description: "The viewer's own Post or Reply, flagged for crisis." }),
    visibility: t.field({ type: CrisisVisibilityEnum, required: true }),
  }),
});

const SetCrisisItemVisibilityResult = builder.errorUnion('SetCrisisItemVisibilityResult', {
  types: [PostNode, ReplyNode, ValidationError, ForbiddenError, NotFoundError],
});

builder.mutationField('setCrisisItemVisibility', (t) =>
  t.field({
    type: SetCrisisItemVisibilityResult,
    description:
      'The writer of a post or reply in crisis chooses who sees it: behind the automatic warning (the default), without it, or the ' +
      "group's facilitators only. Its writer only; returns the item as the writer now sees it.",
    authScopes: { signedIn: true },
    args: {
      input: t.arg({ type: SetCrisisItemVisibilityInput, required: true, validate: z.looseObject({ subjectId: postOrReplyId }) }),
    },
    resolve: async (_root, { input }, context) => {
      const subject = input.subjectId as unknown as { type: 'POST' | 'REPLY'; id: string };
      const loader = subject.type === 'POST' ? PostNode.getDataloader(context) : ReplyNode.getDataloader(context);
      const item = (await loader.load(subject.id)) as Item | null;
      await chooseCrisisVisibility(context.db, context.viewer, subject, item, input.visibility as CrisisVisibility);
      loader.clear(subject.id);
      return (await loader.load(subject.id))!;
    },
  }),
);
