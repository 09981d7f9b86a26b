import { defineElement } from '../base/define-element.js';
import { HearthGroupFinder } from './hearth-group-finder.js';

defineElement('hearth-group-finder', HearthGroupFinder);
