import { catalog } from '../localization/catalog.js';
import type { ModerationQueueMessages } from './hearth-moderation-queue.messages.en.js';

/** The moderationQueue strings; their text is in hearth-moderation-queue.messages.en.ts and hearth-moderation-queue.messages.ar.ts, loaded per language. */
export const moderationQueueMessages = catalog<ModerationQueueMessages>('moderationQueueMessages', 'facilitators');
