import { approveJoinRequestMutation, joinRequestsQuery, rejectJoinRequestMutation, type HearthClient, type HearthFailure, type ResultOf } from '@hearth/client';
import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { failureMessage, type ApiRefusal } from '../base/failure-message.js';
import { HearthElement } from '../base/hearth-element.js';
import { dataOf, LoadFailure } from '../base/load-failure.js';
import { MinuteClockController } from '../base/minute-clock-controller.js';
import { moderationQueueMessages } from './hearth-moderation-queue.messages.js';
import { moderationQueueStyles } from './hearth-moderation-queue.styles.js';
import { cssId, decidedElsewhere } from './queue-outcomes.js';
import { renderReasonField } from './reason-field.js';

type RequestPage = NonNullable<NonNullable<ResultOf<typeof joinRequestsQuery>['group']>['joinRequests']>;
type JoinRequest = RequestPage['edges'][number]['node'];
type PageInfo = { hasNextPage: boolean; endCursor?: string | null | undefined };

/** A group the viewer decides requests for. */
export interface RequestingGroup {
  id: string;
  name: string;
}

interface RequestGroup extends RequestingGroup {
  questions: readonly string[];
  requests: JoinRequest[];
  pageInfo: PageInfo;
}

/** A join request being declined: the reason the applicant will read. */
interface Decline {
  id: string;
  reason: string;
  problem?: string | undefined;
}

const pageSize = 10;

/**
 * The join requests waiting for a decision in the groups a facilitator runs, each with the group's entry
 * questions and the applicant's answers; declining asks for a reason the applicant will read. Part of the
 * facilitators' desk (`<hearth-moderation-queue>`), below the crisis items.
 *
 * @tagname hearth-join-requests
 * @summary The join requests of a facilitator's groups.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart requests - The join requests section.
 * @csspart request - One join request's card.
 * @csspart button - The approve and decline buttons.
 * @csspart load-more - The "Show more" buttons.
 * @csspart skeleton - A placeholder while loading.
 *
 * @cssprop [--hearth-color-accent=#0f6b66] - Buttons and links.
 * @cssprop [--hearth-color-text=#1f2933] - Body text.
 * @cssprop [--hearth-color-border=#c5ccd3] - Card and field borders.
 * @cssprop [--hearth-color-danger=#b42318] - Decline, field problems.
 * @cssprop [--hearth-color-focus=#1d4ed8] - The focus ring.
 */
export class HearthJoinRequests extends HearthElement {
  readonly #clock = new MinuteClockController(this);

  static override languagePacks = ['members', 'facilitators'] as const;

  static override styles = [...HearthElement.styles, moderationQueueStyles];

  static override properties = {
    groups: { attribute: false },
    requestGroups: { state: true },
    loadingMore: { state: true },
    decline: { state: true },
    busy: { state: true },
    requestError: { state: true },
  };

  /** The groups whose requests to show. */
  declare groups: readonly RequestingGroup[];
  declare private requestGroups: RequestGroup[];
  declare private loadingMore: string | null;
  declare private decline: Decline | null;
  declare private busy: string | null;
  declare private requestError: { id: string; text: string } | null;

  constructor() {
    super();
    this.groups = [];
    this.requestGroups = [];
    this.loadingMore = null;
    this.decline = null;
    this.busy = null;
    this.requestError = null;
  }

