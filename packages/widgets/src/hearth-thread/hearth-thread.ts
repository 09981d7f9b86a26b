import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { HearthElement } from '../base/hearth-element.js';
import { heading } from '../base/heading.js';
import { MinuteClockController } from '../base/minute-clock-controller.js';
import { contentMessages } from '../content/content.messages.js';
import { contentStyles } from '../content/content.styles.js';
import { postBody } from '../content/post-body.js';
import { authorNameOf, isTombstone, renderByline, renderStatusBadges, renderWarningGate, type ContentItemView } from '../content/post-parts.js';
import { threadMessages } from './hearth-thread.messages.js';
import { threadStyles } from './hearth-thread.styles.js';
import { ReactionsController } from './reactions-controller.js';
import { RepliesPaging } from './replies-paging.js';
import { ReplyComposers } from './reply-composers.js';
import { ReportingController } from './reporting-controller.js';
import type { ThreadAccess } from './thread-access.js';
import { answersPageSize, domKey, fetchThread, maxPageSize, type Reply, type ThreadModel, type ThreadPost } from './thread-model.js';

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

  readonly #access: ThreadAccess = {
    client: () => this.connection.client,
    mayHaveMember: () => this.connection.mayHaveMember,
    i18n: this.i18n,
    common: () => this.common,
    announce: (message) => this.announce(message),
    requestSignIn: (action) => this.requestSignIn(action),
    root: () => this.renderRoot,
    model: () => this.model,
    setModel: (model, change) => {
      if (change === 'reloaded') this.#reactions.reset();
      this.model = model;
    },
    pageSize: () => this.#pageSize,
    configuration: () => ({ api: this.api, institution: this.institution, token: this.token, getToken: this.getToken, locale: this.locale }),
  };

  readonly #reactions = new ReactionsController(this, this.#access);
  readonly #reporting = new ReportingController(this, this.#access);
  readonly #paging = new RepliesPaging(this, this.#access);
  readonly #composers = new ReplyComposers(this, this.#access);

  constructor() {
    super();
    this.headingLevel = 2;
    this.hideHeader = false;
    this.warningOpen = false;
    this.pageSize = 20;
    this.model = null;
    this.warningChoices = new Map();
  }

  private readonly thread = new Task(this, {
    task: async ([client, postId, pageSize], { signal }) => {
      if (!client) throw new Error('not configured');
      const model = postId ? await fetchThread(client, { postId, first: pageSize, answers: answersPageSize }, signal) : null;
      this.#reactions.reset();
      this.model = model;
      return model;
    },
    args: () => [this.connection.client, this.post, this.#pageSize, this.connection.revision] as const,
  });

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

  // Content warnings -----------------------------------------------------------------------------------------

  /** Whether what a content warning covers is shown: the reader's choice, else open only where `warning-open` says so. */
  #warningOpen(item: { id: string; contentWarning: string | null }): boolean {
    if (!item.contentWarning) return true;
    return this.warningChoices.get(item.id) ?? (item.id === this.model?.post.id && this.warningOpen);
  }

  #toggleWarning(item: { id: string; contentWarning: string | null }): void {
    this.warningChoices = new Map(this.warningChoices).set(item.id, !this.#warningOpen(item));
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
      ${open ? html`${this.#renderReplies(model, level + 1)} ${this.#composers.renderTakingPart(post, this.headingLevel)}` : nothing}
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
            ${this.#composers.renderAnswering(entry.reply, post, this.headingLevel)} ${this.#paging.renderMoreAnswers(entry)}
          </li>`,
        )}
      </ol>
      ${this.#paging.renderMoreReplies(model)}
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
    const reactions = this.#reactions.render(item, post);
    return html`<div class="tools">${reactions.buttons} ${this.#reporting.renderButton(item)}</div>
      ${reactions.problem} ${this.#reporting.renderOutcomeOrForm(item, post)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-thread': HearthThread;
  }
}
