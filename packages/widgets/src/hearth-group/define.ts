import { defineElement } from '../base/define-element.js';
// A group's page holds its composer and its feed.
import '../hearth-composer/define.js';
import '../hearth-feed/define.js';
import { HearthGroup } from './hearth-group.js';

defineElement('hearth-group', HearthGroup);
