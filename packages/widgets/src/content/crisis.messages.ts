import { catalog } from '../localization/catalog.js';
import type { CrisisMessages } from './crisis.messages.en.js';

/** The crisis help strings; their text is in crisis.messages.en.ts and crisis.messages.ar.ts, loaded per language. */
export const crisisMessages = catalog<CrisisMessages>('crisisMessages');
