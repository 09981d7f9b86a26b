import { editPostMutation, editReplyMutation } from '@hearth/client';
import { contactFacilitatorsMutation } from '../hearth-outreach/hearth-outreach.operations.js';
import { html, nothing, type TemplateResult } from 'lit';
import { emit } from '../base/hearth-events.js';
import { failureMessage } from '../base/failure-message.js';
import { heading, headingLevel } from '../base/heading.js';
import { HearthElement } from '../base/hearth-element.js';
import type { CrisisResourceView } from '../content/crisis-contacts.js';
import { crisisResourcesStyles, renderCrisisResources } from './crisis-resources.js';
import { crisisHelpMessages } from './hearth-crisis-help.messages.js';
import { crisisHelpStyles } from './hearth-crisis-help.styles.js';

/** The post or reply whose words brought the help: the writer's choices act on it. */
export interface CrisisSubject {
  id: string;
  kind: 'post' | 'reply';
  /** Its content warning as published (the API may have added one itself). */
  contentWarning: string | null;
}

/** What the writer chose for who sees their words. */
type Visibility = 'EVERYONE' | 'FACILITATORS_ONLY' | 'WARNING';

/** Below this width the help is a modal dialog over the page (a phone); above it, a panel at the viewport's top. */
const narrowScreen = '(max-width: 40em)';

/**
 * The help a writer sees at once when what they posted speaks of crisis: their institution's resources in their
 * language first (call, text and chat links that work on a phone), a way to talk to the group's facilitators now,
 * and the choice of who sees what they wrote. `present()` brings it in front of the writer: on a narrow screen a
 * modal dialog from the top edge, announced as an alert dialog; on a wide one the panel scrolled to the top of
 * the viewport. Either way focus goes to its heading, never to the new post.
 *
 * @tagname hearth-crisis-help
 * @summary Crisis help in front of a writer: resources, facilitators, and who sees the post.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart help - The panel (or dialog) itself.
 * @csspart crisis-resources - The list of resources.
 * @csspart button - The choice and close buttons.
 *
 * @cssprop [--hearth-color-accent=#0f6b66] - Buttons and links.
 * @cssprop [--hearth-color-text=#1f2933] - Body text.
 * @cssprop [--hearth-color-surface=#ffffff] - Each resource's background.
 * @cssprop [--hearth-color-crisis-surface=#fff4e5] - The panel's background.
 * @cssprop [--hearth-color-crisis-border=#b54708] - The panel's border.
 * @cssprop [--hearth-color-focus=#1d4ed8] - The focus ring.
 * @cssprop [--hearth-font-family=system-ui] - The widget's font.
 * @cssprop [--hearth-radius=8px] - Corner radius.
 * @cssprop [--hearth-space=16px] - Base spacing.
 *
 * @fires hearth-crisis-help-close - The writer closed the help.
 * @fires hearth-outreach-started - The writer started a conversation with the facilitators: `{ threadId }`.
 */
export class HearthCrisisHelp extends HearthElement {
  static override styles = [...HearthElement.styles, crisisResourcesStyles, crisisHelpStyles];

  static override languagePacks = ['members', 'writers'] as const;

  static override properties = {
    mode: {},
    resources: { attribute: false },
    subject: { attribute: false },
    group: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    modal: { state: true },
    chosen: { state: true },
    busy: { state: true },
    problem: { state: true },
    message: { state: true },
    contact: { state: true },
  };

  /**
   * `writer` (the default): the whole panel for someone who just posted. `resources`: only how to reach help
   * now, for a form that asks about someone else's safety (a thread's report form).
   */
  declare mode: 'writer' | 'resources';
  /** The resources the API returned with the post (already in the writer's language, where the institution has it). */
  declare resources: readonly CrisisResourceView[];
  /** What the writer just posted. */
  declare subject: CrisisSubject | undefined;
  /** The group's global ID (for talking to its facilitators). */
  declare group: string | undefined;
  /** The level of the help's heading in the host page's outline. @default 3 */
  declare headingLevel: number;
  declare private modal: boolean;
  declare private chosen: Visibility | null;
  declare private busy: boolean;
  declare private problem: string | null;
  /** What the writer is typing to the facilitators. */
  declare private message: string;
  /** Where "talk to a facilitator now" stands. */
  declare private contact: { busy: boolean; sent: boolean; problem?: string | undefined };

