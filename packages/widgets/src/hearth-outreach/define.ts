import { defineElement } from '../base/define-element.js';
import { HearthOutreachInbox } from './hearth-outreach-inbox.js';
import { HearthOutreachThread } from './hearth-outreach-thread.js';

defineElement('hearth-outreach-thread', HearthOutreachThread);
defineElement('hearth-outreach-inbox', HearthOutreachInbox);
