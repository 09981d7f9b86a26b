import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { failureMessage } from '../base/failure-message.js';
import { groupLookup } from '../base/group-reference.js';
import { HearthElement } from '../base/hearth-element.js';
import type { ModerationItemResolvedDetail } from '../base/hearth-events.js';
import { dataOf } from '../base/load-failure.js';
import { moderationQueueMessages } from './hearth-moderation-queue.messages.js';
import { deskQueueQuery, moderatedGroupQuery, moderatedGroupsQuery } from './hearth-moderation-queue.operations.js';
import { moderationQueueStyles } from './hearth-moderation-queue.styles.js';
import type { RequestingGroup } from './join-requests.js';
import type { HearthModerationItem, QueueItem } from './moderation-item.js';
import { cssId } from './queue-outcomes.js';

type PageInfo = { hasNextPage: boolean; endCursor?: string | null | undefined };

type Scope = { kind: 'guest' } | { kind: 'forbidden' } | { kind: 'missing' } | { kind: 'ready'; groupId: string | null; admin: boolean; groups: RequestingGroup[] };

const pageSize = 10;

/**
 * The facilitators' desk, in the order that matters: anyone who may be in danger first (crisis items, above
 * everything else), then join requests (`<hearth-join-requests>`), then the other reports and held posts. Each
 * case is a `<hearth-moderation-item>` whose actions always carry a reason for the audit log.
 *
 * @tagname hearth-moderation-queue
 * @summary The facilitators' desk: crisis items, join requests, then the moderation queue.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart crisis - The section of crisis items (only when there are some).
 * @csspart queue - The section of the other reports and held posts.
 * @csspart load-more - The "Show more" button.
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
  static override languagePacks = ['members', 'facilitators'] as const;

  static override styles = [...HearthElement.styles, moderationQueueStyles];

  static override properties = {
    group: {},
    items: { state: true },
    queueInfo: { state: true },
    loadingMore: { state: true },
  };

  /** The group to moderate (slug or global ID). Without it: every group the viewer facilitates. */
  declare group: string | undefined;
  declare private items: QueueItem[];
  declare private queueInfo: PageInfo;
  declare private loadingMore: boolean;

  constructor() {
    super();
    this.items = [];
    this.queueInfo = { hasNextPage: false };
    this.loadingMore = false;
  }

  private readonly desk = new Task(this, {
    task: async ([client, group, mayHaveMember], { signal }): Promise<Scope> => {
      if (!client) throw new Error('not configured');
      if (!mayHaveMember) return { kind: 'guest' };
      let groups: RequestingGroup[];
      let groupId: string | null = null;
      let admin = false;
      if (group) {
        const data = dataOf(await client.request(moderatedGroupQuery, groupLookup(group), { signal }));
        if (!data.me) return { kind: 'guest' };
        if (!data.group) return { kind: 'missing' };
        admin = data.me.isInstitutionAdmin;
        if (!data.group.viewerCanModerate) return { kind: 'forbidden' };
        groups = [{ id: data.group.id, name: data.group.name }];
        groupId = data.group.id;
      } else {
        const me = dataOf(await client.request(moderatedGroupsQuery, {}, { signal })).me;
        if (!me) return { kind: 'guest' };
        groups = me.memberships.edges
          .map((edge) => edge.node.group)
          .filter((each): each is NonNullable<typeof each> => Boolean(each?.viewerCanModerate))
          .map((each) => ({ id: each.id, name: each.name }));
        admin = me.isInstitutionAdmin;
        if (!groups.length && !admin) return { kind: 'forbidden' };
      }
      const queue = await client.request(deskQueueQuery, { groupId, first: pageSize }, { signal });
      if (queue.kind === 'graphql' && queue.errors.some((error) => error.extensions?.code === 'FORBIDDEN')) return { kind: 'forbidden' };
      const page = dataOf(queue).moderationQueue;
      this.items = page.edges.map((edge) => edge.node);
      this.queueInfo = page.pageInfo;
      return { kind: 'ready', groupId, admin, groups };
    },
    args: () => [this.connection.client, this.group, this.connection.mayHaveMember, this.connection.revision] as const,
  });

  protected override reload(): void {
    void this.desk.run();
  }

  get #messages() {
    return this.i18n.messages(moderationQueueMessages);
  }

  /** A case left the queue: the next one in its section gets focus, or the section's heading. */
  readonly #onResolved = async (event: CustomEvent<ModerationItemResolvedDetail>): Promise<void> => {
    const item = this.items.find((each) => each.id === event.detail.itemId);
    if (!item) return;
    const section = this.items.filter((each) => each.crisis === item.crisis);
    const next = section[section.indexOf(item) + 1];
    this.items = this.items.filter((each) => each !== item);
    this.announce(event.detail.outcome);
    await this.updateComplete;
    const nextElement = next && this.renderRoot.querySelector<HearthModerationItem>(`#item-${cssId(next.id)}`);
    if (nextElement) await nextElement.focusHeading();
    else this.renderRoot.querySelector<HTMLElement>(item.crisis && this.items.some((each) => each.crisis) ? '#crisis-heading' : '#queue-heading')?.focus();
  };

  async #moreItems(): Promise<void> {
    const client = this.connection.client;
    const scope = this.desk.value;
    if (!client || scope?.kind !== 'ready' || !this.queueInfo.endCursor) return;
    this.loadingMore = true;
    const result = await client.request(deskQueueQuery, { groupId: scope.groupId, first: pageSize, after: this.queueInfo.endCursor });
    this.loadingMore = false;
    if (result.kind !== 'ok') {
      this.announce(failureMessage(this.common, result).text);
      return;
    }
    const known = new Set(this.items.map((item) => item.id));
    const added = result.data.moderationQueue.edges.map((edge) => edge.node).filter((item) => !known.has(item.id));
    this.items = [...this.items, ...added];
    this.queueInfo = result.data.moderationQueue.pageInfo;
    if (added[0]) await this.renderRoot.querySelector<HearthModerationItem>(`#item-${cssId(added[0].id)}`)?.focusHeading();
  }

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
          return html`<div class="stack desk">
            ${this.#renderCrisis(scope.admin)}
            <hearth-join-requests .groups=${scope.groups} .getToken=${this.getToken} api=${this.api ?? nothing} institution=${this.institution ?? nothing} token=${this.token ?? nothing}></hearth-join-requests>
            ${this.#renderQueue(scope.admin)}
          </div>`;
      }
    });
  }

  #renderItems(items: QueueItem[], admin: boolean) {
    return html`<ul class="cards">
      ${repeat(
        items,
        (item) => item.id,
        (item) => html`<li>
          <hearth-moderation-item
            id=${`item-${cssId(item.id)}`}
            .item=${item}
            ?admin=${admin}
            .getToken=${this.getToken}
            api=${this.api ?? nothing}
            institution=${this.institution ?? nothing}
            token=${this.token ?? nothing}
            @hearth-moderation-item-resolved=${this.#onResolved}
          ></hearth-moderation-item>
        </li>`,
      )}
    </ul>`;
  }

  /** Crisis items above everything else on the desk, join requests included: on a phone they are what shows first. */
  #renderCrisis(admin: boolean) {
    const crisis = this.items.filter((item) => item.crisis);
    if (!crisis.length) return nothing;
    return html`<section class="stack" part="crisis" aria-labelledby="crisis-heading">
      <h2 id="crisis-heading" tabindex="-1">${this.#messages.crisisHeading}</h2>
      ${this.#renderItems(crisis, admin)}
    </section>`;
  }

  #renderQueue(admin: boolean) {
    const m = this.#messages;
    const others = this.items.filter((item) => !item.crisis);
    return html`<section class="stack" part="queue" aria-labelledby="queue-heading">
      <h2 id="queue-heading" tabindex="-1">${m.queueHeading}</h2>
      ${others.length
        ? this.#renderItems(others, admin)
        : html`<div class="panel" part="state empty">
            <h3>${m.emptyTitle}</h3>
            <p>${m.emptyBody}</p>
          </div>`}
      ${this.queueInfo.hasNextPage
        ? html`<p>
            <button part="load-more" ?disabled=${this.loadingMore} @click=${this.#moreItems}>${this.loadingMore ? this.common.loading : this.common.loadMore}</button>
          </p>`
        : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-moderation-queue': HearthModerationQueue;
  }
}
