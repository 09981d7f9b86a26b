import { groupFeedQuery, unansweredPostsQuery, type HearthClient, type ResultOf } from '@hearth/client';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { HearthElement } from '../base/hearth-element.js';
import { MinuteClockController } from '../base/minute-clock-controller.js';
import { groupLookup } from '../base/group-reference.js';
import type { PostCreatedDetail, ReplyCreatedDetail } from '../base/hearth-events.js';
import { failureMessage } from '../base/failure-message.js';
import { dataOf, LoadFailure } from '../base/load-failure.js';
import { contentStyles } from '../content/content.styles.js';
import { renderPostCard } from './feed-card.js';
import { feedMessages } from './hearth-feed.messages.js';
import { feedGroupQuery, type FeedPost } from './hearth-feed.operations.js';
import { feedStyles } from './hearth-feed.styles.js';
import { ThreadLink } from './thread-link.js';
type PageInfo = { hasNextPage: boolean; endCursor: string | null };
type FeedGroup = NonNullable<ResultOf<typeof feedGroupQuery>['group']>;

/** NEWEST and LATEST_ACTIVITY are the API's orders; UNANSWERED lists the posts still waiting for a first reply. */
export type FeedView = 'NEWEST' | 'LATEST_ACTIVITY' | 'UNANSWERED';
const views: readonly FeedView[] = ['NEWEST', 'LATEST_ACTIVITY', 'UNANSWERED'];

/** What one load of the feed found: the group (null when the viewer may not see it) and its first page. */
interface FeedResult {
  group: FeedGroup | null;
  posts: FeedPost[];
  pageInfo: PageInfo;
}

/**
 * A group's conversations: its posts as calm cards, newest first, by latest activity, or those still waiting for
 * a reply. Each card opens its whole conversation inline (a `<hearth-thread>` under it), so reading and replying
 * happen on one page. Guests read the posts of public groups that allow it; others learn that posts are for
 * members.
 *
 * @tagname hearth-feed
 * @summary A group's posts, with each conversation opening inline.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart views - The buttons that choose which posts to show.
 * @csspart post - One post's card.
 * @csspart post-title - The post's title on its card.
 * @csspart byline - Who wrote it and when.
 * @csspart badge - A pinned, closed, pending or hidden badge.
 * @csspart content-warning - A content warning with its "Show post" button.
 * @csspart open-button - The "Open conversation" button.
 * @csspart link-unavailable - Says that the conversation the page's address names cannot be shown.
 * @csspart load-more - The "Show more" button.
 * @csspart skeleton - A placeholder while loading.
 * @csspart state - The loading, empty, members-only, error and offline panels.
 *
 * @cssprop [--hearth-color-accent=#0f6b66] - Buttons, links and the chosen view.
 * @cssprop [--hearth-color-text=#1f2933] - Body text.
 * @cssprop [--hearth-color-muted=#4b5563] - Bylines and counts.
 * @cssprop [--hearth-color-surface=#ffffff] - Card background.
 * @cssprop [--hearth-color-surface-alt=#f4f6f7] - Content warnings and panels.
 * @cssprop [--hearth-color-border=#c5ccd3] - Card borders.
 * @cssprop [--hearth-color-focus=#1d4ed8] - The focus ring.
 * @cssprop [--hearth-font-family=system-ui] - The widget's font.
 * @cssprop [--hearth-radius=8px] - Corner radius.
 * @cssprop [--hearth-space=16px] - Base spacing.
 *
 * @fires hearth-sign-in-request - A guest asked to take part, or a session ended: `{ action }`.
 */
export class HearthFeed extends HearthElement {
  /** Keeps "5 minutes ago" true while the page stays open. */
  readonly #clock = new MinuteClockController(this);

  static override styles = [...HearthElement.styles, contentStyles, feedStyles];

  static override properties = {
    group: {},
    pageSize: { attribute: 'page-size', type: Number },
    view: {},
    threadLink: { attribute: 'thread-link' },
    more: { state: true },
    loadingMore: { state: true },
    openPost: { state: true },
    revealed: { state: true },
    replyCounts: { state: true },
  };

