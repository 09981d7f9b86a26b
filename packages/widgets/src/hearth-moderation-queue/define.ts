import { defineElement } from '../base/define-element.js';
import { HearthModerationQueue } from './hearth-moderation-queue.js';

defineElement('hearth-moderation-queue', HearthModerationQueue);
