import { catalog } from '../localization/catalog.js';
import type { JoiningMessages } from './joining.messages.en.js';

/** What a reader who is not a member reads on a group's page, in the `joining` pack: fetched with join-form.ts. */
export const joiningMessages = catalog<JoiningMessages>('joiningMessages', 'joining');
