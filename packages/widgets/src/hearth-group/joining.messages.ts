import { catalog } from '../localization/catalog.js';
import type { JoiningMessages } from './joining.messages.en.js';

/** The join form's strings, in the `joining` pack: fetched with the form, only by a reader the page offers one. */
export const joiningMessages = catalog<JoiningMessages>('joiningMessages', 'joining');
