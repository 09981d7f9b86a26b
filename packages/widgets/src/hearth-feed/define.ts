import { defineElement } from '../base/define-element.js';
// A feed opens threads in place; it loads their code when a reader first opens one.
import { HearthFeed } from './hearth-feed.js';

defineElement('hearth-feed', HearthFeed);
