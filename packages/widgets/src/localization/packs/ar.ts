/**
 * The members' widgets' Arabic strings in one chunk, loaded once per page when the first widget in Arabic needs it
 * (localization/locale-controller.ts); a page in one language never downloads the other, and the finder's and the
 * facilitators' strings come in packs of their own (finder.*.ts, facilitators.*.ts).
 */
import contentMessages from '../../content/content.messages.ar.js';
import composerMessages from '../../hearth-composer/hearth-composer.messages.ar.js';
import feedMessages from '../../hearth-feed/hearth-feed.messages.ar.js';
import groupMessages from '../../hearth-group/hearth-group.messages.ar.js';
import threadMessages from '../../hearth-thread/hearth-thread.messages.ar.js';
import commonMessages from '../../localization/common.messages.ar.js';
import domainMessages from '../../localization/domain.messages.ar.js';
import type { EnglishPack } from './en.js';

// Typed against the English pack: a component whose Arabic strings are missing fails to compile.
const pack: EnglishPack = {
  contentMessages,
  composerMessages,
  feedMessages,
  groupMessages,
  threadMessages,
  commonMessages,
  domainMessages,
};

export default pack;
