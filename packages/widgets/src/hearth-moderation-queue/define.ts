import { defineElement } from '../base/define-element.js';
// A crisis card shows its outreach conversations.
import '../hearth-outreach/define.js';
import { HearthModerationQueue } from './hearth-moderation-queue.js';
import { HearthJoinRequests } from './join-requests.js';
import { HearthModerationItem } from './moderation-item.js';

defineElement('hearth-join-requests', HearthJoinRequests);
defineElement('hearth-moderation-item', HearthModerationItem);
defineElement('hearth-moderation-queue', HearthModerationQueue);
