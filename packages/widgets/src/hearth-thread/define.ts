import { defineElement } from '../base/define-element.js';
// A thread renders a composer for replies.
import '../hearth-composer/define.js';
import { HearthThread } from './hearth-thread.js';
import { HearthReportForm } from './report-form.js';

defineElement('hearth-report-form', HearthReportForm);
defineElement('hearth-thread', HearthThread);