  constructor() {
    super();
    this.mode = 'writer';
    this.resources = [];
    this.headingLevel = 3;
    this.modal = false;
    this.chosen = null;
    this.busy = false;
    this.problem = null;
    this.message = '';
    this.contact = { busy: false, sent: false };
  }

  /** "Talk to a facilitator now": a private thread with the group's facilitators, about this post. */
  async #contactFacilitators(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.connection.client;
    if (!client || !this.group || this.contact.busy) return;
    const m = this.#messages;
    const body = this.message.trim();
    if (!body) {
      this.contact = { busy: false, sent: false, problem: m.facilitatorMissing };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#facilitator-message')?.focus();
      return;
    }
    this.contact = { busy: true, sent: false };
    const result = await client.mutate(
      contactFacilitatorsMutation,
      { input: { groupId: this.group, body, subjectId: this.subject?.id ?? null } },
      (data) => data.contactFacilitators,
    );
    if (result.kind === 'ok') {
      this.contact = { busy: false, sent: true };
      this.message = '';
      this.announce(m.facilitatorSent);
      // The group's page shows the new conversation in the writer's messages.
      emit(this, 'hearth-outreach-started', { threadId: result.data.id });
      return;
    }
    const problem = result.kind === 'error' && result.error.__typename === 'ValidationError' ? (result.error.fields[0]?.message ?? m.notDone) : failureMessage(this.common, result).text;
    this.contact = { busy: false, sent: false, problem };
    this.announce(problem);
  }

  get #messages() {
    return this.i18n.messages(crisisHelpMessages);
  }

  /** Brings the help in front of the writer and puts focus on its heading. */
  async present(): Promise<void> {
    this.modal = window.matchMedia(narrowScreen).matches;
    await this.updateComplete;
    const title = this.renderRoot.querySelector<HTMLElement>('#help-heading');
    if (this.modal) {
      const dialog = this.renderRoot.querySelector('dialog');
      if (dialog && !dialog.open) dialog.showModal();
      title?.focus();
      return;
    }
    const panel = this.renderRoot.querySelector<HTMLElement>('.help');
    title?.focus({ preventScroll: true });
    panel?.scrollIntoView({ block: 'start' });
  }

  #close(): void {
    this.renderRoot.querySelector('dialog')?.close();
    emit(this, 'hearth-crisis-help-close', {});
  }

  async #choose(visibility: Visibility): Promise<void> {
    const client = this.connection.client;
    const subject = this.subject;
    if (!client || !subject || this.busy) return;
    this.problem = null;
    if (visibility === 'EVERYONE') {
      this.chosen = visibility;
      this.announce(this.#messages.visibilityDone.EVERYONE!);
      return;
    }
    this.busy = true;
    const outcome = await this.#apply(visibility, subject);
    this.busy = false;
    if (outcome) {
      this.problem = outcome;
      this.announce(outcome);
      return;
    }
    this.chosen = visibility;
    if (visibility === 'WARNING') this.subject = { ...subject, contentWarning: this.#messages.warningText };
    this.announce(this.#messages.visibilityDone[visibility]!);
  }

  /** Carries out a choice; returns what went wrong, or null. */
  async #apply(visibility: Exclude<Visibility, 'EVERYONE'>, subject: CrisisSubject): Promise<string | null> {
    const client = this.connection.client!;
    const m = this.#messages;
    if (visibility === 'WARNING') {
      const contentWarning = m.warningText;
      const result =
        subject.kind === 'post'
          ? await client.mutate(editPostMutation, { input: { postId: subject.id, contentWarning } }, (data) => data.editPost)
          : await client.mutate(editReplyMutation, { input: { replyId: subject.id, contentWarning } }, (data) => data.editReply);
      return result.kind === 'ok' ? null : result.kind === 'error' ? m.notDone : failureMessage(this.common, result).text;
    }
    return m.notDone;
  }

  protected override renderContent() {
    const m = this.#messages;
    if (this.mode === 'resources') {
      return html`<div class="help stack" part="help">
        <p><strong>${m.emergency}</strong></p>
        ${this.resources.length ? html`<p>${m.reachNow}</p>${renderCrisisResources(this.i18n, this.resources, null)}` : nothing}
      </div>`;
    }
    const body = this.#renderBody();
    if (this.modal) {
      // An alert dialog: screen readers announce its name and description as it opens.
      return html`<dialog
        class="help stack"
        part="help"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="help-heading"
        aria-describedby="help-care"
        @cancel=${(event: Event) => {
          event.preventDefault();
          this.#close();
        }}
      >
        ${body}
      </dialog>`;
    }
    return html`<section class="help stack" part="help" role="region" aria-labelledby="help-heading" aria-describedby="help-care">${body}</section>`;
  }

  #renderBody(): TemplateResult {
    const m = this.#messages;
    const level = headingLevel(this.headingLevel);
    return html`${heading(level, m.heading, { id: 'help-heading', focusable: true })}
      <p id="help-care">${m.care}</p>
      <p>${m.emergency}</p>
      ${this.resources.length ? html`<p>${m.lead}</p>${renderCrisisResources(this.i18n, this.resources, level + 1)}` : nothing}
      ${this.#renderFacilitators(level + 1)} ${this.#renderVisibility(level + 1)}
      <button type="button" class="close" part="button" @click=${this.#close}>${m.close}</button>`;
  }

  #renderFacilitators(level: number) {
    if (!this.group) return nothing;
    const m = this.#messages;
    const contact = this.contact;
    return html`<section class="stack" aria-labelledby="facilitator-heading">
      ${heading(level, m.facilitatorHeading, { id: 'facilitator-heading' })}
      ${contact.sent
        ? html`<p class="outcome" role="status">${m.facilitatorSent}</p>`
        : html`<form class="stack" novalidate @submit=${this.#contactFacilitators}>
            <p id="facilitator-lead">${m.facilitatorLead}</p>
            <div class="field">
              <label for="facilitator-message">${m.facilitatorLabel}</label>
              <textarea
                id="facilitator-message"
                dir="auto"
                rows="3"
                maxlength="5000"
                aria-describedby=${contact.problem ? 'facilitator-lead facilitator-problem' : 'facilitator-lead'}
                aria-invalid=${contact.problem ? 'true' : 'false'}
                .value=${this.message}
                @input=${(event: Event) => (this.message = (event.target as HTMLTextAreaElement).value)}
              ></textarea>
              ${contact.problem ? html`<span id="facilitator-problem" class="problem" role="alert">${contact.problem}</span>` : nothing}
            </div>
            <div class="row"><button type="submit" class="primary" part="button" ?disabled=${contact.busy}>${contact.busy ? this.common.loading : m.facilitatorSend}</button></div>
          </form>`}
    </section>`;
  }

  #renderVisibility(level: number) {
    const subject = this.subject;
    if (!subject) return nothing;
    const m = this.#messages;
    const choices: Array<[Visibility, string]> = [['EVERYONE', m.keepVisible]];
    if (!subject.contentWarning) choices.push(['WARNING', m.addWarning]);
    return html`<section class="stack" aria-labelledby="visibility-heading">
      ${heading(level, m.visibilityHeading, { id: 'visibility-heading' })}
      <div class="choices" role="group" aria-labelledby="visibility-heading">
        ${choices.map(
          ([value, label]) =>
            html`<button type="button" part="button" aria-pressed=${this.chosen === value ? 'true' : 'false'} ?disabled=${this.busy} @click=${() => this.#choose(value)}>
              ${label}
            </button>`,
        )}
      </div>
      ${this.chosen ? html`<p class="outcome" role="status">${m.visibilityDone[this.chosen]}</p>` : nothing}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-crisis-help': HearthCrisisHelp;
  }
}
