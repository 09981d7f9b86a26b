import { loadLanguage } from '../localization/locale-controller.js';

export type JoinFormModule = typeof import('./join-form.js');

let module: JoinFormModule | undefined;
let loading: Promise<JoinFormModule> | undefined;

/** The join form's code once fetched. */
export function joinFormModule(): JoinFormModule | undefined {
  return module;
}

/**
 * Fetches the join form and the card of a reader who is not a member (join-form.ts, join-submit.ts) with their
 * strings (the `joining` pack) the first time a group page shows such a reader: a member never needs either. The strings come in the
 * reader's language each time it is asked for (once per language). A failure is tried again next time.
 */
export function loadJoinForm(locale: string): Promise<JoinFormModule> {
  loading ??= import('./join-form.js').then(
    (loaded) => (module = loaded),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return Promise.all([loading, loadLanguage(locale, 'joining')]).then(([loaded]) => loaded);
}
