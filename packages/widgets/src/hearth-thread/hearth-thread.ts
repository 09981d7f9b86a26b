import { crisisResourcesQuery, reactMutation, replyRepliesQuery, reportMutation, type HearthClient, type ResultOf, type replyFields } from '@hearth/client';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { HearthElement } from '../base/hearth-element.js';
import { MinuteClockController } from '../base/minute-clock-controller.js';
import type { ReplyCreatedDetail } from '../base/hearth-events.js';
import { failureMessage } from '../base/failure-message.js';
import { heading } from '../base/heading.js';
import { dataOf } from '../base/load-failure.js';
import { contentMessages } from '../content/content.messages.js';
import { contentStyles } from '../content/content.styles.js';
import { loadCrisisHelp } from '../hearth-crisis-help/load.js';
import { postBody } from '../content/post-body.js';
import {
  authorNameOf,
  isTombstone,
  reactionKinds,
  renderByline,
  renderReactionTotals,
  renderStatusBadges,
  renderWarningGate,
  type ContentItemView,
  type ReactionCount,
  type ReactionKind,
} from '../content/post-parts.js';
import { domainMessages } from '../localization/domain.messages.js';
import { threadMessages } from './hearth-thread.messages.js';
import { threadQuery, threadReplyQuery } from './hearth-thread.operations.js';
import { threadStyles } from './hearth-thread.styles.js';

type ThreadNode = Extract<NonNullable<ResultOf<typeof threadQuery>['node']>, { __typename: 'Post' }>;
type ThreadPost = Omit<ThreadNode, 'replies'>;
type Reply = ResultOf<typeof replyFields>;
type PageInfo = { hasNextPage: boolean; endCursor: string | null };
type CrisisResource = NonNullable<NonNullable<ResultOf<typeof crisisResourcesQuery>['institution']>['crisisResources']>[number];

/** A top-level reply and the answers to it loaded so far (threads are one level deep). */
interface ReplyEntry {
  reply: Reply;
  answers: Reply[];
  answersPage: PageInfo;
}

/** The conversation as shown: the post, its top-level replies loaded so far, and where the next page starts. */
interface ThreadModel {
  post: ThreadPost;
  entries: ReplyEntry[];
  page: PageInfo;
}

interface Reactions {
  counts: readonly ReactionCount[];
  mine: readonly string[];
}

/** Report reasons, the one that may save a life first. */
const reportReasons = ['CRISIS', 'SELF_HARM', 'HARASSMENT', 'SPAM', 'MISINFORMATION', 'OTHER'] as const;
type ReportReason = (typeof reportReasons)[number];
const dangerReasons: ReadonlySet<string> = new Set(['CRISIS', 'SELF_HARM']);

const answersPageSize = 5;
const maxPageSize = 100;

/**
 * A whole conversation: the post, its replies and the answers to them, support-shaped reactions, a way to report
 * anything worrying to the facilitators, and — for members who may take part — a `<hearth-composer>` to reply.
 * Content warnings keep the post (and the conversation under it) and each warned reply closed until the reader
 * opens them. New replies written on the page appear, are announced and receive focus.
 *
 * @tagname hearth-thread
 * @summary One post's conversation, with reactions, reports and replies.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart post - The post.
 * @csspart byline - Who wrote an item and when.
 * @csspart badge - A pinned, closed, pending or hidden badge.
 * @csspart content-warning - A content warning with its "Show post" / "Show reply" button.
 * @csspart body - A post's or reply's text.
 * @csspart reactions - An item's reaction buttons.
 * @csspart reaction - One reaction button.
 * @csspart report-button - The "Report" button.
 * @csspart report-form - The inline report form.
 * @csspart crisis - Where to get help now (shown with a report that someone may be in danger).
 * @csspart reply - One reply.
 * @csspart load-more - The "Show more replies" and "Show more answers" buttons.
 * @csspart skeleton - A placeholder while loading.
 * @csspart state - The loading, not-available, error and offline panels.
 *
 * @cssprop [--hearth-color-accent=#0f6b66] - Buttons and chosen reactions.
 * @cssprop [--hearth-color-on-accent=#ffffff] - Text on chosen reactions.
 * @cssprop [--hearth-color-text=#1f2933] - Body text.
 * @cssprop [--hearth-color-muted=#4b5563] - Bylines and hints.
 * @cssprop [--hearth-color-surface=#ffffff] - Background of buttons and fields.
 * @cssprop [--hearth-color-surface-alt=#f4f6f7] - Content warnings and panels.
 * @cssprop [--hearth-color-border=#c5ccd3] - Reply rules and reaction outlines.
 * @cssprop [--hearth-color-danger=#b42318] - Problems with an action.
 * @cssprop [--hearth-color-crisis-surface=#fff4e5] - The crisis help panel.
 * @cssprop [--hearth-color-crisis-border=#b54708] - The crisis help panel's border.
 * @cssprop [--hearth-color-focus=#1d4ed8] - The focus ring.
 * @cssprop [--hearth-font-family=system-ui] - The widget's font.
 * @cssprop [--hearth-radius=8px] - Corner radius.
 * @cssprop [--hearth-space=16px] - Base spacing.
 *
 * @fires hearth-sign-in-request - A guest pressed a reaction (`react`) or "Report" (`report`), or a session ended.
 */
