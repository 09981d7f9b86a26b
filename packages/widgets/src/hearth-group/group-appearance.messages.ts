import { catalog } from '../localization/catalog.js';
import type { AppearanceMessages } from './group-appearance.messages.en.js';

/** The appearance choice's strings, in the `writers` pack. */
export const appearanceMessages = catalog<AppearanceMessages>('appearanceMessages', 'writers');
