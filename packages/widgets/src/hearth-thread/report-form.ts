import { crisisResourcesQuery, reportMutation, type ResultOf } from '@hearth/client';
import { html, nothing } from 'lit';
import { failureMessage } from '../base/failure-message.js';
import { HearthElement } from '../base/hearth-element.js';
import { loadCrisisHelp } from '../hearth-crisis-help/load.js';
import { reportFormMessages } from './report-form.messages.js';
import { reportFormStyles } from './report-form.styles.js';

type CrisisResource = NonNullable<NonNullable<ResultOf<typeof crisisResourcesQuery>['institution']>['crisisResources']>[number];

/** Report reasons, the one that may save a life first. */
const reportReasons = ['CRISIS', 'SELF_HARM', 'HARASSMENT', 'SPAM', 'MISINFORMATION', 'OTHER'] as const;
type ReportReason = (typeof reportReasons)[number];
const dangerReasons: ReadonlySet<string> = new Set(['CRISIS', 'SELF_HARM']);

/** The form's events are for the element that opened it, not for the host page: they stay in its shadow root. */
const toOpener = { bubbles: true, composed: false } as const;

/** How a report ended: `sent`, or `already` when the reader's own report of the item was still open. */
export type ReportOutcome = 'sent' | 'already';

export interface ReportSentDetail {
  subjectId: string;
  outcome: ReportOutcome;
}

/**
 * The form that tells a group's facilitators about a post or reply: a reason (required; one that says someone
 * may be in danger shows where to get help now, above the rest of the form) and an optional note only they read.
 * A report the reader already made and the facilitators have not closed counts as done, not as a failure. The
 * thread opens it under the item's "Report" button and shows the outcome in its place.
 *
 * @tagname hearth-report-form
 * @summary Reporting a post or reply to the facilitators.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart report-form - The form.
 * @csspart crisis - Where to get help now (shown with a reason that says someone may be in danger).
 *
 * @cssprop [--hearth-color-accent=#0f6b66] - The send button.
 * @cssprop [--hearth-color-text=#1f2933] - Body text.
 * @cssprop [--hearth-color-surface-alt=#f4f6f7] - The form's panel.
 * @cssprop [--hearth-color-danger=#b42318] - A missing reason, a report that could not be sent.
 * @cssprop [--hearth-color-crisis-surface=#fff4e5] - The crisis help panel.
 * @cssprop [--hearth-color-crisis-border=#b54708] - The crisis help panel's border.
 * @cssprop [--hearth-color-focus=#1d4ed8] - The focus ring.
 *
 * @fires hearth-report-sent - The report reached the facilitators (or was there already): `{ subjectId, outcome }`. Bubbles, but does not leave the shadow root the form is in.
 * @fires hearth-report-cancel - The reader chose "Cancel". Bubbles, but does not leave the shadow root the form is in.
 * @fires hearth-sign-in-request - The session ended while sending (`report`).
 */
export class HearthReportForm extends HearthElement {
  // `writers`: the form's strings and the crisis help it shows for a reason that says someone is in danger.
  static override languagePacks = ['members', 'writers'] as const;

  static override styles = [...HearthElement.styles, reportFormStyles];

  static override properties = {
    subject: {},
    crisisInstitution: { attribute: 'crisis-institution' },
    reason: { state: true },
    sending: { state: true },
    problem: { state: true },
    crisisResources: { state: true },
  };

  /** The global id of the post or reply being reported. */
  declare subject: string | undefined;
  /** The slug of the institution whose crisis resources a reason that says someone is in danger shows. */
  declare crisisInstitution: string | undefined;
  declare private reason: string;
  declare private sending: boolean;
  declare private problem: { field: 'reason' | null; message: string } | null;
  /** Crisis resources for the reader's language: undefined until asked for, null if they could not be loaded. */
  declare private crisisResources: CrisisResource[] | null | undefined;

  constructor() {
    super();
    this.reason = '';
    this.sending = false;
    this.problem = null;
  }

