import { css, html, LitElement } from 'lit';
import type { HearthOptions, TokenSource } from '../configuration/hearth-options.js';

type Listener = () => void;

/**
 * Configures the Hearth widgets inside it, so a page with several sections (or several institutions) sets the
 * API, institution and token once per section. An element's own attributes win over its provider's; the
 * provider's win over `Hearth.configure()`.
 *
 * @tagname hearth-provider
 * @summary Shares configuration with the widgets inside it.
 * @slot - The widgets (and any other content).
 */
export class HearthProvider extends LitElement {
  static override styles = css`
    :host { display: contents !important; }
  `;

  static override properties = {
    api: { reflect: true },
    institution: { reflect: true },
    token: {},
    locale: { reflect: true },
    getToken: { attribute: false },
  };

  /** The Hearth API's base URL. */
  declare api: string | undefined;
  /** The institution's slug, for guests. */
  declare institution: string | undefined;
  /** An SSO token for the signed-in member (prefer `getToken`). */
  declare token: string | undefined;
  /** A locale for widgets that have no `lang` on themselves or an ancestor. */
  declare locale: string | undefined;
  /** Supplies a fresh SSO token; called again when the API refuses an expired one. */
  declare getToken: TokenSource | undefined;

  readonly #listeners = new Set<Listener>();

  /** The options this provider sets (unset ones fall through to `Hearth.configure()`). */
  get options(): HearthOptions {
    return { api: this.api, institution: this.institution, token: this.token, getToken: this.getToken, locale: this.locale };
  }

  /** Widgets subscribe so that a change here (a new token after sign-in) reaches them. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  protected override updated(): void {
    for (const listener of this.#listeners) listener();
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-provider': HearthProvider;
  }
}