  private readonly requests = new Task(this, {
    task: async ([client, groups], { signal }) => {
      if (!client) throw new Error('not configured');
      const loaded = await Promise.all(groups.map((group) => this.#load(client, group, undefined, signal)));
      this.requestGroups = loaded.filter((each): each is RequestGroup => each !== null);
      this.decline = null;
      return this.requestGroups;
    },
    args: () => [this.connection.client, this.groups, this.connection.revision] as const,
  });

  /** One group's PENDING requests (null when the viewer may not see them after all). */
  async #load(client: HearthClient, group: RequestingGroup, after: string | undefined, signal?: AbortSignal): Promise<RequestGroup | null> {
    const data = dataOf(await client.request(joinRequestsQuery, { groupId: group.id, first: pageSize, after }, { signal }));
    const page = data.group?.joinRequests;
    if (!data.group || !page) return null;
    return { id: group.id, name: group.name, questions: data.group.entryQuestions, requests: page.edges.map((edge) => edge.node), pageInfo: page.pageInfo };
  }

  protected override reload(): void {
    void this.requests.run();
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

  async #decide(group: RequestGroup, request: JoinRequest, approve: boolean): Promise<void> {
    const client = this.connection.client;
    if (!client || this.busy) return;
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
    this.busy = request.id;
    this.requestError = null;
    const input = { membershipId: request.id, reason };
    const result = approve
      ? await client.mutate(approveJoinRequestMutation, { input }, (data) => data.approveJoinRequest)
      : await client.mutate(rejectJoinRequestMutation, { input }, (data) => data.rejectJoinRequest);
    this.busy = null;
    if (result.kind !== 'ok') {
      if (result.kind === 'error' && result.error.__typename === 'ValidationError' && !approve) {
        const field = 'fields' in result.error ? result.error.fields.find((each) => each.path.at(-1) === 'reason') : undefined;
        if (field) {
          const tooLong = /at most ([\d,]+)/.exec(field.message);
          this.decline = { id: request.id, reason: this.decline?.reason ?? '', problem: tooLong ? this.common.tooLong(Number(tooLong[1]!.replace(/,/g, ''))) : m.declineReasonMissing };
          await this.#focus(`#decline-${cssId(request.id)}`);
          return;
        }
      }
      if (decidedElsewhere(result)) {
        await this.#remove(group, request, m.handledElsewhere);
        return;
      }
      this.requestError = { id: request.id, text: this.#failureText(result) };
      this.announce(this.requestError.text);
      return;
    }
    const name = request.member?.displayName ?? request.pseudonym ?? '';
    await this.#remove(group, request, approve ? m.approved(name) : m.declined(name));
  }

  /** The request leaves the list; focus goes to the next one, or to the section's heading. */
  async #remove(group: RequestGroup, request: JoinRequest, outcome: string): Promise<void> {
    const all = this.requestGroups.flatMap((each) => each.requests);
    const next = all[all.indexOf(request) + 1];
    this.requestGroups = this.requestGroups.map((each) => (each === group ? { ...each, requests: each.requests.filter((other) => other !== request) } : each));
    this.decline = null;
    this.announce(outcome);
    await this.#focus(next ? `#request-${cssId(next.id)}` : '#requests-heading');
  }

  async #more(group: RequestGroup): Promise<void> {
    const client = this.connection.client;
    if (!client || !group.pageInfo.endCursor) return;
    this.loadingMore = group.id;
    try {
      const page = await this.#load(client, group, group.pageInfo.endCursor);
      if (page) {
        this.requestGroups = this.requestGroups.map((each) => (each.id === group.id ? { ...each, requests: [...each.requests, ...page.requests], pageInfo: page.pageInfo } : each));
      }
    } catch (error) {
      this.announce(error instanceof LoadFailure ? this.#failureText(error.failure) : this.common.failedBody);
    }
    this.loadingMore = null;
  }

  protected override renderContent() {
    const m = this.#messages;
    return html`<section class="stack" part="requests" aria-labelledby="requests-heading">
      <h2 id="requests-heading" tabindex="-1">${m.requestsHeading}</h2>
      ${this.renderTask(this.requests, () => this.#renderGroups(), 1)}
    </section>`;
  }

  #renderGroups() {
    const m = this.#messages;
    const groups = this.requestGroups;
    if (!groups.some((group) => group.requests.length)) return html`<p class="muted">${m.noRequests}</p>`;
    const named = groups.length > 1;
    return groups.map((group) =>
      group.requests.length
        ? html`<div class="stack" role="group" aria-label=${m.requestsIn(group.name)}>
            ${named ? html`<p class="group-name" dir="auto">${group.name}</p>` : nothing}
            <ul class="cards">
              ${repeat(group.requests, (request) => request.id, (request) => html`<li>${this.#renderRequest(group, request)}</li>`)}
            </ul>
            ${group.pageInfo.hasNextPage
              ? html`<p>
                  <button part="load-more" ?disabled=${this.loadingMore === group.id} @click=${() => this.#more(group)}>
                    ${this.loadingMore === group.id ? this.common.loading : this.common.loadMore}
                  </button>
                </p>`
              : nothing}
          </div>`
        : nothing,
    );
  }
  #renderRequest(group: RequestGroup, request: JoinRequest) {
    const m = this.#messages;
    const id = cssId(request.id);
    const name = request.member?.displayName ?? request.pseudonym ?? '';
    const declining = this.decline?.id === request.id ? this.decline : null;
    const busy = this.busy === request.id;
    const error = this.requestError?.id === request.id ? this.requestError.text : null;
    return html`<article class="card stack" part="request" aria-labelledby=${`request-${id}`}>
      <div>
        <h3 id=${`request-${id}`} tabindex="-1" dir="auto">${name}</h3>
        <p class="small muted">
          <time datetime=${request.requestedAt.slice(0, 10)}>${m.requested(this.i18n.day(request.requestedAt))}</time>
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
            ${renderReasonField({
              id: `decline-${id}`,
              label: m.declineReasonLabel,
              hint: m.declineReasonHint,
              value: declining.reason,
              problem: declining.problem,
              onInput: (reason) => (this.decline = { id: request.id, reason }),
            })}
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
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-join-requests': HearthJoinRequests;
  }
}
