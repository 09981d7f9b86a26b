import {
  approveJoinRequestMutation,
  joinRequestsQuery,
  meQuery,
  moderateMutation,
  moderationQueueQuery,
  rejectJoinRequestMutation,
  type HearthClient,
  type HearthFailure,
  type HearthMutationResult,
  type ResultOf,
} from '@hearth/client';
import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { groupLookup } from '../base/group-reference.js';
import { HearthElement } from '../base/hearth-element.js';
import { MinuteClockController } from '../base/minute-clock-controller.js';
import { failureMessage, type ApiRefusal } from '../base/failure-message.js';
import { dataOf, LoadFailure } from '../base/load-failure.js';
import { contentMessages } from '../content/content.messages.js';
import { contentStyles } from '../content/content.styles.js';
import { authorNameOf, renderWarningGate } from '../content/post-parts.js';
import { domainMessages } from '../localization/domain.messages.js';
import { moderationQueueMessages } from './hearth-moderation-queue.messages.js';
import { moderatedGroupQuery } from './hearth-moderation-queue.operations.js';
import { moderationQueueStyles } from './hearth-moderation-queue.styles.js';

type RequestPage = NonNullable<NonNullable<ResultOf<typeof joinRequestsQuery>['group']>['joinRequests']>;
type JoinRequest = RequestPage['edges'][number]['node'];
type QueuePage = ResultOf<typeof moderationQueueQuery>['moderationQueue'];
type QueueItem = QueuePage['edges'][number]['node'];
type PageInfo = { hasNextPage: boolean; endCursor?: string | null | undefined };

interface RequestGroup {
  id: string;
  name: string;
  questions: readonly string[];
  requests: JoinRequest[];
  pageInfo: PageInfo;
}

type Scope = { kind: 'guest' } | { kind: 'forbidden' } | { kind: 'missing' } | { kind: 'ready'; groupId: string | null; admin: boolean };

type Action = 'APPROVE' | 'DISMISS' | 'HIDE' | 'REMOVE' | 'LOCK' | 'WARN' | 'SUSPEND' | 'BAN';
const authorActions: ReadonlySet<Action> = new Set(['WARN', 'SUSPEND', 'BAN']);

/** The action a moderator is preparing on one item: its reason, a suspension's length, the confirm step. */
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

/** A join request being declined: the reason the applicant will read. */
interface Decline {
  id: string;
  reason: string;
  problem?: string | undefined;
}

const facilitatorRoles = ['PEER_FACILITATOR', 'PROFESSIONAL_FACILITATOR'];
const confirmed: ReadonlySet<Action> = new Set(['REMOVE', 'BAN']);
const suspensionDays = [1, 7, 30];
const reasonLimit = 1000;
const pageSize = 10;

/**
 * The facilitators' desk: join requests waiting for a decision, and the moderation queue (reports, crisis
 * language and held posts, crisis first) with actions that always carry a reason for the audit log.
 *
 * @tagname hearth-moderation-queue
 * @summary Join requests and the moderation queue for a group's facilitators.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart requests - The join requests section.
 * @csspart request - One join request's card.
 * @csspart queue - The moderation queue section.
 * @csspart item - One queue item's card (crisis items also carry the `crisis` class).
 * @csspart badge - The crisis and held-for-review badges.
 * @csspart button - The action buttons.
 * @csspart load-more - The "Show more" buttons.
 * @csspart skeleton - A placeholder while loading.
 * @csspart state - The loading, empty, error, signed-out and not-a-facilitator panels.
 *
 * @cssprop [--hearth-color-accent=#0f6b66] - Buttons and links.
 * @cssprop [--hearth-color-text=#1f2933] - Body text.
 * @cssprop [--hearth-color-muted=#4b5563] - Secondary text.
 * @cssprop [--hearth-color-surface=#ffffff] - Card background.
 * @cssprop [--hearth-color-surface-alt=#f4f6f7] - Quoted content and panels.
 * @cssprop [--hearth-color-border=#c5ccd3] - Card and field borders.
 * @cssprop [--hearth-color-danger=#b42318] - Remove and ban, field problems.
 * @cssprop [--hearth-color-crisis-surface=#fff4e5] - A crisis item's background.
 * @cssprop [--hearth-color-crisis-border=#b54708] - A crisis item's border.
 * @cssprop [--hearth-color-focus=#1d4ed8] - The focus ring.
 * @cssprop [--hearth-font-family=system-ui] - The widget's font.
 * @cssprop [--hearth-radius=8px] - Corner radius.
 * @cssprop [--hearth-space=16px] - Base spacing.
 *
 * @fires hearth-sign-in-request - A guest (or a reader whose session ended) chose to sign in: `{ action: 'moderate' }`.
 */
