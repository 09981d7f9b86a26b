import { catalog } from '../localization/catalog.js';
import type { OutreachMessages } from './hearth-outreach.messages.en.js';

/** The outreach strings, in the `writers` pack (loaded with the outreach elements, not with every page). */
export const outreachMessages = catalog<OutreachMessages>('outreachMessages', 'writers');
