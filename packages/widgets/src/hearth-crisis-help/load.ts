import { loadLanguage } from '../localization/locale-controller.js';

let loading: Promise<unknown> | undefined;

/**
 * Fetches the crisis help element and its strings (the `writers` pack), once: the composer asks when a member
 * starts writing, the thread when a reporter picks a reason that says someone is in danger. A failure is tried
 * again at the next call.
 */
export function loadCrisisHelp(locale: string): Promise<unknown> {
  loading ??= Promise.all([import('./define.js'), loadLanguage(locale, 'writers')]).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
