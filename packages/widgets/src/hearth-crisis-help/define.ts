import { defineElement } from '../base/define-element.js';
import { HearthCrisisHelp } from './hearth-crisis-help.js';

defineElement('hearth-crisis-help', HearthCrisisHelp);
