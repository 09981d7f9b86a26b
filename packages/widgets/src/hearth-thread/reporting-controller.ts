import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ContentItemView } from '../content/post-parts.js';
import { threadMessages } from './hearth-thread.messages.js';
import type { HearthReportForm, ReportOutcome, ReportSentDetail } from './report-form.js';
import { loadReportForm } from './load-report-form.js';
import type { ThreadAccess } from './thread-access.js';
import { domKey, type ThreadPost } from './thread-model.js';

/**
 * "Report" under a post or reply: it opens a `<hearth-report-form>` below the item (one at a time, focus on its
 * first field), and once the report is in, the outcome takes the button's place and receives focus. Guests are
 * asked to sign in first.
 */
export class ReportingController implements ReactiveController {
  /** The item whose report form is open. */
  #open: string | null = null;
  /** Items reported from this page, and how each report ended. */
  readonly #reported = new Map<string, ReportOutcome>();

  constructor(
    private readonly host: ReactiveControllerHost & { readonly updateComplete: Promise<boolean> },
    private readonly access: ThreadAccess,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  async #show(open: string | null): Promise<void> {
    this.#open = open;
    this.host.requestUpdate();
    await this.host.updateComplete;
  }

  #find<E extends HTMLElement>(selector: string): E | null {
    return this.access.root().querySelector<E>(selector);
  }

  async #toggle(id: string): Promise<void> {
    if (!this.access.mayHaveMember()) {
      this.access.requestSignIn('report');
      return;
    }
    if (this.#open === id) return this.#close();
    try {
      await loadReportForm(this.access.i18n.locale);
    } catch {
      this.access.announce(this.access.common().failedBody);
      return;
    }
    await this.#show(id);
    const form = this.#find<HearthReportForm>('hearth-report-form');
    await form?.updateComplete;
    await form?.focusReason();
  }

  readonly #close = async (): Promise<void> => {
    const id = this.#open;
    await this.#show(null);
    if (id) this.#find(`[data-report-button="${CSS.escape(id)}"]`)?.focus();
  };

  readonly #sent = async (event: CustomEvent<ReportSentDetail>): Promise<void> => {
    const { subjectId, outcome } = event.detail;
    this.#reported.set(subjectId, outcome);
    await this.#show(null);
    const m = this.access.i18n.messages(threadMessages);
    this.access.announce(outcome === 'sent' ? m.reportSent : m.alreadyReported);
    this.#find(`[data-report-done="${CSS.escape(subjectId)}"]`)?.focus();
  };

  /** The "Report" button: for published items the reader did not write and has not reported from this page. */
  renderButton(item: ContentItemView) {
    // Published items only: what waits for review or was hidden is already in front of the facilitators.
    if (item.viewerIsAuthor || item.status !== 'PUBLISHED' || this.#reported.has(item.id)) return nothing;
    return html`<button
      type="button"
      class="quiet report"
      part="report-button"
      data-report-button=${item.id}
      aria-expanded=${this.#open === item.id ? 'true' : 'false'}
      aria-controls=${`${domKey(item.id)}-report`}
      @click=${() => this.#toggle(item.id)}
    >
      ${this.access.i18n.messages(threadMessages).report}
    </button>`;
  }

  /** Under the item: how its report ended, or the open form. */
  renderOutcomeOrForm(item: ContentItemView, post: ThreadPost) {
    const m = this.access.i18n.messages(threadMessages);
    const outcome = this.#reported.get(item.id);
    return html`${outcome
        ? html`<p class="panel done" part="report-done" tabindex="-1" data-report-done=${item.id}>${outcome === 'sent' ? m.reportSent : m.alreadyReported}</p>`
        : nothing}
      <div id=${`${domKey(item.id)}-report`}>${this.#open === item.id ? this.#renderForm(item.id, post) : nothing}</div>`;
  }

  #renderForm(subjectId: string, post: ThreadPost) {
    const own = this.access.configuration();
    // Configured like the thread itself; its parts are the thread's (`hearth-thread::part(report-form)`).
    return html`<hearth-report-form
      exportparts="report-form, crisis"
      subject=${subjectId}
      crisis-institution=${post.group.institution.slug}
      .getToken=${own.getToken}
      api=${own.api ?? nothing}
      institution=${own.institution ?? nothing}
      token=${own.token ?? nothing}
      locale=${own.locale ?? nothing}
      @hearth-report-sent=${this.#sent}
      @hearth-report-cancel=${this.#close}
    ></hearth-report-form>`;
  }
}
