import { catalog } from '../localization/catalog.js';
import type { ReportFormMessages } from './report-form.messages.en.js';

/** The report form's strings and the report reasons, in the `writers` pack (with the crisis help it can show). */
export const reportFormMessages = catalog<ReportFormMessages>('reportFormMessages', 'writers');
