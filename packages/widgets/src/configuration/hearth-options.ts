/**
 * What every widget needs to reach the API: where it is, whose groups, and who is reading. A page sets it once
 * with `Hearth.configure()` or a `<hearth-provider>`; an element's own attributes override both.
 */

/** Supplies the host site's SSO token for its signed-in user, or null/undefined when nobody is signed in. */
export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

export interface HearthOptions {
  /** The Hearth API's base URL (`https://hearth.example`); GraphQL is at `${api}/graphql`. */
  api?: string | undefined;
  /** The institution's slug, for guests (a signed-in member's token names the institution itself). */
  institution?: string | undefined;
  /** An SSO token signed by the host site's backend. Prefer `getToken`, which can refresh it. */
  token?: string | undefined;
  /** Called for a token before the first request and again when the API refuses an expired one. */
  getToken?: TokenSource | undefined;
  /** A locale used only when neither the element nor any ancestor has a `lang`. */
  locale?: string | undefined;
}

type Listener = () => void;

/**
 * The page-wide options. Module state is right here: it is what `Hearth.configure()` sets for the page, while
 * everything per element (locale, group) lives on the element.
 */
let pageOptions: HearthOptions = {};
const listeners = new Set<Listener>();

/**
 * Sets options for every Hearth widget on the page (merged with earlier calls). Widgets already on the page
 * reload with the new options, so it may run before or after they appear.
 */
export function configure(options: HearthOptions): void {
  pageOptions = { ...pageOptions, ...options };
  for (const listener of listeners) listener();
}

export function pageConfiguration(): HearthOptions {
  return pageOptions;
}

/** Calls `listener` whenever `configure()` runs; returns the unsubscribe function. */
export function onPageConfiguration(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
