import { catalog } from '../localization/catalog.js';
import type { ThreadMessages } from './hearth-thread.messages.en.js';

/** The thread strings; their text is in hearth-thread.messages.en.ts and hearth-thread.messages.ar.ts, loaded per language. */
export const threadMessages = catalog<ThreadMessages>('threadMessages');
