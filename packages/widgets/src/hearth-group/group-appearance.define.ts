import { defineElement } from '../base/define-element.js';
import { HearthGroupAppearance } from './group-appearance.js';

defineElement('hearth-group-appearance', HearthGroupAppearance);