export class HearthThread extends HearthElement {
  /** Keeps "5 minutes ago" true while the page stays open. */
  readonly #clock = new MinuteClockController(this);

  static override styles = [...HearthElement.styles, contentStyles, threadStyles];

  static override properties = {
    post: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    hideHeader: { attribute: 'hide-header', type: Boolean },
    warningOpen: { attribute: 'warning-open', type: Boolean },
    pageSize: { attribute: 'page-size', type: Number },
    model: { state: true },
    warningChoices: { state: true },
    reactions: { state: true },
    reactionProblems: { state: true },
    loadingMore: { state: true },
    reportFor: { state: true },
    answering: { state: true },
    reportReason: { state: true },
    reportSending: { state: true },
    reportProblem: { state: true },
    reported: { state: true },
    crisisResources: { state: true },
  };

  /** The post's global id. */
  declare post: string | undefined;
  /** The level of the post's title: 2 on a page of its own, 3 inside a list of posts. @default 2 */
  declare headingLevel: number;
  /** Leaves out the title and byline, for a host that already shows them (the feed's card). @default false */
  declare hideHeader: boolean;
  /** The reader already opened the post's content warning elsewhere (the feed's card): don't ask again. @default false */
  declare warningOpen: boolean;
  /** Top-level replies per page. @default 20 */
  declare pageSize: number;

  declare private model: ThreadModel | null;
  /** Content warnings the reader opened (true) or closed again (false), by post or reply id. */
  declare private warningChoices: ReadonlyMap<string, boolean>;
  /** Reactions changed on this page (optimistic, then as the API confirmed them), by subject id. */
  declare private reactions: ReadonlyMap<string, Reactions>;
  declare private reactionProblems: ReadonlyMap<string, string>;
  /** `replies`, or the id of a reply whose answers are loading. */
  declare private loadingMore: string | null;
  /** The item whose report form is open (one at a time). */
  /** The reply the reader is answering (its composer open under it), if any. */
  declare private answering: string | null;
  declare private reportFor: string | null;
  declare private reportReason: string;
  declare private reportSending: boolean;
  declare private reportProblem: { field: 'reason' | null; message: string } | null;
  /** Items reported from this page: `sent`, or `already` when an open report of the reader's existed. */
  declare private reported: ReadonlyMap<string, 'sent' | 'already'>;
  /** Crisis resources for the reader's language: undefined until asked for, null if they could not be loaded. */
  declare private crisisResources: CrisisResource[] | null | undefined;

  readonly #reacting = new Set<string>();

  constructor() {
    super();
    this.headingLevel = 2;
    this.hideHeader = false;
    this.warningOpen = false;
    this.pageSize = 20;
    this.model = null;
    this.warningChoices = new Map();
    this.reactions = new Map();
    this.reactionProblems = new Map();
    this.loadingMore = null;
    this.reportFor = null;
    this.answering = null;
    this.reportReason = '';
    this.reportSending = false;
    this.reportProblem = null;
    this.reported = new Map();
  }

