import { defineElement } from './base/define-element.js';
import { HearthGroupFinder } from './hearth-group-finder/hearth-group-finder.js';
import { HearthGroup } from './hearth-group/hearth-group.js';
import { HearthGroupAppearance } from './hearth-group/group-appearance.js';
import { HearthComposer } from './hearth-composer/hearth-composer.js';
import { HearthCrisisHelp } from './hearth-crisis-help/hearth-crisis-help.js';
import { HearthModerationQueue } from './hearth-moderation-queue/hearth-moderation-queue.js';
import { HearthJoinRequests } from './hearth-moderation-queue/join-requests.js';
import { HearthModerationItem } from './hearth-moderation-queue/moderation-item.js';
import { HearthProvider } from './hearth-provider/hearth-provider.js';
import { HearthFeed } from './hearth-feed/hearth-feed.js';
import { HearthThread } from './hearth-thread/hearth-thread.js';
import { HearthReportForm } from './hearth-thread/report-form.js';
import { HearthOutreachInbox } from './hearth-outreach/hearth-outreach-inbox.js';
import { HearthOutreachThread } from './hearth-outreach/hearth-outreach-thread.js';

/** Every element the bundle defines, by tag. */
export const hearthElements = {
  'hearth-provider': HearthProvider,
  'hearth-group-finder': HearthGroupFinder,
  'hearth-group': HearthGroup,
  'hearth-group-appearance': HearthGroupAppearance,
  'hearth-composer': HearthComposer,
  'hearth-crisis-help': HearthCrisisHelp,
  'hearth-moderation-queue': HearthModerationQueue,
  'hearth-join-requests': HearthJoinRequests,
  'hearth-moderation-item': HearthModerationItem,
  'hearth-feed': HearthFeed,
  'hearth-thread': HearthThread,
  'hearth-report-form': HearthReportForm,
  'hearth-outreach-inbox': HearthOutreachInbox,
  'hearth-outreach-thread': HearthOutreachThread,
} as const;

/**
 * Defines every element that is not defined yet, for applications that bundle the package themselves (the
 * script-tag bundle loads each element when the page first shows it instead: hearth.ts).
 */
export function defineHearthElements(): void {
  for (const [tag, element] of Object.entries(hearthElements)) defineElement(tag, element);
}
