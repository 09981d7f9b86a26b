import { loadLanguage } from '../localization/locale-controller.js';

let loading: Promise<unknown> | undefined;

/**
 * Fetches `<hearth-report-form>` and its strings (the `writers` pack) the first time a reader opens "Report": most
 * readers never report, so neither is part of what a conversation page downloads. A failure is tried again next time.
 */
export function loadReportForm(locale: string): Promise<unknown> {
  loading ??= Promise.all([import('./report-form.define.js'), loadLanguage(locale, 'writers')]).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