export class HearthModerationQueue extends HearthElement {
  /** Keeps "5 minutes ago" true while the page stays open. */
  readonly #clock = new MinuteClockController(this);

  static override languagePacks = ['members', 'facilitators'] as const;

  static override styles = [...HearthElement.styles, contentStyles, moderationQueueStyles];

  static override properties = {
    group: {},
    requestGroups: { state: true },
    items: { state: true },
    queueInfo: { state: true },
    loadingMore: { state: true },
    decline: { state: true },
    requestBusy: { state: true },
    requestError: { state: true },
    choice: { state: true },
    revealed: { state: true },
    notes: { state: true },
  };

  /** The group to moderate (slug or global ID). Without it: every group the viewer facilitates. */
  declare group: string | undefined;
  declare private requestGroups: RequestGroup[];
  declare private items: QueueItem[];
  declare private queueInfo: PageInfo;
  declare private loadingMore: string | null;
  declare private decline: Decline | null;
  declare private requestBusy: string | null;
  declare private requestError: { id: string; text: string } | null;
  declare private choice: Choice | null;
  /** Items whose content warning the moderator opened. */
  declare private revealed: ReadonlySet<string>;
  /** Actions taken on items that stay in the queue (a warning leaves the post itself to decide). */
  declare private notes: Readonly<Record<string, string[]>>;

  constructor() {
    super();
    this.requestGroups = [];
    this.items = [];
    this.queueInfo = { hasNextPage: false };
    this.loadingMore = null;
    this.decline = null;
    this.requestBusy = null;
    this.requestError = null;
    this.choice = null;
    this.revealed = new Set();
    this.notes = {};
  }

  private readonly desk = new Task(this, {
    task: async ([client, group, mayHaveMember], { signal }): Promise<Scope> => {
      if (!client) throw new Error('not configured');
      if (!mayHaveMember) return { kind: 'guest' };
      let groups: Array<{ id: string; name: string }>;
      let groupId: string | null = null;
      let admin = false;
      if (group) {
        const data = dataOf(await client.request(moderatedGroupQuery, groupLookup(group), { signal }));
        if (!data.me) return { kind: 'guest' };
        if (!data.group) return { kind: 'missing' };
        const membership = data.group.viewerMembership;
        const facilitates = membership?.status === 'ACTIVE' && facilitatorRoles.includes(membership.role);
        admin = data.me.isInstitutionAdmin;
        if (!facilitates && !admin) return { kind: 'forbidden' };
        groups = [data.group];
        groupId = data.group.id;
      } else {
        const me = dataOf(await client.request(meQuery, { membershipsFirst: 100 }, { signal })).me;
        if (!me) return { kind: 'guest' };
        groups = me.memberships.edges
          .map((edge) => edge.node)
          .filter((membership) => membership.status === 'ACTIVE' && facilitatorRoles.includes(membership.role) && membership.group)
          .map((membership) => membership.group!);
        admin = me.isInstitutionAdmin;
        if (!groups.length && !admin) return { kind: 'forbidden' };
      }
      const [requestGroups, queue] = await Promise.all([
        Promise.all(groups.map((each) => this.#loadRequests(client, each, undefined, signal))),
        client.request(moderationQueueQuery, { groupId, first: pageSize }, { signal }),
      ]);
      if (queue.kind === 'graphql' && queue.errors.some((error) => error.extensions?.code === 'FORBIDDEN')) return { kind: 'forbidden' };
      const page = dataOf(queue).moderationQueue;
      this.requestGroups = requestGroups.filter((each): each is RequestGroup => each !== null);
      this.items = page.edges.map((edge) => edge.node);
      this.queueInfo = page.pageInfo;
      this.choice = null;
      this.decline = null;
      return { kind: 'ready', groupId, admin };
    },
    args: () => [this.connection.client, this.group, this.connection.mayHaveMember, this.connection.revision] as const,
  });

  /** One group's PENDING requests (null when the viewer may not see them after all). */
  async #loadRequests(client: HearthClient, group: { id: string; name: string }, after: string | undefined, signal?: AbortSignal): Promise<RequestGroup | null> {
    const data = dataOf(await client.request(joinRequestsQuery, { groupId: group.id, first: pageSize, after }, { signal }));
    const page = data.group?.joinRequests;
    if (!data.group || !page) return null;
    return { id: group.id, name: group.name, questions: data.group.entryQuestions, requests: page.edges.map((edge) => edge.node), pageInfo: page.pageInfo };
  }

  protected override reload(): void {
    void this.desk.run();
  }

  get #messages() {
    return this.i18n.messages(moderationQueueMessages);
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    (this.renderRoot.querySelector(selector) as HTMLElement | null)?.focus();
  }

