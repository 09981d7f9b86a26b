import { catalog } from '../localization/catalog.js';
import type { GroupFinderMessages } from './hearth-group-finder.messages.en.js';

/** The groupFinder strings; their text is in hearth-group-finder.messages.en.ts and hearth-group-finder.messages.ar.ts, loaded per language. */
export const groupFinderMessages = catalog<GroupFinderMessages>('groupFinderMessages', 'finder');
