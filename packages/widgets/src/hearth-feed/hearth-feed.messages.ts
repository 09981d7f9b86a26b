import { catalog } from '../localization/catalog.js';
import type { FeedMessages } from './hearth-feed.messages.en.js';

/** The feed strings; their text is in hearth-feed.messages.en.ts and hearth-feed.messages.ar.ts, loaded per language. */
export const feedMessages = catalog<FeedMessages>('feedMessages');
