/** The group finder's English strings, loaded only on pages that show a finder. */
import groupFinderMessages from '../../hearth-group-finder/hearth-group-finder.messages.en.js';

const pack = { groupFinderMessages };

export type EnglishFinderPack = typeof pack;
export default pack;
