import { moderateMutation, type HearthClient, type HearthFailure, type HearthMutationResult, type ResultOf } from '@hearth/client';
import { html, nothing } from 'lit';
import { emit } from '../base/hearth-events.js';
import { failureMessage, type ApiRefusal } from '../base/failure-message.js';
import { HearthElement } from '../base/hearth-element.js';
import { MinuteClockController } from '../base/minute-clock-controller.js';
import { contentMessages } from '../content/content.messages.js';
import { contentStyles } from '../content/content.styles.js';
import { authorNameOf, renderWarningGate } from '../content/post-parts.js';
import { domainMessages } from '../localization/domain.messages.js';
import { reportFormMessages } from '../hearth-thread/report-form.messages.js';
import { moderationQueueMessages } from './hearth-moderation-queue.messages.js';
import { moderationQueueStyles } from './hearth-moderation-queue.styles.js';
import { cssId, decidedElsewhere } from './queue-outcomes.js';
import { renderReasonField } from './reason-field.js';
import { CrisisCase } from './crisis-case.js';
import type { deskQueueQuery } from './hearth-moderation-queue.operations.js';

export type QueueItem = ResultOf<typeof deskQueueQuery>['moderationQueue']['edges'][number]['node'];

type Action = 'APPROVE' | 'DISMISS' | 'HIDE' | 'REMOVE' | 'LOCK' | 'WARN' | 'SUSPEND' | 'BAN';
const authorActions: ReadonlySet<Action> = new Set(['WARN', 'SUSPEND', 'BAN']);
const confirmed: ReadonlySet<Action> = new Set(['REMOVE', 'BAN']);
const suspensionDays = [1, 7, 30];

/** The action a moderator is preparing on the item: its reason, a suspension's length, the confirm step. */
interface Choice {
  itemId: string;
  action: Action;
  reason: string;
  days: number;
  confirming: boolean;
  busy: boolean;
  problem?: { field: 'reason' | 'days'; text: string } | undefined;
  error?: string | undefined;
}

/**
 * One case of the moderation queue: what it is about and why it is here, and what a facilitator can do. A crisis
 * item leads with what helps the writer (acknowledge, reach out, reveal where the group's policy allows it) and
 * folds the usual report actions under "More actions".
 *
 * @tagname hearth-moderation-item
 * @summary One case of the facilitators' moderation queue.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart item - The case's card (crisis items also carry the `crisis` class).
 * @csspart badge - The crisis, risk level and held-for-review badges.
 * @csspart button - The action buttons.
 *
 * @cssprop [--hearth-color-accent=#0f6b66] - Buttons and links.
 * @cssprop [--hearth-color-text=#1f2933] - Body text.
 * @cssprop [--hearth-color-crisis-surface=#fff4e5] - A crisis item's background.
 * @cssprop [--hearth-color-crisis-border=#b54708] - A crisis item's border.
 * @cssprop [--hearth-color-danger=#b42318] - Remove and ban, field problems.
 * @cssprop [--hearth-color-focus=#1d4ed8] - The focus ring.
 *
 * @fires hearth-moderation-item-resolved - The case left the queue: `{ itemId, outcome }` (the queue moves focus on).
 */
export class HearthModerationItem extends HearthElement {
  /** Keeps "waiting 5 minutes" true while the page stays open. */
  readonly #clock = new MinuteClockController(this);

  static override languagePacks = ['members', 'facilitators', 'writers'] as const;

  static override styles = [...HearthElement.styles, contentStyles, moderationQueueStyles];

  static override properties = {
    item: { attribute: false },
    admin: { type: Boolean },
    choice: { state: true },
    contentOpen: { state: true },
    notes: { state: true },
  };

  /** The case, as the queue loaded it. */
  declare item: QueueItem | undefined;
  /** The viewer is an institution admin (who may act on an anonymous author's membership). */
  declare admin: boolean;
  declare private choice: Choice | null;
  /** The moderator opened the content behind its warning. */
  declare private contentOpen: boolean;
  /** Actions taken that leave the case open (a warning leaves the post itself to decide). */
  declare private notes: string[];

  constructor() {
    super();
    this.admin = false;
    this.choice = null;
    this.contentOpen = false;
    this.notes = [];
  }

