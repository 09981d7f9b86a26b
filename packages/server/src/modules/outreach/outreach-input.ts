import { z } from 'zod';
import { globalIdOf } from '../../schema/global-ids.js';
import { contentRules, postOrReplyId } from '../posts/post-input.js';

/** The input rules of the outreach mutations: bodies follow the rules of a reply's body (length, invisible characters). */
export const startOutreachSchema = z.looseObject({ subjectId: postOrReplyId, body: contentRules.body });
export const replyToOutreachSchema = z.looseObject({ threadId: globalIdOf('OutreachThread'), body: contentRules.body });
export const contactFacilitatorsSchema = z.looseObject({ groupId: globalIdOf('Group'), body: contentRules.body, subjectId: postOrReplyId.nullish() });
