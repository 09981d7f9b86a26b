/** The group finder's Arabic strings, loaded only on pages that show a finder. */
import groupFinderMessages from '../../hearth-group-finder/hearth-group-finder.messages.ar.js';
import type { EnglishFinderPack } from './finder.en.js';

const pack: EnglishFinderPack = { groupFinderMessages };

export default pack;
