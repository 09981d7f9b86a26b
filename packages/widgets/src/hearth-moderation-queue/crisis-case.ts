import type { HearthClient } from '@hearth/client';
import type { TokenSource } from '../configuration/hearth-options.js';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { failureMessage } from '../base/failure-message.js';
import { dataOf } from '../base/load-failure.js';
import type { CommonMessages } from '../localization/common.messages.en.js';
import type { LocaleController } from '../localization/locale-controller.js';
import { outreachMessages } from '../hearth-outreach/hearth-outreach.messages.js';
import { caseOutreachQuery, startOutreachMutation, type OutreachThread } from '../hearth-outreach/hearth-outreach.operations.js';
import { moderationQueueMessages } from './hearth-moderation-queue.messages.js';
import { acknowledgeCrisisItemMutation, revealAnonymousAuthorMutation } from './hearth-moderation-queue.operations.js';
import type { QueueItem } from './moderation-item.js';
import { cssId } from './queue-outcomes.js';
import { reasonLimit } from './reason-field.js';

/** Where a reveal stands: asked for (with its reason), confirmed, or done with what the institution needs. */
type Reveal =
  | { step: 'reason'; reason: string; problem?: string | undefined }
  | { step: 'confirm'; reason: string; busy: boolean; problem?: string | undefined }
  | { step: 'done'; alias: string | null; displayName: string; externalId: string | null };

/** What the crisis part needs from its card element (whose own members are protected). */
export interface CrisisCaseAccess {
  client(): HearthClient | null;
  readonly i18n: LocaleController;
  common(): CommonMessages;
  root(): HTMLElement | DocumentFragment;
  setItem(item: QueueItem): void;
  announce(message: string): void;
  /** The card's own connection settings, for the outreach threads it shows. */
  connection(): { api?: string | undefined; institution?: string | undefined; token?: string | undefined; getToken?: TokenSource | undefined };
}


/**
 * The crisis-specific part of a case: what helps the writer comes first. Acknowledge ("I have this", with who and
 * when), reach out to the writer without learning who they are (outreach), and — only where the group's policy
 * lets this viewer — reveal the anonymous writer, with a required reason and a second
 * step, showing who wrote it once.
 */
export class CrisisCase implements ReactiveController {
  #busy: 'acknowledge' | 'outreach' | null = null;
  #problem: string | null = null;
  #writing = false;
  #draft = '';
  #reveal: Reveal | null = null;
  /** The outreach conversations about the case, loaded by the card itself (see CrisisItemFields). */
  #threads: { itemId: string; list: OutreachThread[] } | null = null;
  #threadsLoading: string | null = null;

  readonly #access: CrisisCaseAccess;

  constructor(
    private readonly element: ReactiveControllerHost,
    access: CrisisCaseAccess,
  ) {
    this.#access = access;
    element.addController(this);
  }

  hostConnected(): void {}

  /** Loads the case's outreach threads once per case; a failure leaves the list empty (the case stays usable). */
  async #loadThreads(item: QueueItem): Promise<void> {
    const client = this.#access.client();
    if (!client || this.#threadsLoading === item.id || this.#threads?.itemId === item.id) return;
    this.#threadsLoading = item.id;
    try {
      const node = dataOf(await client.request(caseOutreachQuery, { id: item.id })).node;
      const list = node?.__typename === 'ModerationItem' ? node.outreachThreads : [];
      this.#set(() => (this.#threads = { itemId: item.id, list }));
    } catch {
      this.#set(() => (this.#threads = { itemId: item.id, list: [] }));
    } finally {
      this.#threadsLoading = null;
    }
  }