  get #messages() {
    return this.i18n.messages(reportFormMessages);
  }

  /** Puts focus on the reason, the form's first field (the thread calls it when it opens the form). */
  async focusReason(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLSelectElement>('select')?.focus();
  }

  #chooseReason(event: Event): void {
    this.reason = (event.currentTarget as HTMLSelectElement).value;
    if (this.reason) this.problem = null;
    if (dangerReasons.has(this.reason)) void this.#loadCrisisResources();
  }

  async #loadCrisisResources(): Promise<void> {
    const client = this.connection.client;
    const slug = this.crisisInstitution;
    if (this.crisisResources !== undefined || !client || !slug) return;
    this.crisisResources = null;
    // The help element's code and strings come with the resources (a failure leaves the plain list below).
    void loadCrisisHelp(this.i18n.locale).catch(() => undefined);
    const result = await client.request(crisisResourcesQuery, { slug, locale: this.i18n.locale });
    this.crisisResources = result.kind === 'ok' ? (result.data.institution?.crisisResources ?? null) : null;
  }

  async #send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.connection.client;
    const subjectId = this.subject;
    const form = event.currentTarget as HTMLFormElement;
    if (!client || !subjectId || this.sending) return;
    const m = this.#messages;
    const data = new FormData(form);
    const reason = String(data.get('reason') ?? '');
    const note = String(data.get('note') ?? '').trim();
    if (!(reportReasons as readonly string[]).includes(reason)) {
      this.problem = { field: 'reason', message: m.reasonMissing };
      form.querySelector('select')?.focus();
      return;
    }
    this.sending = true;
    this.problem = null;
    const result = await client.mutate(reportMutation, { input: { subjectId, reason: reason as ReportReason, note: note || null } }, (answer) => answer.report);
    this.sending = false;
    let outcome: ReportOutcome | null = null;
    let problem = m.reportFailed;
    if (result.kind === 'ok') outcome = 'sent';
    else if (result.kind === 'error') {
      const error = result.error;
      if (error.__typename === 'ConflictError') outcome = 'already';
      else if (error.__typename === 'ForbiddenError') problem = m.reportForbidden;
      else if (error.__typename === 'RateLimitedError') problem = this.common.rateLimited(error.retryAfterSeconds);
      else if (error.__typename === 'ValidationError') problem = error.fields[0]?.message ?? m.reportFailed;
    } else {
      const failure = failureMessage(this.common, result);
      if (failure.signIn) this.requestSignIn('report');
      if (failure.signIn || result.kind === 'network') problem = failure.text;
    }
    if (outcome) this.dispatchEvent(new CustomEvent<ReportSentDetail>('hearth-report-sent', { detail: { subjectId, outcome }, ...toOpener }));
    else this.problem = { field: null, message: problem };
  }

  protected override renderContent() {
    const m = this.#messages;
    const reasons = this.#messages.reportReason;
    const problem = this.problem;
    const reasonInvalid = problem?.field === 'reason';
    return html`<form class="report-form panel" part="report-form" aria-labelledby="report-title" novalidate @submit=${this.#send}>
      <p id="report-title"><strong>${m.reportHeading}</strong></p>
      <div class="field">
        <label for="reason">${m.reasonLabel}</label>
        <select
          id="reason"
          name="reason"
          required
          aria-invalid=${reasonInvalid ? 'true' : 'false'}
          aria-describedby=${reasonInvalid ? 'reason-problem' : nothing}
          @change=${this.#chooseReason}
        >
          <option value="" ?selected=${this.reason === ''}>${m.chooseReason}</option>
          ${reportReasons.map((reason) => html`<option value=${reason} ?selected=${this.reason === reason}>${reasons[reason] ?? reason}</option>`)}
        </select>
        ${reasonInvalid ? html`<span class="problem" id="reason-problem">${problem.message}</span>` : nothing}
      </div>
      ${dangerReasons.has(this.reason) ? this.#renderCrisisHelp() : nothing}
      <div class="field">
        <label for="note">${m.noteLabel}</label>
        <textarea id="note" name="note" maxlength="1000" rows="3" dir="auto" aria-describedby="note-hint"></textarea>
        <span class="hint" id="note-hint">${m.noteHint}</span>
      </div>
      ${problem && !reasonInvalid ? html`<p class="problem" role="alert">${problem.message}</p>` : nothing}
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.sending}>${this.sending ? m.sending : m.sendReport}</button>
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('hearth-report-cancel', { detail: {}, ...toOpener }))}>${this.common.cancel}</button>
      </div>
    </form>`;
  }

  #renderCrisisHelp() {
    const resources = this.crisisResources ?? [];
    // The one crisis help element, fetched when a reporter first picks a reason that says someone is in danger and
    // configured like this form; until it is defined, its children list the resources plainly.
    return html`<hearth-crisis-help
      part="crisis"
      mode="resources"
      .resources=${resources}
      .getToken=${this.getToken}
      api=${this.api ?? nothing}
      institution=${this.institution ?? nothing}
      token=${this.token ?? nothing}
    >
      ${resources.map((resource) => html`<p dir="auto">${resource.name} <bdi dir="ltr">${resource.phone ?? ''}</bdi></p>`)}
    </hearth-crisis-help>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-report-form': HearthReportForm;
  }
  interface GlobalEventHandlersEventMap {
    'hearth-report-sent': CustomEvent<ReportSentDetail>;
    'hearth-report-cancel': CustomEvent<Record<string, never>>;
  }
}