  /** The group: its slug (`diabetes-support`) or its global id. */
  declare group: string | undefined;
  /** Posts per page. @default 10 */
  declare pageSize: number;
  /** Which posts to show first: `NEWEST`, `LATEST_ACTIVITY` or `UNANSWERED` (waiting for a reply). @default 'NEWEST' */
  declare view: FeedView;
  /**
   * Keeps the open conversation in the page's address, so it can be bookmarked, shared and reopened after a
   * reload; Back closes it. The value names the query parameter (`thread-link="conversation"` gives
   * `?conversation=<post id>`); present without a value, it is `thread`. Absent: the address never changes.
   */
  declare threadLink: string | undefined;
  /** Posts loaded with "Show more", after the first page. */
  declare private more: { posts: FeedPost[]; pageInfo: PageInfo } | undefined;
  declare private loadingMore: boolean;
  /** The post whose conversation is open under its card (one at a time). */
  declare private openPost: string | null;
  /** Posts whose content warning the reader opened. */
  declare private revealed: ReadonlySet<string>;
  /** Reply counts raised by replies written here since the page loaded. */
  declare private replyCounts: ReadonlyMap<string, number>;

  /** The group's id and access for a reference, kept per configuration revision (the viewer may have changed). */
  #groupCache: { key: string; group: FeedGroup | null } | undefined;
  /** A post to focus (and announce) once the reloaded page shows it. */
  #arriving: { postId: string; message: string } | undefined;
  #announcedPage: FeedResult | undefined;