  get #messages() {
    return this.i18n.messages(moderationQueueMessages);
  }

  /** Puts focus on the card's heading (the queue calls it when the case before this one left). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    (this.renderRoot.querySelector(selector) as HTMLElement | null)?.focus();
  }

  #failureText(result: HearthFailure | { kind: 'error'; error: ApiRefusal }): string {
    return failureMessage(this.common, result).text;
  }

  readonly #crisis = new CrisisCase(this, {
    client: (): HearthClient | null => this.connection.client,
    i18n: this.i18n,
    common: () => this.common,
    root: () => this.renderRoot,
    // The case after an action on it (acknowledged, a new outreach thread).
    setItem: (item: QueueItem) => (this.item = item),
    announce: (message: string) => this.announce(message),
    connection: () => ({ api: this.api, institution: this.institution, token: this.token, getToken: this.getToken }),
  });

  #resolved(outcome: string): void {
    if (this.item) emit(this, 'hearth-moderation-item-resolved', { itemId: this.item.id, outcome });
  }

  #actionsFor(item: QueueItem): Action[] {
    if (item.heldForReview) return ['APPROVE', 'REMOVE'];
    const subject = item.subject;
    const lockable = subject?.__typename === 'Post' && !subject.locked;
    // Suspending or banning an anonymous author is for the institution's admins (the API refuses facilitators,
    // so the answer can't hint at who wrote it): facilitators are not offered what would only be refused.
    const admin = this.admin;
    const content = subject?.__typename === 'Post' || subject?.__typename === 'Reply' ? subject : null;
    const membership = content && (!content.anonymous || admin) ? (['SUSPEND', 'BAN'] as const) : [];
    return ['DISMISS', 'HIDE', 'REMOVE', ...(lockable ? (['LOCK'] as const) : []), 'WARN', ...membership];
  }

  async #choose(item: QueueItem, action: Action): Promise<void> {
    const same = this.choice?.itemId === item.id && this.choice.action === action;
    this.choice = same ? null : { itemId: item.id, action, reason: this.choice?.itemId === item.id ? this.choice.reason : '', days: 7, confirming: false, busy: false };
    if (!same) await this.#focus(`#reason-${cssId(item.id)}`);
  }

  #editChoice(change: Partial<Choice>): void {
    if (this.choice) this.choice = { ...this.choice, ...change };
  }

  async #act(event: SubmitEvent, item: QueueItem): Promise<void> {
    event.preventDefault();
    const client = this.connection.client;
    const choice = this.choice;
    if (!client || !choice || choice.busy) return;
    const m = this.#messages;
    const reason = choice.reason.trim();
    if (!reason) {
      this.#editChoice({ problem: { field: 'reason', text: m.reasonMissing }, confirming: false });
      await this.#focus(`#reason-${cssId(item.id)}`);
      return;
    }
    if (confirmed.has(choice.action) && !choice.confirming) {
      this.#editChoice({ confirming: true, problem: undefined, error: undefined });
      await this.#focus(`#confirm-${cssId(item.id)}`);
      return;
    }
    this.#editChoice({ busy: true, problem: undefined, error: undefined });
    const suspendUntil = choice.action === 'SUSPEND' ? new Date(Date.now() + choice.days * 86_400_000).toISOString() : null;
    const result: HearthMutationResult<ResultOf<typeof moderateMutation>['moderate']> = await client.mutate(
      moderateMutation,
      { input: { caseId: item.id, action: choice.action, reason, suspendUntil } },
      (data) => data.moderate,
    );
    if (result.kind !== 'ok' && decidedElsewhere(result)) {
      this.choice = null;
      this.#resolved(m.handledElsewhere);
      return;
    }
    if (result.kind !== 'ok') {
      const fieldProblems = result.kind === 'error' && 'fields' in result.error ? result.error.fields : [];
      const onReason = fieldProblems.find((each) => each.path.at(-1) === 'reason');
      const onDays = fieldProblems.find((each) => each.path.at(-1) === 'suspendUntil');
      const problem = onReason ? { field: 'reason' as const, text: this.#localize(onReason.message) } : onDays ? { field: 'days' as const, text: onDays.message } : undefined;
      this.#editChoice({ busy: false, confirming: false, problem, error: problem ? undefined : this.#failureText(result) });
      if (problem) {
        this.announce(problem.text);
        await this.#focus(problem.field === 'reason' ? `#reason-${cssId(item.id)}` : `#days-${cssId(item.id)}`);
      } else {
        this.announce(this.choice?.error ?? '');
        await this.#focus(`#act-error-${cssId(item.id)}`);
      }
      return;
    }
    const done = m.done[choice.action] ?? '';
    this.choice = null;
    if (result.data.moderationItem?.status === 'OPEN') {
      // Warnings, suspensions, bans and locks act beside the item: the case stays open for a decision about it.
      this.notes = [...this.notes, done];
      if (choice.action === 'LOCK' && item.subject?.__typename === 'Post') {
        this.item = { ...item, subject: { ...item.subject, locked: true } };
      }
      this.announce(`${done} ${m.stillOpen}`);
      await this.#focus(`#note-${cssId(item.id)}`);
      return;
    }
    this.#resolved(done);
  }


  /** The API's English field messages, in the reader's language where the widget knows them. */
  #localize(message: string): string {
    const tooLong = /at most ([\d,]+)/.exec(message);
    if (tooLong) return this.common.tooLong(Number(tooLong[1]!.replace(/,/g, '')));
    if (/must not be empty/i.test(message)) return this.#messages.reasonMissing;
    return message;
  }

  // Rendering ---------------------------------------------------------------------------------------------

  protected override renderContent() {
    return this.item ? this.#renderItem(this.item) : nothing;
  }

  #renderItem(item: QueueItem) {
    const m = this.#messages;
    const domain = this.i18n.messages(domainMessages);
    const reasons = this.i18n.messages(reportFormMessages);
    const id = cssId(item.id);
    const subject = item.subject;
    const post = subject?.__typename === 'Post' ? subject : null;
    const reply = subject?.__typename === 'Reply' ? subject : null;
    const content = post ?? reply;
    const why = [...item.reasons.map((reason) => reasons.reportReason[reason] ?? reason), ...item.flags.map((flag) => m.flag[flag] ?? flag)];
    const notes = item.reports.filter((report) => report.note?.trim());
    const open = this.contentOpen;
    const choice = this.choice?.itemId === item.id ? this.choice : null;
    const done = this.notes.length ? this.notes : null;
    const actions = this.#actionsFor(item);
    return html`<article class=${`card stack item ${item.crisis ? 'panel crisis' : ''}`} part="item" aria-labelledby=${`item-${id}`}>
      <div class="row">
        ${item.crisis ? html`<span class="badge crisis-badge" part="badge">${m.crisis}</span>${this.#crisis.renderBadges(item)}` : nothing}
        ${item.heldForReview ? html`<span class="badge" part="badge">${m.held}</span>` : nothing}
        ${item.group ? html`<span class="small muted" dir="auto">${item.group.name}</span>` : nothing}
      </div>
      ${item.crisis ? this.#renderWaiting(item.waitingSince) : nothing}
      <h3 id=${`item-${id}`} tabindex="-1">
        ${post
          ? html`<span class="kind">${m.post}:</span> <bdi>${post.title}</bdi>`
          : reply
            ? html`<span class="kind">${m.replyTo}:</span> <bdi>${reply.post?.title ?? ''}</bdi>`
            : m.unavailable}
      </h3>
      <p class="small">${[item.reportCount ? m.reports(item.reportCount) : '', this.i18n.list(why)].filter(Boolean).join(' · ')}</p>
      ${content
        ? html`<div class="subject stack">
            <p class="small muted"><bdi>${authorNameOf(this.i18n, content)}</bdi> · ${this.i18n.relativeTime(content.createdAt)}</p>
            ${content.contentWarning
              ? renderWarningGate(this.i18n, {
                  id,
                  warning: content.contentWarning,
                  open,
                  controls: `content-${id}`,
                  showLabel: this.i18n.messages(contentMessages)[post ? 'showPost' : 'showReply'],
                  toggle: () => (this.contentOpen = !this.contentOpen),
                })
              : nothing}
            <div id=${`content-${id}`}>${!content.contentWarning || open ? html`<p class="body" dir="auto">${content.body}</p>` : nothing}</div>
          </div>`
        : nothing}
      ${notes.length
        ? html`<div>
            <h4>${m.notesLabel}</h4>
            <ul class="notes">
              ${notes.map((report) => html`<li><span class="small muted">${reasons.reportReason[report.reason] ?? report.reason}</span><span class="note" dir="auto">${report.note}</span></li>`)}
            </ul>
          </div>`
        : nothing}
      ${done ? html`<p id=${`note-${id}`} class="done" tabindex="-1">${done.join(' ')} ${m.stillOpen}</p>` : nothing}
      ${item.crisis ? this.#crisis.render(item) : nothing}
      ${item.crisis
        ? html`<details class="more" ?open=${Boolean(choice)}>
            <summary>${m.moreActions}</summary>
            ${this.#renderUsualActions(item, actions, choice)}
          </details>`
        : this.#renderUsualActions(item, actions, choice)}
    </article>`;
  }

  /** How long the writer has waited for a facilitator: the first thing a crisis card says after what it is. */
  #renderWaiting(since: string) {
    return html`<p class="waiting" part="waiting">
      <time datetime=${since} title=${this.i18n.dateTime(since)}>${this.#messages.waiting(this.i18n.relativeTime(since))}</time>
    </p>`;
  }

  #renderUsualActions(item: QueueItem, actions: Action[], choice: Choice | null) {
    const m = this.#messages;
    return html`${this.#renderActions(item, m.contentActions, actions.filter((action) => !authorActions.has(action)), choice)}
      ${this.#renderActions(item, m.authorActions, actions.filter((action) => authorActions.has(action)), choice)}
      ${choice ? this.#renderChoice(item, choice) : nothing}`;
  }

  #renderActions(item: QueueItem, label: string, actions: Action[], choice: Choice | null) {
    if (!actions.length) return nothing;
    const m = this.#messages;
    return html`<div class="actions" role="group" aria-label=${label}>
      <p class="small muted" aria-hidden="true">${label}</p>
      <div class="buttons">
        ${actions.map(
          (action) => html`<button
            type="button"
            part="button"
            class=${action === 'REMOVE' || action === 'BAN' ? 'danger' : action === 'APPROVE' ? 'primary' : ''}
            aria-pressed=${choice?.action === action ? 'true' : 'false'}
            ?disabled=${choice?.busy}
            @click=${() => this.#choose(item, action)}
          >
            ${m.action[action]}
          </button>`,
        )}
      </div>
    </div>`;
  }

  #renderChoice(item: QueueItem, choice: Choice) {
    const m = this.#messages;
    const id = cssId(item.id);
    const label = m.action[choice.action] ?? choice.action;
    const reasonProblem = choice.problem?.field === 'reason' ? choice.problem.text : null;
    const daysProblem = choice.problem?.field === 'days' ? choice.problem.text : null;
    return html`<form class="stack choice" novalidate @submit=${(event: SubmitEvent) => this.#act(event, item)}>
      <p class="small">${m.effect[choice.action]}</p>
      ${choice.action === 'SUSPEND'
        ? html`<div class="field">
            <label for=${`days-${id}`}>${m.durationLabel}</label>
            <select
              id=${`days-${id}`}
              aria-invalid=${daysProblem ? 'true' : 'false'}
              aria-describedby=${daysProblem ? `days-problem-${id}` : nothing}
              @change=${(event: Event) => this.#editChoice({ days: Number((event.target as HTMLSelectElement).value) })}
            >
              ${suspensionDays.map((days) => html`<option value=${days} ?selected=${choice.days === days}>${m.days(days)}</option>`)}
            </select>
            ${daysProblem ? html`<span id=${`days-problem-${id}`} class="problem" dir="auto">${daysProblem}</span>` : nothing}
          </div>`
        : nothing}
      ${renderReasonField({
        id: `reason-${id}`,
        label: m.reasonLabel,
        value: choice.reason,
        problem: reasonProblem,
        onInput: (reason) => this.#editChoice({ reason, confirming: false }),
      })}
      ${choice.confirming
        ? html`<div class="panel confirm stack">
            <p id=${`confirm-question-${id}`}><strong>${m.confirmQuestion}</strong></p>
            <div class="row">
              <button id=${`confirm-${id}`} type="submit" class="danger" part="button" aria-describedby=${`confirm-question-${id}`} ?disabled=${choice.busy}>${choice.busy ? this.common.loading : m.confirm(label)}</button>
              <button type="button" class="quiet" @click=${() => this.#editChoice({ confirming: false })}>${m.back}</button>
            </div>
          </div>`
        : html`<div class="row">
            <button type="submit" part="button" class=${confirmed.has(choice.action) ? 'danger' : 'primary'} ?disabled=${choice.busy}>
              ${choice.busy ? this.common.loading : label}
            </button>
            <button type="button" class="quiet" @click=${() => (this.choice = null)}>${this.common.cancel}</button>
          </div>`}
      ${choice.error ? html`<p id=${`act-error-${id}`} class="problem" role="alert" tabindex="-1" dir="auto">${choice.error}</p>` : nothing}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-moderation-item': HearthModerationItem;
  }
}
