import { builder } from '../../schema/builder.js';
import { MemberNode } from '../members/member.types.js';
import { ContributionInterface } from './contribution-ref.js';
import { ContentWarningKindEnum, CrisisVisibilityEnum } from './crisis-visibility.types.js';
import { ContentEditType, PostStatusEnum } from './post.types.js';
import { ReactionCountType, ReactionKindEnum } from './reaction.types.js';

/**
 * What a post and a reply share, as one interface, so that a client reads both with one fragment. Post and Reply
 * resolve each field themselves (post.types.ts, reply.types.ts, crisis-visibility.types.ts, reaction.types.ts);
 * this declares the contract they keep.
 */
ContributionInterface.implement({
  description: 'What posts and replies share: the body and its warning, the author as the viewer may see them, the reactions.',
  fields: (t) => ({
    body: t.string({ description: 'As written: plain text with a small Markdown subset (see bodyHtml), or a tombstone mark.' }),
    bodyHtml: t.string({ description: 'The body rendered to safe HTML (see Post.bodyHtml).' }),
    contentWarning: t.string({ nullable: true, description: "The writer's own warning, or on an item in crisis the automatic one." }),
    contentWarningKind: t.field({ type: ContentWarningKindEnum, nullable: true, description: 'Whose warning contentWarning is.' }),
    viewerCrisisVisibility: t.field({ type: CrisisVisibilityEnum, nullable: true, description: "The writer's choice for their item in crisis." }),
    anonymous: t.boolean(),
    author: t.field({ type: MemberNode, nullable: true, description: 'Null when anonymous (except to the author), for tombstones, and to anyone who may not see the profile.' }),
    authorName: t.string({ description: 'The thread alias, the pseudonym in this group, a display name the member chose, "Member", or a tombstone mark.' }),
    viewerIsAuthor: t.boolean(),
    createdAt: t.field({ type: 'DateTime', description: 'Whole seconds.' }),
    editedAt: t.field({ type: 'DateTime', nullable: true }),
    status: t.field({ type: PostStatusEnum }),
    editHistory: t.field({ type: [ContentEditType], nullable: true, description: "Earlier versions: the group's facilitators and the institution's admins only." }),
    reactionCounts: t.field({ type: [ReactionCountType], description: 'How many gave each kind, every kind listed.' }),
    viewerReactions: t.field({ type: [ReactionKindEnum], description: 'The kinds the viewer gave.' }),
  }),
});