  readonly #link = new ThreadLink(this, {
    parameter: () => (this.threadLink === undefined || this.threadLink === null ? null : this.threadLink.trim() || 'thread'),
    client: () => this.connection.client,
    root: () => this.renderRoot,
    openPost: () => this.openPost,
    show: (postId) => this.#open(postId),
  });

  constructor() {
    super();
    this.pageSize = 10;
    this.view = 'NEWEST';
    this.loadingMore = false;
    this.openPost = null;
    this.revealed = new Set();
    this.replyCounts = new Map();
  }

  private readonly feed = new Task(this, {
    task: async ([client, reference, view, pageSize, revision], { signal }): Promise<FeedResult> => {
      if (!client) throw new Error('not configured');
      this.more = undefined;
      const group = await this.#resolveGroup(client, reference ?? '', revision, signal);
      if (!group) return { group: null, posts: [], pageInfo: { hasNextPage: false, endCursor: null } };
      const page = await this.#fetchPage(client, group.id, view, pageSize, null, signal);
      return { group, ...page };
    },
    args: () => [this.connection.client, this.group, this.#view, pageSizeOf(this.pageSize, 10), this.connection.revision] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('hearth-post-created', this.#onPostCreated);
    document.addEventListener('hearth-reply-created', this.#onReplyCreated);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('hearth-post-created', this.#onPostCreated);
    document.removeEventListener('hearth-reply-created', this.#onReplyCreated);
  }

  protected override reload(): void {
    void this.feed.run();
  }

  get #messages() {
    return this.i18n.messages(feedMessages);
  }

  /** The view in force (an unknown `view` attribute reads as NEWEST). */
  get #view(): FeedView {
    return views.includes(this.view) ? this.view : 'NEWEST';
  }

  async #resolveGroup(client: HearthClient, reference: string, revision: number, signal: AbortSignal): Promise<FeedGroup | null> {
    if (!reference) return null;
    const key = `${reference}\n${revision}`;
    if (this.#groupCache?.key === key) return this.#groupCache.group;
    const lookup = groupLookup(reference);
    const result = await client.request(feedGroupQuery, 'id' in lookup ? { id: lookup.id } : { slug: lookup.slug }, { signal });
    const group = dataOf(result).group;
    this.#groupCache = { key, group };
    return group;
  }

  async #fetchPage(client: HearthClient, groupId: string, view: FeedView, first: number, after: string | null, signal?: AbortSignal) {
    const options = signal ? { signal } : undefined;
    if (view === 'UNANSWERED') {
      const data = dataOf(await client.request(unansweredPostsQuery, { groupId, first, after }, options));
      const connection = data.group?.unansweredPosts;
      return { posts: connection?.edges.map((edge) => edge.node) ?? [], pageInfo: connection?.pageInfo ?? { hasNextPage: false, endCursor: null } };
    }
    const data = dataOf(await client.request(groupFeedQuery, { groupId, order: view, first, after }, options));
    const connection = data.group?.posts;
    return { posts: connection?.edges.map((edge) => edge.node) ?? [], pageInfo: connection?.pageInfo ?? { hasNextPage: false, endCursor: null } };
  }

  readonly #onPostCreated = (event: CustomEvent<PostCreatedDetail>): void => {
    const groupId = this.feed.value?.group?.id;
    if (!groupId || event.detail.groupId !== groupId) return;
    const m = this.#messages;
    // Crisis help is in front of the writer: the list reloads, but focus and scrolling stay with the help.
    this.#arriving = event.detail.helpShown ? undefined : { postId: event.detail.postId, message: event.detail.status === 'PENDING_REVIEW' ? m.pending : m.published };
    // A new post heads the newest and the latest-activity orders; the unanswered view lists the oldest first.
    if (this.#view === 'UNANSWERED') this.view = 'NEWEST';
    else void this.feed.run();
  };

  readonly #onReplyCreated = (event: CustomEvent<ReplyCreatedDetail>): void => {
    if (event.detail.status !== 'PUBLISHED') return;
    const post = this.#posts().find((candidate) => candidate.id === event.detail.postId);
    if (!post) return;
    const counts = new Map(this.replyCounts);
    counts.set(post.id, (counts.get(post.id) ?? post.replyCount) + 1);
    this.replyCounts = counts;
  };

  protected override updated(): void {
    if (!this.localized) return;
    const result = this.feed.value;
    if (!result || this.feed.status !== TaskStatus.COMPLETE || result === this.#announcedPage) return;
    this.#announcedPage = result;
    const arriving = this.#arriving;
    if (arriving) {
      this.#arriving = undefined;
      this.announce(arriving.message);
      const card = this.renderRoot.querySelector<HTMLElement>(`[data-post="${CSS.escape(arriving.postId)}"]`);
      card?.focus();
      card?.scrollIntoView({ block: 'nearest' });
    } else if (result.group) {
      this.announce(this.#messages.postCount(result.posts.length, result.pageInfo.hasNextPage));
    }
  }

  #posts(): FeedPost[] {
    return [...(this.feed.value?.posts ?? []), ...(this.more?.posts ?? [])];
  }

  #choose(view: FeedView): void {
    if (view === this.#view) return;
    this.#open(null);
    this.#link.changed(null);
    this.view = view;
  }

  async #loadMore(): Promise<void> {
    const client = this.connection.client;
    const groupId = this.feed.value?.group?.id;
    const last = this.more?.pageInfo ?? this.feed.value?.pageInfo;
    if (!client || !groupId || !last?.endCursor) return;
    this.loadingMore = true;
    try {
      const page = await this.#fetchPage(client, groupId, this.#view, pageSizeOf(this.pageSize, 10), last.endCursor);
      const known = new Set(this.#posts().map((post) => post.id));
      const added = page.posts.filter((post) => !known.has(post.id));
      this.more = { posts: [...(this.more?.posts ?? []), ...added], pageInfo: page.pageInfo };
      this.announce(this.#messages.morePosts(added.length));
    } catch (error) {
      this.announce(error instanceof LoadFailure ? failureMessage(this.common, error.failure).text : this.common.failedBody);
    } finally {
      this.loadingMore = false;
    }
  }

  #toggleWarning(postId: string): void {
    const revealed = new Set(this.revealed);
    if (!revealed.delete(postId)) revealed.add(postId);
    this.revealed = revealed;
  }

  #open(postId: string | null): void {
    // The thread's code comes the first time a reader opens a conversation, not with every group page.
    if (postId) void import('../hearth-thread/define.js');
    this.openPost = postId;
  }

  #toggleConversation(postId: string): void {
    this.#open(this.openPost === postId ? null : postId);
    this.#link.changed(this.openPost);
  }

  protected override renderContent() {
    const m = this.#messages;
    const membersOnly = this.feed.value !== undefined && this.#membersOnly(this.feed.value);
    return html`<section class="stack" aria-labelledby="feed-heading">
      <h2 id="feed-heading">${m.heading}</h2>
      ${membersOnly ? nothing : this.#renderViews()}
      ${this.#view === 'UNANSWERED' && !membersOnly ? html`<p class="muted">${m.unansweredHint}</p>` : nothing}
      <div aria-busy=${this.feed.status === TaskStatus.PENDING ? 'true' : 'false'}>${this.renderTask(this.feed, (result) => this.#renderFeed(result), 3)}</div>
    </section>`;
  }

  #renderViews() {
    const m = this.#messages;
    const names: Record<FeedView, string> = { NEWEST: m.newest, LATEST_ACTIVITY: m.latestActivity, UNANSWERED: m.unanswered };
    return html`<div class="views" part="views" role="group" aria-label=${m.viewLabel}>
      ${views.map(
        (view) => html`<button type="button" aria-pressed=${this.#view === view ? 'true' : 'false'} @click=${() => this.#choose(view)}>${names[view]}</button>`,
      )}
    </div>`;
  }

  #renderFeed(result: FeedResult) {
    const m = this.#messages;
    const posts = this.#posts();
    const pageInfo = this.more?.pageInfo ?? result.pageInfo;
    if (this.#membersOnly(result)) return this.#renderMembersOnly();
    if (posts.length === 0) {
      const unanswered = this.#view === 'UNANSWERED';
      return html`<div class="panel stack" part="state empty">
        <h3>${unanswered ? m.allAnsweredTitle : m.emptyTitle}</h3>
        <p>${unanswered ? m.allAnsweredBody : m.emptyBody}</p>
      </div>`;
    }
    const linked = result.group ? this.#link.extraPost(result.group.id, posts) : null;
    return html`<div class="stack">
      ${linked === 'unavailable' ? html`<p class="panel" part="link-unavailable" role="status">${m.linkUnavailable}</p>` : nothing}
      <ol class="posts">
        ${repeat(linked && linked !== 'unavailable' ? [linked, ...posts] : posts, (post) => post.id, (post) => html`<li>${this.#renderCard(post)}</li>`)}
      </ol>
      ${pageInfo.hasNextPage
        ? html`<p><button part="load-more" ?disabled=${this.loadingMore} @click=${this.#loadMore}>${this.loadingMore ? this.common.loading : this.common.loadMore}</button></p>`
        : nothing}
    </div>`;
  }

  /** The group is hidden from the viewer, or shows no posts because they are for its members. */
  #membersOnly(result: FeedResult): boolean {
    return !result.group || (this.#posts().length === 0 && !mayRead(result.group));
  }

  #renderMembersOnly() {
    const m = this.#messages;
    const guest = !this.connection.mayHaveMember;
    return html`<div class="panel stack" part="state members-only">
      <h3>${m.membersOnlyTitle}</h3>
      <p>${m.membersOnlyBody}</p>
      ${guest
        ? html`<p>${m.membersOnlyGuest}</p>
            <p><button class="primary" @click=${() => this.requestSignIn('join')}>${this.common.signIn}</button></p>`
        : nothing}
    </div>`;
  }

  #renderCard(post: FeedPost) {
    return renderPostCard(this.i18n, post, {
      open: this.openPost === post.id,
      warningOpen: this.revealed.has(post.id),
      replyCount: this.replyCounts.get(post.id) ?? post.replyCount,
      toggleConversation: () => this.#toggleConversation(post.id),
      toggleWarning: () => this.#toggleWarning(post.id),
    });
  }
}

/** A page size the API accepts (1–100), or the default for a missing or odd attribute. */
function pageSizeOf(value: number, fallback: number): number {
  return Number.isInteger(value) && value > 0 ? Math.min(value, 100) : fallback;
}

/** Whether the viewer reads this group's posts (members, and anyone where a public group allows it). */
function mayRead(group: FeedGroup): boolean {
  const status = group.viewerMembership?.status;
  return status === 'ACTIVE' || status === 'SUSPENDED' || (group.visibility === 'PUBLIC' && group.publicReading);
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-feed': HearthFeed;
  }
}
