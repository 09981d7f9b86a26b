/**
 * The members' widgets' English strings in one chunk, loaded once per page when the first widget in English needs it
 * (localization/locale-controller.ts); a page in one language never downloads the other, and the facilitators'
 * strings come in a pack of their own (facilitators.*.ts).
 */
import contentMessages from '../../content/content.messages.en.js';
import composerMessages from '../../hearth-composer/hearth-composer.messages.en.js';
import feedMessages from '../../hearth-feed/hearth-feed.messages.en.js';
import groupFinderMessages from '../../hearth-group-finder/hearth-group-finder.messages.en.js';
import groupMessages from '../../hearth-group/hearth-group.messages.en.js';
import threadMessages from '../../hearth-thread/hearth-thread.messages.en.js';
import commonMessages from '../../localization/common.messages.en.js';
import domainMessages from '../../localization/domain.messages.en.js';

const pack = {
  contentMessages,
  composerMessages,
  feedMessages,
  groupFinderMessages,
  groupMessages,
  threadMessages,
  commonMessages,
  domainMessages,
};

export type EnglishPack = typeof pack;
export default pack;
