import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { passConnection } from '../base/pass-connection.js';
import type { HearthOptions } from '../configuration/hearth-options.js';
import type { CrisisResourceView } from '../content/crisis-contacts.js';
import type { CrisisSubject, HearthCrisisHelp } from '../hearth-crisis-help/hearth-crisis-help.js';
import { loadCrisisHelp } from '../hearth-crisis-help/load.js';

/** The help shown after a post or reply that spoke of crisis, and what it was about. */
export interface CrisisHelp {
  resources: CrisisResourceView[];
  subject: CrisisSubject;
}

/** What the handoff needs from its composer (whose own members are protected). */
export interface CrisisHandoffAccess {
  locale(): string;
  root(): HTMLElement | DocumentFragment;
  /** Puts focus on an element of the composer, once it has rendered. */
  focus(selector: string): Promise<void>;
  /** The composer's own connection settings, for the panel's "talk to a facilitator now". */
  connection(): HearthOptions;
}

/**
 * Hands the writer over to `<hearth-crisis-help>` when the API answers a post or reply with crisis resources:
 * the panel comes in front of them at once (a dialog on a phone, the top of the viewport on a wide screen), and
 * its code is fetched as soon as they start typing, so it is there before the post that may need it is sent.
 * Should the code not arrive, the resources still show as plain text, with focus on them.
 */
export class CrisisHandoff implements ReactiveController {
  #help: CrisisHelp | null = null;
  readonly #access: CrisisHandoffAccess;

  constructor(
    private readonly element: ReactiveControllerHost,
    access: CrisisHandoffAccess,
  ) {
    this.#access = access;
    element.addController(this);
  }

  hostConnected(): void {}

  /** The writer started writing: fetch the panel now (most pages are read, not written on). */
  prepare(): void {
    void loadCrisisHelp(this.#access.locale()).catch(() => undefined);
  }

  /** Shows the help for what was just written and puts it in front of the writer. */
  async present(help: CrisisHelp): Promise<void> {
    this.#help = help;
    this.element.requestUpdate();
    await loadCrisisHelp(this.#access.locale()).catch(() => undefined);
    await this.element.updateComplete;
    const panel = this.#access.root().querySelector<HearthCrisisHelp>('hearth-crisis-help');
    if (customElements.get('hearth-crisis-help') && panel) await panel.present();
    else await this.#access.focus('#crisis-fallback');
  }

  readonly #dismiss = (): void => {
    this.#help = null;
    this.element.requestUpdate();
    void this.#access.focus('#composer-heading');
  };

  /** The help panel; its light DOM shows only if the panel's code could not be fetched (the resources as this page has them). */
  render(group: string | undefined, headingLevel: number) {
    const help = this.#help;
    if (!help) return nothing;
    return html`<hearth-crisis-help
      part="crisis"
      .resources=${help.resources}
      .subject=${help.subject}
      group=${ifDefined(group)}
      heading-level=${headingLevel}
      ${passConnection(this.#access.connection())}
      @hearth-crisis-help-close=${this.#dismiss}
    >
      <div id="crisis-fallback" class="panel crisis" role="alert" tabindex="-1">
        ${help.resources.map((resource) => html`<p dir="auto">${resource.name} <bdi dir="ltr">${resource.phone ?? ''}</bdi></p>`)}
      </div>
    </hearth-crisis-help>`;
  }
}
