import { loadLanguage } from '../localization/locale-controller.js';

export type JoinFormModule = typeof import('./join-form.js');

let module: JoinFormModule | undefined;
let loading: Promise<JoinFormModule> | undefined;

/** The join form's code once fetched. */
export function joinFormModule(): JoinFormModule | undefined {
  return module;
}

/**
 * Fetches the join form (join-form.ts and join-submit.ts) and its strings (the `joining` pack) the first time a
 * group page offers the reader a way in: a member reading the group never needs either. The strings come in the
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
