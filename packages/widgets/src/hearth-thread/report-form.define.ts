import { defineElement } from '../base/define-element.js';
import { HearthReportForm } from './report-form.js';

defineElement('hearth-report-form', HearthReportForm);
