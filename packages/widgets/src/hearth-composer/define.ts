import { defineElement } from '../base/define-element.js';
import { HearthComposer } from './hearth-composer.js';

defineElement('hearth-composer', HearthComposer);
