import { catalog } from '../localization/catalog.js';
import type { ComposerMessages } from './hearth-composer.messages.en.js';

/** The composer strings; their text is in hearth-composer.messages.en.ts and hearth-composer.messages.ar.ts, loaded per language. */
export const composerMessages = catalog<ComposerMessages>('composerMessages');
