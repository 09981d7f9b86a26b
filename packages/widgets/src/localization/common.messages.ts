import { catalog } from './catalog.js';
import type { CommonMessages } from './common.messages.en.js';

/** The common strings; their text is in common.messages.en.ts and common.messages.ar.ts, loaded per language. */
export const commonMessages = catalog<CommonMessages>('commonMessages');
