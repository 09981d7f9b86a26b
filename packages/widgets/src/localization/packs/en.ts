/**
 * The members' widgets' English strings in one chunk, loaded once per page when the first widget in English needs it
 * (localization/locale-controller.ts); a page in one language never downloads the other, and the finder's and the
 * facilitators' strings come in packs of their own (finder.*.ts, facilitators.*.ts).
 */
import contentMessages from '../../content/content.messages.en.js';
import composerMessages from '../../hearth-composer/hearth-composer.messages.en.js';
import feedMessages from '../../hearth-feed/hearth-feed.messages.en.js';
import groupMessages from '../../hearth-group/hearth-group.messages.en.js';
import threadMessages from '../../hearth-thread/hearth-thread.messages.en.js';
import commonMessages from '../../localization/common.messages.en.js';
import domainMessages from '../../localization/domain.messages.en.js';

const pack = {
  contentMessages,
  composerMessages,
  feedMessages,
  groupMessages,
  threadMessages,
  commonMessages,
  domainMessages,
};

export type EnglishPack = typeof pack;
export default pack;
