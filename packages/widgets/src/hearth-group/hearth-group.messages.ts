import { catalog } from '../localization/catalog.js';
import type { GroupMessages } from './hearth-group.messages.en.js';

/** The group strings; their text is in hearth-group.messages.en.ts and hearth-group.messages.ar.ts, loaded per language. */
export const groupMessages = catalog<GroupMessages>('groupMessages');
