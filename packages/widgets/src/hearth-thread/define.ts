import { defineElement } from '../base/define-element.js';
// A thread renders a composer for replies.
import '../hearth-composer/define.js';
import { HearthThread } from './hearth-thread.js';

// <hearth-report-form> is loaded when a reader first opens "Report" (load-report-form.ts).
defineElement('hearth-thread', HearthThread);
