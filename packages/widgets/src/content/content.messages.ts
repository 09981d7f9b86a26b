import { catalog } from '../localization/catalog.js';
import type { ContentMessages } from './content.messages.en.js';

/** The content strings; their text is in content.messages.en.ts and content.messages.ar.ts, loaded per language. */
export const contentMessages = catalog<ContentMessages>('contentMessages');
