/**
 * @hearth/widgets — Lit web components for Hearth. Importing this module defines the elements (once per page,
 * whatever the number of copies) and exports their classes and `configure` for applications that bundle them.
 */
import { defineHearthElements } from './register.js';

export { configure, type HearthOptions, type TokenSource } from './configuration/hearth-options.js';
export { HearthProvider } from './hearth-provider/hearth-provider.js';
export { HearthGroupFinder } from './hearth-group-finder/hearth-group-finder.js';
export { HearthGroup } from './hearth-group/hearth-group.js';
export { HearthGroupAppearance, type GroupAppearanceValue } from './hearth-group/group-appearance.js';
export { HearthComposer } from './hearth-composer/hearth-composer.js';
export { HearthCrisisHelp, type CrisisSubject } from './hearth-crisis-help/hearth-crisis-help.js';
export { HearthModerationQueue } from './hearth-moderation-queue/hearth-moderation-queue.js';
export { HearthJoinRequests } from './hearth-moderation-queue/join-requests.js';
export { HearthModerationItem } from './hearth-moderation-queue/moderation-item.js';
export { HearthFeed } from './hearth-feed/hearth-feed.js';
export { HearthThread } from './hearth-thread/hearth-thread.js';
export { HearthReportForm, type ReportOutcome, type ReportSentDetail } from './hearth-thread/report-form.js';
export { HearthOutreachInbox } from './hearth-outreach/hearth-outreach-inbox.js';
export { HearthOutreachThread } from './hearth-outreach/hearth-outreach-thread.js';
export type * from './base/hearth-events.js';
export { hearthElements, defineHearthElements } from './register.js';

defineHearthElements();
