import { catalog } from '../localization/catalog.js';
import type { CrisisHelpMessages } from './hearth-crisis-help.messages.en.js';

/** The crisis help panel's strings, in the `writers` pack (loaded when a member starts writing). */
export const crisisHelpMessages = catalog<CrisisHelpMessages>('crisisHelpMessages', 'writers');