  private readonly thread = new Task(this, {
    task: async ([client, postId, pageSize], { signal }) => {
      if (!client) throw new Error('not configured');
      const model = postId ? await this.#fetchThread(client, postId, pageSize, answersPageSize, signal) : null;
      this.model = model;
      this.reactions = new Map();
      this.reactionProblems = new Map();
      return model;
    },
    args: () => [this.connection.client, this.post, this.#pageSize, this.connection.revision] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('hearth-reply-created', this.#onReplyCreated);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('hearth-reply-created', this.#onReplyCreated);
  }

  protected override reload(): void {
    void this.thread.run();
  }

  get #messages() {
    return this.i18n.messages(threadMessages);
  }

  /** The `page-size` the API accepts (1–100), 20 for a missing or odd one. */
  get #pageSize(): number {
    return Number.isInteger(this.pageSize) && this.pageSize > 0 ? Math.min(this.pageSize, maxPageSize) : 20;
  }

  async #fetchThread(client: HearthClient, postId: string, first: number, answers: number, signal?: AbortSignal): Promise<ThreadModel | null> {
    const result = await client.request(threadQuery, { postId, first, answers }, signal ? { signal } : undefined);
    const node = dataOf(result).node;
    if (node?.__typename !== 'Post') return null;
    const { replies, ...post } = node;
    return { post, entries: replies.edges.map((edge) => entryOf(edge.node)), page: replies.pageInfo };
  }

  // Loading more ---------------------------------------------------------------------------------------------

  async #loadMoreReplies(): Promise<void> {
    const client = this.connection.client;
    const model = this.model;
    if (!client || !model?.page.endCursor) return;
    this.loadingMore = 'replies';
    const result = await client.request(threadQuery, { postId: model.post.id, first: this.#pageSize, after: model.page.endCursor, answers: answersPageSize });
    this.loadingMore = null;
    const node = result.kind === 'ok' ? result.data.node : null;
    if (node?.__typename !== 'Post') {
      this.announce(this.common.failedBody);
      return;
    }
    const current = this.model ?? model;
    const known = new Set(current.entries.map((entry) => entry.reply.id));
    const added = node.replies.edges.map((edge) => entryOf(edge.node)).filter((entry) => !known.has(entry.reply.id));
    this.model = { ...current, entries: [...current.entries, ...added], page: node.replies.pageInfo };
    this.announce(this.#messages.repliesAdded(added.length));
  }

  async #loadMoreAnswers(entry: ReplyEntry): Promise<void> {
    const client = this.connection.client;
    if (!client || !entry.answersPage.endCursor) return;
    this.loadingMore = entry.reply.id;
    const result = await client.request(replyRepliesQuery, { replyId: entry.reply.id, first: 20, after: entry.answersPage.endCursor });
    this.loadingMore = null;
    const node = result.kind === 'ok' ? result.data.node : null;
    if (node?.__typename !== 'Reply' || !this.model) {
      this.announce(this.common.failedBody);
      return;
    }
    const known = new Set(entry.answers.map((answer) => answer.id));
    const added = node.replies.edges.map((edge) => edge.node).filter((answer) => !known.has(answer.id));
    this.#updateEntry(entry.reply.id, (current) => ({ ...current, answers: [...current.answers, ...added], answersPage: node.replies.pageInfo }));
    this.announce(this.#messages.repliesAdded(added.length));
  }

  #updateEntry(replyId: string, change: (entry: ReplyEntry) => ReplyEntry): void {
    if (!this.model) return;
    this.model = { ...this.model, entries: this.model.entries.map((entry) => (entry.reply.id === replyId ? change(entry) : entry)) };
  }

  // A reply written on the page ------------------------------------------------------------------------------

  readonly #onReplyCreated = (event: CustomEvent<ReplyCreatedDetail>): void => {
    if (!this.post || event.detail.postId !== this.post) return;
    // Crisis help is in front of the writer inside the composer that sent it: that composer stays open and
    // focus stays on the help; the reply shows when the thread next loads.
    if (event.detail.helpShown) return;
    // An answer was sent: its composer closes, and the answer shows under its reply.
    this.answering = null;
    void this.#showNewReply(event.detail.replyId);
  };

  /** Reloads the replies shown so far (others may have replied meanwhile), makes sure the new one is there, focuses it. */
  async #showNewReply(replyId: string): Promise<void> {
    const client = this.connection.client;
    const model = this.model;
    if (!client || !model || !this.post) return;
    const first = Math.min(maxPageSize, Math.max(this.#pageSize, model.entries.length + 1));
    const answers = Math.min(maxPageSize, Math.max(answersPageSize, ...model.entries.map((entry) => entry.answers.length + 1)));
    let fresh = await this.#fetchThread(client, this.post, first, answers).catch(() => null);
    fresh ??= model;
    if (!containsReply(fresh, replyId)) {
      const result = await client.request(threadReplyQuery, { id: replyId });
      const node = result.kind === 'ok' ? result.data.node : null;
      if (node?.__typename === 'Reply') fresh = withReply(fresh, node);
    }
    this.model = fresh;
    this.reactions = new Map();
    await this.updateComplete;
    this.announce(this.#messages.newReply);
    const article = this.renderRoot.querySelector<HTMLElement>(`[data-reply="${CSS.escape(replyId)}"]`);
    article?.focus();
    article?.scrollIntoView({ block: 'nearest' });
  }

  // Content warnings -----------------------------------------------------------------------------------------

  /** Whether what a content warning covers is shown: the reader's choice, else open only where `warning-open` says so. */
  #warningOpen(item: { id: string; contentWarning: string | null }): boolean {
    if (!item.contentWarning) return true;
    return this.warningChoices.get(item.id) ?? (item.id === this.model?.post.id && this.warningOpen);
  }

  #toggleWarning(item: { id: string; contentWarning: string | null }): void {
    this.warningChoices = new Map(this.warningChoices).set(item.id, !this.#warningOpen(item));
  }

  // Reactions ------------------------------------------------------------------------------------------------

  #reactionsOf(item: ContentItemView): Reactions {
    return this.reactions.get(item.id) ?? { counts: item.reactionCounts, mine: item.viewerReactions };
  }

  #setReactions(id: string, reactions: Reactions): void {
    this.reactions = new Map(this.reactions).set(id, reactions);
  }

  #setReactionProblem(id: string, message: string | null): void {
    const problems = new Map(this.reactionProblems);
    if (message) problems.set(id, message);
    else problems.delete(id);
    this.reactionProblems = problems;
  }

  async #react(item: ContentItemView, kind: ReactionKind): Promise<void> {
    const client = this.connection.client;
    if (!client) return;
    if (!this.connection.mayHaveMember) {
      this.requestSignIn('react');
      return;
    }
    const flag = `${item.id} ${kind}`;
    if (this.#reacting.has(flag)) return;
    const on = !this.#reactionsOf(item).mine.includes(kind);
    // Shown at once; put back if the API refuses.
    this.#setReactions(item.id, toggled(this.#reactionsOf(item), kind, on));
    this.#setReactionProblem(item.id, null);
    this.#reacting.add(flag);
    const result = await client.mutate(reactMutation, { input: { subjectId: item.id, kind, on } }, (data) => data.react);
    this.#reacting.delete(flag);
    if (result.kind === 'ok') {
      this.#setReactions(item.id, { counts: result.data.reactionCounts, mine: result.data.viewerReactions });
      return;
    }
    this.#setReactions(item.id, toggled(this.#reactionsOf(item), kind, !on));
    const m = this.#messages;
    let problem = m.reactFailed;
    if (result.kind === 'error') {
      if (result.error.__typename === 'ForbiddenError') problem = m.reactForbidden;
      else if (result.error.__typename === 'RateLimitedError') problem = this.common.rateLimited(result.error.retryAfterSeconds);
    } else {
      const failure = failureMessage(this.common, result);
      if (failure.signIn) this.requestSignIn('react');
      if (failure.signIn || result.kind === 'network') problem = failure.text;
    }
    this.#setReactionProblem(item.id, problem);
    this.announce(problem);
  }

  // Reports --------------------------------------------------------------------------------------------------

  async #openReport(id: string): Promise<void> {
    if (!this.connection.mayHaveMember) {
      this.requestSignIn('report');
      return;
    }
    if (this.reportFor === id) {
      this.#closeReport();
      return;
    }
    this.reportFor = id;
    this.reportReason = '';
    this.reportProblem = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLSelectElement>('form.report-form select')?.focus();
  }

  async #closeReport(): Promise<void> {
    const id = this.reportFor;
    this.reportFor = null;
    this.reportProblem = null;
    await this.updateComplete;
    if (id) this.renderRoot.querySelector<HTMLElement>(`[data-report-button="${CSS.escape(id)}"]`)?.focus();
  }

  #chooseReason(event: Event): void {
    this.reportReason = (event.currentTarget as HTMLSelectElement).value;
    if (this.reportReason) this.reportProblem = null;
    if (dangerReasons.has(this.reportReason)) void this.#loadCrisisResources();
  }

  async #loadCrisisResources(): Promise<void> {
    const client = this.connection.client;
    const slug = this.model?.post.group.institution.slug;
    if (this.crisisResources !== undefined || !client || !slug) return;
    this.crisisResources = null;
    // The help element's code and strings come with the resources (a failure leaves the plain list below).
    void loadCrisisHelp(this.i18n.locale).catch(() => undefined);
    const result = await client.request(crisisResourcesQuery, { slug, locale: this.i18n.locale });
    this.crisisResources = result.kind === 'ok' ? (result.data.institution?.crisisResources ?? null) : null;
  }

  async #sendReport(event: SubmitEvent, subjectId: string): Promise<void> {
    event.preventDefault();
    const client = this.connection.client;
    const form = event.currentTarget as HTMLFormElement;
    if (!client || this.reportSending) return;
    const m = this.#messages;
    const data = new FormData(form);
    const reason = String(data.get('reason') ?? '');
    const note = String(data.get('note') ?? '').trim();
    if (!(reportReasons as readonly string[]).includes(reason)) {
      this.reportProblem = { field: 'reason', message: m.reasonMissing };
      form.querySelector('select')?.focus();
      return;
    }
    this.reportSending = true;
    this.reportProblem = null;
    const result = await client.mutate(reportMutation, { input: { subjectId, reason: reason as ReportReason, note: note || null } }, (answer) => answer.report);
    this.reportSending = false;
    let outcome: 'sent' | 'already' | null = null;
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
    if (!outcome) {
      this.reportProblem = { field: null, message: problem };
      return;
    }
    this.reported = new Map(this.reported).set(subjectId, outcome);
    this.reportFor = null;
    await this.updateComplete;
    this.announce(outcome === 'sent' ? m.reportSent : m.alreadyReported);
    this.renderRoot.querySelector<HTMLElement>(`[data-report-done="${CSS.escape(subjectId)}"]`)?.focus();
  }

  // Rendering ------------------------------------------------------------------------------------------------

  protected override renderContent() {
    return html`<div aria-busy=${this.thread.status === TaskStatus.PENDING ? 'true' : 'false'}>
      ${this.renderTask(this.thread, () => (this.model ? this.#renderThread(this.model) : this.#renderNotAvailable()), 2)}
    </div>`;
  }

  #renderNotAvailable() {
    const m = this.#messages;
    return html`<div class="panel stack" part="state not-available">
      <p><strong>${m.notAvailableTitle}</strong></p>
      <p>${m.notAvailableBody}</p>
    </div>`;
  }

  #renderThread(model: ThreadModel) {
    const { post } = model;
    const content = this.i18n.messages(contentMessages);
    const level = this.headingLevel === 3 ? 3 : 2;
    const tombstone = isTombstone(post);
    const open = this.#warningOpen(post);
    const title = tombstone ? (post.status === 'REMOVED' ? content.removedPost : content.deletedPost) : post.title;
    return html`<div class="thread">
      <article class="post" part="post" aria-labelledby=${this.hideHeader ? nothing : 'post-title'}>
        ${this.hideHeader
          ? nothing
          : html`${renderStatusBadges(this.i18n, post)} ${heading(level, title, { id: 'post-title', part: 'post-title', dir: 'auto' })}
            ${tombstone ? nothing : renderByline(this.i18n, post, 'post-author')}`}
        ${tombstone
          ? nothing
          : html`${post.contentWarning
                ? renderWarningGate(this.i18n, {
                    id: 'post',
                    warning: post.contentWarning,
                    open,
                    controls: 'post-content',
                    showLabel: content.showPost,
                    toggle: () => this.#toggleWarning(post),
                  })
                : nothing}
              <div id="post-content" class="stack">${open
                ? html`<div class="post-body" part="body" dir="auto">${postBody(post.bodyHtml)}</div>
                    ${this.#renderTools(post, post)}`
                : nothing}</div>`}
      </article>
      ${open ? html`${this.#renderReplies(model, level + 1)} ${this.#renderTakingPart(post)}` : nothing}
    </div>`;
  }

  #renderReplies(model: ThreadModel, level: number) {
    const m = this.#messages;
    const { post } = model;
    return html`<section class="replies" aria-labelledby="replies-heading">
      ${heading(level, m.repliesHeading(post.replyCount), { id: 'replies-heading', dir: 'auto' })}
      ${model.entries.length === 0
        ? html`<p class="muted">${post.group.viewerCanPost && post.status === 'PUBLISHED' && !post.locked && !post.viewerIsAuthor ? m.noRepliesInvite : m.noReplies}</p>`
        : nothing}
      <ol class="reply-list">
        ${repeat(
          model.entries,
          (entry) => entry.reply.id,
          (entry) => html`<li>
            ${this.#renderReply(entry.reply, post)}
            ${entry.answers.length
              ? html`<ol class="answers" aria-label=${m.answersTo(authorNameOf(this.i18n, entry.reply))}>
                  ${repeat(entry.answers, (answer) => answer.id, (answer) => html`<li>${this.#renderReply(answer, post)}</li>`)}
                </ol>`
              : nothing}
            ${this.#renderAnswering(entry.reply, post)}
            ${entry.answersPage.hasNextPage
              ? html`<p class="more-answers">
                  <button part="load-more" ?disabled=${this.loadingMore === entry.reply.id} @click=${() => this.#loadMoreAnswers(entry)}>
                    ${this.loadingMore === entry.reply.id ? this.common.loading : m.moreAnswers}
                  </button>
                </p>`
              : nothing}
          </li>`,
        )}
      </ol>
      ${model.page.hasNextPage
        ? html`<p>
            <button part="load-more" ?disabled=${this.loadingMore === 'replies'} @click=${this.#loadMoreReplies}>
              ${this.loadingMore === 'replies' ? this.common.loading : m.moreReplies}
            </button>
          </p>`
        : nothing}
    </section>`;
  }

  #renderReply(reply: Reply, post: ThreadPost) {
    const content = this.i18n.messages(contentMessages);
    const key = domKey(reply.id);
    if (isTombstone(reply)) {
      return html`<article class="reply" part="reply" data-reply=${reply.id} tabindex="-1" aria-label=${reply.status === 'REMOVED' ? content.removedReply : content.deletedReply}>
        <p class="tombstone">${reply.status === 'REMOVED' ? content.removedReply : content.deletedReply}</p>
      </article>`;
    }
    const open = this.#warningOpen(reply);
    return html`<article class="reply" part="reply" data-reply=${reply.id} tabindex="-1" aria-labelledby=${`${key}-author`}>
      ${renderStatusBadges(this.i18n, reply)} ${renderByline(this.i18n, reply, `${key}-author`)}
      ${reply.contentWarning
        ? renderWarningGate(this.i18n, {
            id: key,
            warning: reply.contentWarning,
            open,
            controls: `${key}-content`,
            showLabel: content.showReply,
            toggle: () => this.#toggleWarning(reply),
          })
        : nothing}
      <div id=${`${key}-content`} class="stack">${open
        ? html`<div class="post-body" part="body" dir="auto">${postBody(reply.bodyHtml)}</div>
            ${this.#renderTools(reply, post)}`
        : nothing}</div>
    </article>`;
  }

  /** Reactions, "Report", and the report form or its outcome, under a post or a reply. */
  #renderTools(item: ContentItemView, post: ThreadPost) {
    const problem = this.reactionProblems.get(item.id);
    // Published items only: what waits for review or was hidden is already in front of the facilitators.
    const reportable = !item.viewerIsAuthor && item.status === 'PUBLISHED';
    const outcome = this.reported.get(item.id);
    const m = this.#messages;
    const key = domKey(item.id);
    return html`<div class="tools">
        ${this.#renderReactions(item, post)}
        ${reportable && !outcome
          ? html`<button
              type="button"
              class="quiet report"
              part="report-button"
              data-report-button=${item.id}
              aria-expanded=${this.reportFor === item.id ? 'true' : 'false'}
              aria-controls=${`${key}-report`}
              @click=${() => this.#openReport(item.id)}
            >
              ${m.report}
            </button>`
          : nothing}
      </div>
      ${problem ? html`<p class="problem small">${problem}</p>` : nothing}
      ${outcome
        ? html`<p class="panel done" part="report-done" tabindex="-1" data-report-done=${item.id}>${outcome === 'sent' ? m.reportSent : m.alreadyReported}</p>`
        : nothing}
      <div id=${`${key}-report`}>${this.reportFor === item.id ? this.#renderReportForm(item.id) : nothing}</div>`;
  }

  #renderReactions(item: ContentItemView, post: ThreadPost) {
    const { counts, mine } = this.#reactionsOf(item);
    // Reactions go to published items of open threads, from members who may take part (guests are asked to sign in).
    const open = item.status === 'PUBLISHED' && post.status === 'PUBLISHED' && !post.locked;
    const allowed = open && (post.group.viewerCanPost || !this.connection.mayHaveMember);
    if (!allowed) return renderReactionTotals(this.i18n, counts);
    const names = this.i18n.messages(domainMessages).reaction;
    return html`<div class="reactions" part="reactions" role="group" aria-label=${this.#messages.reactionsLabel}>
      ${reactionKinds.map((kind) => {
        const count = counts.find((entry) => entry.kind === kind)?.count ?? 0;
        return html`<button
          type="button"
          class="reaction"
          part="reaction"
          aria-pressed=${mine.includes(kind) ? 'true' : 'false'}
          @click=${() => this.#react(item, kind)}
        >
          ${names[kind] ?? kind}${count > 0 ? html` <span class="count">${this.i18n.number(count)}</span>` : nothing}
        </button>`;
      })}
    </div>`;
  }

  #renderReportForm(subjectId: string) {
    const m = this.#messages;
    const reasons = this.i18n.messages(domainMessages).reportReason;
    const key = domKey(subjectId);
    const problem = this.reportProblem;
    const reasonInvalid = problem?.field === 'reason';
    return html`<form class="report-form panel" part="report-form" aria-labelledby=${`${key}-report-title`} novalidate @submit=${(event: SubmitEvent) => this.#sendReport(event, subjectId)}>
      <p id=${`${key}-report-title`}><strong>${m.reportHeading}</strong></p>
      <div class="field">
        <label for=${`${key}-reason`}>${m.reasonLabel}</label>
        <select
          id=${`${key}-reason`}
          name="reason"
          required
          aria-invalid=${reasonInvalid ? 'true' : 'false'}
          aria-describedby=${reasonInvalid ? `${key}-reason-problem` : nothing}
          @change=${this.#chooseReason}
        >
          <option value="" ?selected=${this.reportReason === ''}>${m.chooseReason}</option>
          ${reportReasons.map((reason) => html`<option value=${reason} ?selected=${this.reportReason === reason}>${reasons[reason] ?? reason}</option>`)}
        </select>
        ${reasonInvalid ? html`<span class="problem" id=${`${key}-reason-problem`}>${problem.message}</span>` : nothing}
      </div>
      ${dangerReasons.has(this.reportReason) ? this.#renderCrisisHelp() : nothing}
      <div class="field">
        <label for=${`${key}-note`}>${m.noteLabel}</label>
        <textarea id=${`${key}-note`} name="note" maxlength="1000" rows="3" dir="auto" aria-describedby=${`${key}-note-hint`}></textarea>
        <span class="hint" id=${`${key}-note-hint`}>${m.noteHint}</span>
      </div>
      ${problem && !reasonInvalid ? html`<p class="problem" role="alert">${problem.message}</p>` : nothing}
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.reportSending}>${this.reportSending ? m.sending : m.sendReport}</button>
        <button type="button" @click=${this.#closeReport}>${this.common.cancel}</button>
      </div>
    </form>`;
  }

  #renderCrisisHelp() {
    // The one crisis help element, fetched when a reporter first picks a reason that says someone is in danger;
    // configured like the thread's own composers (the provider or Hearth.configure).
    return html`<hearth-crisis-help
      part="crisis"
      mode="resources"
      .resources=${this.crisisResources ?? []}
    >
      ${(this.crisisResources ?? []).map((resource) => html`<p dir="auto">${resource.name} <bdi dir="ltr">${resource.phone ?? ''}</bdi></p>`)}
    </hearth-crisis-help>`;
  }

  /** "Answer" under a reply, for members who may reply: a composer for an answer to that reply opens below it. */
  #renderAnswering(reply: Reply, post: ThreadPost) {
    if (!post.group.viewerCanPost || post.locked || post.status !== 'PUBLISHED' || isTombstone(reply)) return nothing;
    const m = this.#messages;
    const key = domKey(reply.id);
    const open = this.answering === reply.id;
    return html`<div class="answering">
      <button
        type="button"
        class="quiet"
        part="answer-button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${`${key}-answer`}
        @click=${() => (this.answering = open ? null : reply.id)}
      >
        ${m.answer(authorNameOf(this.i18n, reply))}
      </button>
      <div id=${`${key}-answer`}>${open ? html`<hearth-composer post=${post.id} parent-reply=${reply.id} heading-level=${this.headingLevel === 3 ? 4 : 3}></hearth-composer>` : nothing}</div>
    </div>`;
  }

  /** The composer for members who may reply; otherwise why nobody can, or how a guest could. */
  #renderTakingPart(post: ThreadPost) {
    const m = this.#messages;
    if (post.locked) return html`<p class="panel closed" part="state locked">${m.locked}</p>`;
    if (post.status !== 'PUBLISHED') return nothing;
    // The composer's heading sits at the level of the thread's "Replies".
    if (post.group.viewerCanPost) return html`<hearth-composer post=${post.id} heading-level=${this.headingLevel === 3 ? 3 : 2}></hearth-composer>`;
    if (!this.connection.mayHaveMember) {
      return html`<div class="row">
        <p class="muted">${m.signInToReply}</p>
        <button @click=${() => this.requestSignIn('reply')}>${this.common.signIn}</button>
      </div>`;
    }
    return html`<p class="muted">${m.membersReply}</p>`;
  }
}