  #failureText(result: HearthFailure | { kind: 'error'; error: ApiRefusal }): string {
    return failureMessage(this.common, result).text;
  }

  // Join requests ---------------------------------------------------------------------------------------------

  async #decide(group: RequestGroup, request: JoinRequest, approve: boolean): Promise<void> {
    const client = this.connection.client;
    if (!client || this.requestBusy) return;
    const m = this.#messages;
    let reason: string | null = null;
    if (!approve) {
      reason = this.decline?.id === request.id ? this.decline.reason.trim() : '';
      if (!reason) {
        this.decline = { id: request.id, reason: '', problem: m.declineReasonMissing };
        await this.#focus(`#decline-${cssId(request.id)}`);
        return;
      }
    }
    this.requestBusy = request.id;
    this.requestError = null;
    const input = { membershipId: request.id, reason };
    const result = approve
      ? await client.mutate(approveJoinRequestMutation, { input }, (data) => data.approveJoinRequest)
      : await client.mutate(rejectJoinRequestMutation, { input }, (data) => data.rejectJoinRequest);
    this.requestBusy = null;
    if (result.kind !== 'ok') {
      if (result.kind === 'error' && result.error.__typename === 'ValidationError' && !approve) {
        const field = 'fields' in result.error ? result.error.fields.find((each) => each.path.at(-1) === 'reason') : undefined;
        if (field) {
          this.decline = { id: request.id, reason: this.decline?.reason ?? '', problem: this.#localize(field.message) };
          await this.#focus(`#decline-${cssId(request.id)}`);
          return;
        }
      }
      if (decidedElsewhere(result)) {
        await this.#removeRequest(group, request, m.handledElsewhere);
        return;
      }
      this.requestError = { id: request.id, text: this.#failureText(result) };
      this.announce(this.requestError.text);
      return;
    }
    const name = request.member?.displayName ?? request.pseudonym ?? '';
    await this.#removeRequest(group, request, approve ? m.approved(name) : m.declined(name));
  }

  /** The request leaves the list; focus goes to the next one, or to the section's heading. */
  async #removeRequest(group: RequestGroup, request: JoinRequest, outcome: string): Promise<void> {
    const all = this.requestGroups.flatMap((each) => each.requests);
    const next = all[all.indexOf(request) + 1];
    this.requestGroups = this.requestGroups.map((each) => (each === group ? { ...each, requests: each.requests.filter((other) => other !== request) } : each));
    this.decline = null;
    this.announce(outcome);
    await this.#focus(next ? `#request-${cssId(next.id)}` : '#requests-heading');
  }

  async #moreRequests(group: RequestGroup): Promise<void> {
    const client = this.connection.client;
    if (!client || !group.pageInfo.endCursor) return;
    this.loadingMore = group.id;
    try {
      const page = await this.#loadRequests(client, group, group.pageInfo.endCursor);
      if (page) {
        this.requestGroups = this.requestGroups.map((each) => (each.id === group.id ? { ...each, requests: [...each.requests, ...page.requests], pageInfo: page.pageInfo } : each));
      }
    } catch (error) {
      this.announce(error instanceof LoadFailure ? this.#failureText(error.failure) : this.common.failedBody);
    }
    this.loadingMore = null;
  }

  // The moderation queue ------------------------------------------------------------------------------------

  #actionsFor(item: QueueItem): Action[] {
    if (item.heldForReview) return ['APPROVE', 'REMOVE'];
    const subject = item.subject;
    const lockable = subject?.__typename === 'Post' && !subject.locked;
    // Suspending or banning an anonymous author is for the institution's admins (the API refuses facilitators,
    // so the answer can't hint at who wrote it): facilitators are not offered what would only be refused.
    const admin = this.desk.value?.kind === 'ready' && this.desk.value.admin;
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
      await this.#removeItem(item, m.handledElsewhere);
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
      this.notes = { ...this.notes, [item.id]: [...(this.notes[item.id] ?? []), done] };
      if (choice.action === 'LOCK' && item.subject?.__typename === 'Post') {
        this.items = this.items.map((each) => (each === item && each.subject?.__typename === 'Post' ? { ...each, subject: { ...each.subject, locked: true } } : each));
      }
      this.announce(`${done} ${m.stillOpen}`);
      await this.#focus(`#note-${cssId(item.id)}`);
      return;
    }
    await this.#removeItem(item, done);
  }

  /** The item leaves the queue; focus goes to the next one, or to the section's heading. */
  async #removeItem(item: QueueItem, outcome: string): Promise<void> {
    const index = this.items.indexOf(item);
    this.items = this.items.filter((each) => each !== item);
    const next = this.items[index];
    this.announce(outcome);
    await this.#focus(next ? `#item-${cssId(next.id)}` : '#queue-heading');
  }

  async #moreItems(): Promise<void> {
    const client = this.connection.client;
    const scope = this.desk.value;
    if (!client || scope?.kind !== 'ready' || !this.queueInfo.endCursor) return;
    this.loadingMore = 'queue';
    const result = await client.request(moderationQueueQuery, { groupId: scope.groupId, first: pageSize, after: this.queueInfo.endCursor });
    this.loadingMore = null;
    if (result.kind !== 'ok') {
      this.announce(this.#failureText(result));
      return;
    }
    const known = new Set(this.items.map((item) => item.id));
    const added = result.data.moderationQueue.edges.map((edge) => edge.node).filter((item) => !known.has(item.id));
    this.items = [...this.items, ...added];
    this.queueInfo = result.data.moderationQueue.pageInfo;
    if (added[0]) await this.#focus(`#item-${cssId(added[0].id)}`);
  }

  #toggleContent(item: QueueItem): void {
    const next = new Set(this.revealed);
    if (!next.delete(item.id)) next.add(item.id);
    this.revealed = next;
  }

  /** The API's English field messages, in the reader's language where the widget knows them. */
  #localize(message: string): string {
    const tooLong = /at most ([\d,]+)/.exec(message);
    if (tooLong) return this.common.tooLong(Number(tooLong[1]!.replace(/,/g, '')));
    if (/must not be empty/i.test(message)) return this.#messages.reasonMissing;
    return message;
  }

  // Rendering -----------------------------------------------------------------------------------------------

  protected override renderContent() {
    return this.renderTask(this.desk, (scope) => {
      switch (scope.kind) {
        case 'guest':
          return this.renderSignInPrompt('moderate');
        case 'forbidden':
          return html`<div class="panel" part="state"><p>${this.#messages.notFacilitator}</p></div>`;
        case 'missing':
          return html`<div class="panel" part="state"><p>${this.common.notFound}</p></div>`;
        default:
          return html`<div class="stack desk">${this.#renderRequests()} ${this.#renderQueue()}</div>`;
      }
    });
  }

  #renderRequests() {
    const m = this.#messages;
    const groups = this.requestGroups;
    const waiting = groups.some((group) => group.requests.length);
    const named = groups.length > 1;
    return html`<section class="stack" part="requests" aria-labelledby="requests-heading">
      <h2 id="requests-heading" tabindex="-1">${m.requestsHeading}</h2>
      ${waiting
        ? groups.map((group) =>
            group.requests.length
              ? html`<div class="stack" role="group" aria-label=${m.requestsIn(group.name)}>
                  ${named ? html`<p class="group-name" dir="auto">${group.name}</p>` : nothing}
                  <ul class="cards">
                    ${repeat(group.requests, (request) => request.id, (request) => html`<li>${this.#renderRequest(group, request)}</li>`)}
                  </ul>
                  ${group.pageInfo.hasNextPage
                    ? html`<p>
                        <button part="load-more" ?disabled=${this.loadingMore === group.id} @click=${() => this.#moreRequests(group)}>
                          ${this.loadingMore === group.id ? this.common.loading : this.common.loadMore}
                        </button>
                      </p>`
                    : nothing}
                </div>`
              : nothing,
          )
        : html`<p class="muted">${m.noRequests}</p>`}
    </section>`;
  }

  #renderRequest(group: RequestGroup, request: JoinRequest) {
    const m = this.#messages;
    const id = cssId(request.id);
    const name = request.member?.displayName ?? request.pseudonym ?? '';
    const declining = this.decline?.id === request.id ? this.decline : null;
    const busy = this.requestBusy === request.id;
    const error = this.requestError?.id === request.id ? this.requestError.text : null;
    return html`<article class="card stack" part="request" aria-labelledby=${`request-${id}`}>
      <div>
        <h3 id=${`request-${id}`} tabindex="-1" dir="auto">${name}</h3>
        <p class="small muted">
          <time datetime=${request.requestedAt} title=${this.i18n.dateTime(request.requestedAt)}>${m.requested(this.i18n.relativeTime(request.requestedAt))}</time>
        </p>
        ${request.pseudonym && request.member ? html`<p class="small" dir="auto">${m.goesBy(request.pseudonym)}</p>` : nothing}
      </div>
      ${group.questions.length
        ? html`<dl class="answers">
            ${group.questions.map(
              (question, index) => html`<dt dir="auto">${question}</dt>
                <dd dir="auto">${request.answers[index]?.trim() ? request.answers[index] : html`<span class="muted">${m.noAnswer}</span>`}</dd>`,
            )}
          </dl>`
        : nothing}
      ${declining
        ? html`<form class="stack" novalidate @submit=${(event: SubmitEvent) => { event.preventDefault(); void this.#decide(group, request, false); }}>
            <div class="field">
              <label for=${`decline-${id}`}>${m.declineReasonLabel}</label>
              <span id=${`decline-hint-${id}`} class="hint">${m.declineReasonHint}</span>
              <textarea
                id=${`decline-${id}`}
                dir="auto"
                rows="3"
                maxlength=${reasonLimit}
                aria-required="true"
                aria-invalid=${declining.problem ? 'true' : 'false'}
                aria-describedby=${`decline-hint-${id}${declining.problem ? ` decline-problem-${id}` : ''}`}
                .value=${declining.reason}
                @input=${(event: Event) => (this.decline = { id: request.id, reason: (event.target as HTMLTextAreaElement).value })}
              ></textarea>
              ${declining.problem ? html`<span id=${`decline-problem-${id}`} class="problem">${declining.problem}</span>` : nothing}
            </div>
            <div class="row">
              <button type="submit" class="danger" part="button" ?disabled=${busy}>${busy ? this.common.loading : m.confirmDecline}</button>
              <button type="button" class="quiet" @click=${() => (this.decline = null)}>${this.common.cancel}</button>
            </div>
          </form>`
        : html`<div class="row">
            <button class="primary" part="button" ?disabled=${busy} @click=${() => this.#decide(group, request, true)}>${busy ? this.common.loading : m.approve}</button>
            <button part="button" ?disabled=${busy} @click=${() => { this.decline = { id: request.id, reason: '' }; void this.#focus(`#decline-${id}`); }}>${m.decline}</button>
          </div>`}
      ${error ? html`<p class="problem" role="alert" dir="auto">${error}</p>` : nothing}
    </article>`;
  }

  #renderQueue() {
    const m = this.#messages;
    return html`<section class="stack" part="queue" aria-labelledby="queue-heading">
      <h2 id="queue-heading" tabindex="-1">${m.queueHeading}</h2>
      ${this.items.length
        ? html`<ul class="cards">
            ${repeat(this.items, (item) => item.id, (item) => html`<li>${this.#renderItem(item)}</li>`)}
          </ul>`
        : html`<div class="panel" part="state empty">
            <h3>${m.emptyTitle}</h3>
            <p>${m.emptyBody}</p>
          </div>`}
      ${this.queueInfo.hasNextPage
        ? html`<p>
            <button part="load-more" ?disabled=${this.loadingMore === 'queue'} @click=${this.#moreItems}>
              ${this.loadingMore === 'queue' ? this.common.loading : this.common.loadMore}
            </button>
          </p>`
        : nothing}
    </section>`;
  }

  #renderItem(item: QueueItem) {
    const m = this.#messages;
    const domain = this.i18n.messages(domainMessages);
    const id = cssId(item.id);
    const subject = item.subject;
    const post = subject?.__typename === 'Post' ? subject : null;
    const reply = subject?.__typename === 'Reply' ? subject : null;
    const content = post ?? reply;
    const why = [...item.reasons.map((reason) => domain.reportReason[reason] ?? reason), ...item.flags.map((flag) => m.flag[flag] ?? flag)];
    const notes = item.reports.filter((report) => report.note?.trim());
    const open = this.revealed.has(item.id);
    const choice = this.choice?.itemId === item.id ? this.choice : null;
    const done = this.notes[item.id];
    const actions = this.#actionsFor(item);
    return html`<article class=${`card stack item ${item.crisis ? 'panel crisis' : ''}`} part="item" aria-labelledby=${`item-${id}`}>
      <div class="row">
        ${item.crisis ? html`<span class="badge crisis-badge" part="badge">${m.crisis}</span>` : nothing}
        ${item.heldForReview ? html`<span class="badge" part="badge">${m.held}</span>` : nothing}
        ${item.group ? html`<span class="small muted" dir="auto">${item.group.name}</span>` : nothing}
      </div>
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
                  toggle: () => this.#toggleContent(item),
                })
              : nothing}
            <div id=${`content-${id}`}>${!content.contentWarning || open ? html`<p class="body" dir="auto">${content.body}</p>` : nothing}</div>
          </div>`
        : nothing}
      ${notes.length
        ? html`<div>
            <h4>${m.notesLabel}</h4>
            <ul class="notes">
              ${notes.map((report) => html`<li><span class="small muted">${domain.reportReason[report.reason] ?? report.reason}</span><span class="note" dir="auto">${report.note}</span></li>`)}
            </ul>
          </div>`
        : nothing}
      ${done ? html`<p id=${`note-${id}`} class="done" tabindex="-1">${done.join(' ')} ${m.stillOpen}</p>` : nothing}
      ${this.#renderActions(item, m.contentActions, actions.filter((action) => !authorActions.has(action)), choice)}
      ${this.#renderActions(item, m.authorActions, actions.filter((action) => authorActions.has(action)), choice)}
      ${choice ? this.#renderChoice(item, choice) : nothing}
    </article>`;
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
      <div class="field">
        <label for=${`reason-${id}`}>${m.reasonLabel}</label>
        <textarea
          id=${`reason-${id}`}
          dir="auto"
          rows="3"
          maxlength=${reasonLimit}
          aria-required="true"
          aria-invalid=${reasonProblem ? 'true' : 'false'}
          aria-describedby=${reasonProblem ? `reason-problem-${id}` : nothing}
          .value=${choice.reason}
          @input=${(event: Event) => this.#editChoice({ reason: (event.target as HTMLTextAreaElement).value, confirming: false })}
        ></textarea>
        ${reasonProblem ? html`<span id=${`reason-problem-${id}`} class="problem" dir="auto">${reasonProblem}</span>` : nothing}
      </div>
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

/**
 * Another facilitator decided first: the request is no longer waiting, or the case is closed. The API says so
 * with a ConflictError; the widget treats it as done rather than as a failure.
 */
function decidedElsewhere(result: { kind: string; error?: { __typename: string; message: string } }): boolean {
  return result.kind === 'error' && result.error?.__typename === 'ConflictError' && /not a request waiting|already closed/.test(result.error.message);
}

/** Global IDs hold `=`, `+` and `/`: fine in id references, but not in a `#selector`. */
function cssId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, (character) => `_${character.charCodeAt(0).toString(16)}`);
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-moderation-queue': HearthModerationQueue;
  }
}
