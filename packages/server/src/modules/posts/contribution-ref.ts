import { builder } from '../../schema/builder.js';
import type { PostRecord } from './post.queries.js';
import type { ReplyRecord } from './reply.queries.js';

/**
 * The `Contribution` interface's reference, apart from its fields (contribution.types.ts) so that Post and Reply can
 * name it without importing the types its fields use (which import Post and Reply).
 */
export const ContributionInterface = builder.interfaceRef<PostRecord | ReplyRecord>('Contribution');
