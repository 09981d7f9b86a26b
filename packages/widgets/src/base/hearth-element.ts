import { TaskStatus, type Task } from '@lit/task';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { TokenSource } from '../configuration/hearth-options.js';
import { ConnectionController } from '../connection/connection-controller.js';
import { commonMessages } from '../localization/common.messages.js';
import type { PackName } from '../localization/catalog.js';
import { LocaleController } from '../localization/locale-controller.js';
import { controlStyles } from '../styles/controls.styles.js';
import { themeStyles } from '../styles/theme.styles.js';
import { emit } from './hearth-events.js';
import { isOffline } from './failure-message.js';
import { heading } from './heading.js';
import { LoadFailure, requestIdOf } from './load-failure.js';
import { OnlineController } from './online-controller.js';

/**
 * What every Hearth widget shares: the configuration attributes, the API client, its own locale and direction,
 * network state, a polite live region, and the loading / error / offline / signed-out states.
 */
export abstract class HearthElement extends LitElement {
  static override styles = [themeStyles, controlStyles];

  static override properties: PropertyDeclarations = {
    api: {},
    institution: {},
    token: {},
    locale: {},
    getToken: { attribute: false },
    announcement: { state: true },
  };

  /** The Hearth API's base URL; overrides the provider and `Hearth.configure()`. */
  declare api: string | undefined;
  /** The institution's slug, for guests. */
  declare institution: string | undefined;
  /** An SSO token for the signed-in member (prefer `getToken`, which can refresh). */
  declare token: string | undefined;
  /** The language of this widget (`en`, `ar` …); by default the nearest `lang` on the page. */
  declare locale: string | undefined;
  /** Supplies the host site's SSO token; called again when the API refuses an expired one. */
  declare getToken: TokenSource | undefined;
  /** The latest message for screen readers (rendered in a polite live region). */
  declare protected announcement: string;

  /** The packs of strings this widget reads (localization/packs/); its update waits for them. */
  static languagePacks: readonly PackName[] = ['members'];

  protected readonly connection = new ConnectionController(this, () => ({
    api: this.api,
    institution: this.institution,
    token: this.token,
    getToken: this.getToken,
  }));
  protected readonly i18n = new LocaleController(this, () => ({ locale: this.locale, configuredLocale: this.connection.options.locale }));
  protected readonly network = new OnlineController(this, () => this.reload());

  constructor() {
    super();
    this.announcement = '';
  }

  /** Whether the strings this widget reads have arrived in its language; until then it shows a quiet skeleton. */
  protected get localized(): boolean {
    const packs = (this.constructor as typeof HearthElement).languagePacks;
    if (this.i18n.isReady(packs)) return true;
    // Asked for here, so a widget in another language than the page's gets its strings too; it renders again once
    // they are in (a failed fetch is tried again at the next render, after the network comes back, say).
    this.i18n.whenReady(packs).then(
      () => this.requestUpdate(),
      () => undefined,
    );
    return false;
  }

  protected get common() {
    return this.i18n.messages(commonMessages);
  }

  /** Reloads what failed; subclasses with data rerun their tasks. */
  protected reload(): void {
    this.requestUpdate();
  }

  /** Tells screen readers about new content or an outcome (a polite live region, so nothing is interrupted). */
  protected announce(message: string): void {
    // Clearing first makes a repeated message be read again.
    this.announcement = '';
    requestAnimationFrame(() => {
      this.announcement = message;
    });
  }

  /** Asks the host page to sign its user in (the host listens for `hearth-sign-in-request`). */
  protected requestSignIn(action: string): void {
    emit(this, 'hearth-sign-in-request', { action });
  }

  /** The widget's own content; `render()` frames it with direction, language and the live region. */
  protected abstract renderContent(): unknown;

  protected override render(): TemplateResult {
    // The data starts loading in this same update (the tasks run whatever is rendered), so the strings and the
    // data arrive side by side.
    if (!this.localized) {
      return html`<div part="base" class="base" dir=${this.i18n.dir} lang=${this.i18n.locale} aria-busy="true">
        <div class="skeleton" part="skeleton"></div>
      </div>`;
    }
    return html`<div part="base" class="base" dir=${this.i18n.dir} lang=${this.i18n.locale}>
      ${this.connection.client ? this.renderContent() : html`<p class="panel" role="alert">${this.common.notConfigured}</p>`}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }

  /** Renders a task: a skeleton while pending, the error state (with retry) on failure, `complete` when done. */
  protected renderTask<T>(task: Task<readonly unknown[], T>, complete: (value: T) => unknown, skeletons = 2): unknown {
    switch (task.status) {
      case TaskStatus.COMPLETE:
        return complete(task.value as T);
      case TaskStatus.ERROR:
        return this.renderFailure(task.error, () => void task.run());
      default:
        return this.renderLoading(skeletons);
    }
  }

  protected renderLoading(skeletons = 2): TemplateResult {
    return html`<div class="stack" aria-busy="true">
      <span class="visually-hidden">${this.common.loading}</span>
      ${Array.from({ length: skeletons }, () => html`<div class="skeleton" part="skeleton"></div>`)}
    </div>`;
  }

  /** Explains a failure in the reader's language: offline, signed out, not found, or unexpected with a reference. */
  protected renderFailure(error: unknown, retry: () => void): TemplateResult {
    const common = this.common;
    const failure = error instanceof LoadFailure ? error.failure : undefined;
    if (isOffline(failure, this.network.online)) {
      return html`<div class="panel" part="state offline" role="alert">
        ${heading(3, common.offlineTitle)}
        <p>${common.offlineBody}</p>
        <p><button @click=${retry}>${common.retry}</button></p>
      </div>`;
    }
    if (failure?.kind === 'http' && failure.status === 401) {
      return html`<div class="panel" part="state error" role="alert">
        <p>${common.sessionExpired}</p>
        <p><button class="primary" @click=${() => this.requestSignIn('session')}>${common.signIn}</button></p>
      </div>`;
    }
    const reference = failure ? requestIdOf(failure) : undefined;
    return html`<div class="panel error" part="state error" role="alert">
      ${heading(3, common.failedTitle)}
      <p>${failure?.kind === 'network' ? common.unreachable : common.failedBody}</p>
      ${reference ? html`<p class="small muted">${common.requestId(reference)}</p>` : nothing}
      <p><button @click=${retry}>${common.retry}</button></p>
    </div>`;
  }

  /** What a guest sees where a member would act: an invitation to sign in on the host site. */
  protected renderSignInPrompt(action: string): TemplateResult {
    const common = this.common;
    return html`<div class="panel" part="state signed-out">
      ${heading(3, common.signInTitle)}
      <p>${common.signInBody}</p>
      <p><button class="primary" @click=${() => this.requestSignIn(action)}>${common.signIn}</button></p>
    </div>`;
  }
}