function entryOf(node: Reply & { replies: { edges: Array<{ node: Reply }>; pageInfo: PageInfo } }): ReplyEntry {
  const { replies, ...reply } = node;
  return { reply, answers: replies.edges.map((edge) => edge.node), answersPage: replies.pageInfo };
}

function containsReply(model: ThreadModel, replyId: string): boolean {
  return model.entries.some((entry) => entry.reply.id === replyId || entry.answers.some((answer) => answer.id === replyId));
}

/** The model with a reply added where it belongs: under its top-level reply, or at the end of the thread. */
function withReply(model: ThreadModel, reply: Reply): ThreadModel {
  const parentId = reply.parentReply?.id;
  if (parentId && model.entries.some((entry) => entry.reply.id === parentId)) {
    return {
      ...model,
      entries: model.entries.map((entry) => (entry.reply.id === parentId ? { ...entry, answers: [...entry.answers, reply] } : entry)),
    };
  }
  return { ...model, entries: [...model.entries, { reply, answers: [], answersPage: { hasNextPage: false, endCursor: null } }] };
}

/** Reactions with one kind given (`on`) or taken back. */
function toggled(reactions: Reactions, kind: string, on: boolean): Reactions {
  const has = reactions.mine.includes(kind);
  if (has === on) return reactions;
  const delta = on ? 1 : -1;
  const counts = reactions.counts.some((entry) => entry.kind === kind)
    ? reactions.counts.map((entry) => (entry.kind === kind ? { kind, count: Math.max(0, entry.count + delta) } : entry))
    : [...reactions.counts, { kind, count: Math.max(0, delta) }];
  return { counts, mine: on ? [...reactions.mine, kind] : reactions.mine.filter((mine) => mine !== kind) };
}

/** An id-safe key for an item's elements (global ids hold `=`, `+` and `/`). */
function domKey(id: string): string {
  return `i-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-thread': HearthThread;
  }
}