  #threadsOf(item: QueueItem): OutreachThread[] {
    if (this.#threads?.itemId !== item.id) {
      void this.#loadThreads(item);
      return [];
    }
    return this.#threads.list;
  }

  get #m() {
    return this.#access.i18n.messages(moderationQueueMessages);
  }

  async #focus(selector: string): Promise<void> {
    await this.element.updateComplete;
    (this.#access.root().querySelector(selector) as HTMLElement | null)?.focus();
  }

  #set(change: () => void): void {
    change();
    this.element.requestUpdate();
  }

  async #acknowledge(item: QueueItem): Promise<void> {
    const client = this.#access.client();
    if (!client || this.#busy) return;
    this.#set(() => ((this.#busy = 'acknowledge'), (this.#problem = null)));
    const result = await client.mutate(acknowledgeCrisisItemMutation, { input: { itemId: item.id } }, (data) => data.acknowledgeModerationItem);
    this.#set(() => (this.#busy = null));
    if (result.kind === 'ok') {
      this.#access.setItem({ ...item, acknowledgedAt: result.data.acknowledgedAt, acknowledgedBy: result.data.acknowledgedBy });
      this.#access.announce(this.#m.acknowledgedNow);
      return;
    }
    this.#set(() => (this.#problem = failureMessage(this.#access.common(), result).text));
    this.#access.announce(this.#problem!);
  }

  async #startOutreach(event: SubmitEvent, item: QueueItem): Promise<void> {
    event.preventDefault();
    const client = this.#access.client();
    const subjectId = item.subject?.id;
    if (!client || !subjectId || this.#busy) return;
    const body = this.#draft.trim();
    if (!body) {
      this.#set(() => (this.#problem = this.#access.i18n.messages(outreachMessages).emptyMessage));
      await this.#focus(`#outreach-${cssId(item.id)}`);
      return;
    }
    this.#set(() => ((this.#busy = 'outreach'), (this.#problem = null)));
    const result = await client.mutate(startOutreachMutation, { input: { subjectId, body } }, (data) => data.startOutreach);
    this.#set(() => (this.#busy = null));
    if (result.kind === 'ok') {
      this.#writing = false;
      this.#draft = '';
      // A second outreach about the same item continues its thread: replace it rather than list it twice.
      const thread = result.data;
      const others = this.#threadsOf(item).filter((each) => each.id !== thread.id);
      this.#set(() => (this.#threads = { itemId: item.id, list: [...others, thread] }));
      this.#access.announce(this.#access.i18n.messages(outreachMessages).sent);
      return;
    }
    this.#set(() => (this.#problem = result.kind === 'error' && result.error.__typename === 'ValidationError' ? (result.error.fields[0]?.message ?? this.#m.notDone) : failureMessage(this.#access.common(), result).text));
  }

  async #revealStep(event: SubmitEvent, item: QueueItem): Promise<void> {
    event.preventDefault();
    const reveal = this.#reveal;
    const client = this.#access.client();
    const subjectId = item.subject?.id;
    if (!reveal || !client || !subjectId) return;
    const m = this.#m;
    if (reveal.step === 'reason') {
      const reason = reveal.reason.trim();
      if (!reason) {
        this.#set(() => (this.#reveal = { ...reveal, problem: m.reasonMissing }));
        await this.#focus(`#reveal-reason-${cssId(item.id)}`);
        return;
      }
      this.#set(() => (this.#reveal = { step: 'confirm', reason, busy: false }));
      await this.#focus(`#reveal-confirm-${cssId(item.id)}`);
      return;
    }
    if (reveal.step !== 'confirm' || reveal.busy) return;
    this.#set(() => (this.#reveal = { ...reveal, busy: true, problem: undefined }));
    const result = await client.mutate(revealAnonymousAuthorMutation, { input: { subjectId, caseId: item.id, reason: reveal.reason } }, (data) => data.revealAnonymousAuthor);
    if (result.kind === 'ok') {
      // Shown once, here: nothing keeps it after the page is left (it goes to the institution's own records).
      this.#set(() => (this.#reveal = { step: 'done', alias: result.data.alias ?? null, displayName: result.data.displayName, externalId: result.data.externalId ?? null }));
      this.#access.announce(m.revealed);
      await this.#focus(`#revealed-${cssId(item.id)}`);
      return;
    }
    this.#set(() => (this.#reveal = { ...reveal, busy: false, problem: failureMessage(this.#access.common(), result).text }));
  }

  /** The badges: the risk level, and whether someone already acknowledged the case. */
  renderBadges(item: QueueItem) {
    const m = this.#m;
    return html`${item.riskLevel ? html`<span class=${`badge risk risk-${item.riskLevel.toLowerCase()}`} part="badge risk">${m.risk[item.riskLevel] ?? item.riskLevel}</span>` : nothing}`;
  }

  /** What the detector saw, the acknowledgement, the three crisis actions and any outreach conversation. */
  render(item: QueueItem) {
    const m = this.#m;
    const i18n = this.#access.i18n;
    const id = cssId(item.id);
    const content = item.subject?.__typename === 'Post' || item.subject?.__typename === 'Reply' ? item.subject : null;
    const canReveal = Boolean(content?.anonymous && item.status === 'OPEN' && item.viewerCanReveal);
    const outreach = i18n.messages(outreachMessages);
    const connection = this.#access.connection();
    return html`${item.warningSigns.length ? html`<p class="small">${m.signsLabel} ${i18n.list(item.warningSigns.map((sign) => m.sign[sign] ?? sign))}</p>` : nothing}
      ${item.acknowledgedAt
        ? html`<p class="done" part="acknowledged">${m.acknowledged(item.acknowledgedBy?.displayName ?? '', i18n.relativeTime(item.acknowledgedAt))}</p>`
        : nothing}
      <div class="buttons crisis-actions" role="group" aria-label=${m.crisisActions}>
        ${item.acknowledgedAt
          ? nothing
          : html`<button type="button" class="primary" part="button" ?disabled=${this.#busy !== null} @click=${() => this.#acknowledge(item)}>
              ${this.#busy === 'acknowledge' ? this.#access.common().loading : m.acknowledge}
            </button>`}
        ${content
          ? html`<button type="button" part="button" aria-expanded=${this.#writing ? 'true' : 'false'} @click=${() => { this.#set(() => (this.#writing = !this.#writing)); if (this.#writing) void this.#focus(`#outreach-${id}`); }}>
              ${outreach.reachOut}
            </button>`
          : nothing}
        ${canReveal && !this.#reveal
          ? html`<button type="button" class="danger" part="button" @click=${() => { this.#set(() => (this.#reveal = { step: 'reason', reason: '' })); void this.#focus(`#reveal-reason-${id}`); }}>${m.reveal}</button>`
          : nothing}
      </div>
      ${this.#problem ? html`<p class="problem" role="alert">${this.#problem}</p>` : nothing}
      ${this.#writing
        ? html`<form class="stack choice" novalidate @submit=${(event: SubmitEvent) => this.#startOutreach(event, item)}>
            <div class="field">
              <label for=${`outreach-${id}`}>${outreach.answerWriter}</label>
              <span class="hint" id=${`outreach-hint-${id}`}>${outreach.reachOutLead}</span>
              <textarea id=${`outreach-${id}`} dir="auto" rows="3" maxlength="5000" aria-describedby=${`outreach-hint-${id}`} .value=${this.#draft} @input=${(event: Event) => (this.#draft = (event.target as HTMLTextAreaElement).value)}></textarea>
            </div>
            <div class="row"><button class="primary" type="submit" part="button" ?disabled=${this.#busy !== null}>${this.#busy === 'outreach' ? this.#access.common().loading : outreach.startOutreach}</button></div>
          </form>`
        : nothing}
      ${this.#renderReveal(item)}
      ${this.#threadsOf(item).map(
        (thread) => html`<hearth-outreach-thread
          .thread=${thread}
          heading-level="4"
          locale=${i18n.locale}
          api=${connection.api ?? nothing}
          institution=${connection.institution ?? nothing}
          token=${connection.token ?? nothing}
          .getToken=${connection.getToken}
        ></hearth-outreach-thread>`,
      )}`;
  }

  #renderReveal(item: QueueItem) {
    const reveal = this.#reveal;
    if (!reveal) return nothing;
    const m = this.#m;
    const id = cssId(item.id);
    if (reveal.step === 'done') {
      return html`<div id=${`revealed-${id}`} class="panel confirm stack" tabindex="-1" role="status">
        <p><strong>${m.revealedLead}</strong></p>
        <dl class="answers">
          ${reveal.alias ? html`<dt>${m.alias}</dt><dd><bdi>${reveal.alias}</bdi></dd>` : nothing}
          <dt>${m.displayName}</dt>
          <dd><bdi>${reveal.displayName}</bdi></dd>
          ${reveal.externalId ? html`<dt>${m.externalId}</dt><dd><bdi part="external-id">${reveal.externalId}</bdi></dd>` : nothing}
        </dl>
        <p class="small">${m.revealedOnce}</p>
      </div>`;
    }
    return html`<form class="stack choice" novalidate @submit=${(event: SubmitEvent) => this.#revealStep(event, item)}>
      <p class="small">${m.revealEffect}</p>
      <div class="field">
        <label for=${`reveal-reason-${id}`}>${m.reasonLabel}</label>
        <textarea
          id=${`reveal-reason-${id}`}
          dir="auto"
          rows="3"
          maxlength=${reasonLimit}
          aria-required="true"
          aria-invalid=${reveal.problem && reveal.step === 'reason' ? 'true' : 'false'}
          aria-describedby=${reveal.problem ? `reveal-problem-${id}` : nothing}
          ?readonly=${reveal.step === 'confirm'}
          .value=${reveal.reason}
          @input=${(event: Event) => (this.#reveal = { step: 'reason', reason: (event.target as HTMLTextAreaElement).value })}
        ></textarea>
      </div>
      ${reveal.step === 'confirm'
        ? html`<div class="panel confirm stack">
            <p id=${`reveal-question-${id}`}><strong>${m.revealQuestion}</strong></p>
            <div class="row">
              <button id=${`reveal-confirm-${id}`} type="submit" class="danger" part="button" aria-describedby=${`reveal-question-${id}`} ?disabled=${reveal.busy}>${reveal.busy ? this.#access.common().loading : m.revealConfirm}</button>
              <button type="button" class="quiet" @click=${() => this.#set(() => (this.#reveal = null))}>${this.#access.common().cancel}</button>
            </div>
          </div>`
        : html`<div class="row">
            <button type="submit" class="danger" part="button">${m.revealContinue}</button>
            <button type="button" class="quiet" @click=${() => this.#set(() => (this.#reveal = null))}>${this.#access.common().cancel}</button>
          </div>`}
      ${reveal.problem ? html`<p id=${`reveal-problem-${id}`} class="problem" role="alert" dir="auto">${reveal.problem}</p>` : nothing}
    </form>`;
  }
}
