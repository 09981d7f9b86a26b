import { replyRepliesQuery } from '@hearth/client';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { threadMessages } from './hearth-thread.messages.js';
import type { ThreadAccess } from './thread-access.js';
import { answersPageSize, fetchThread, withMoreAnswers, withMoreReplies, type ReplyEntry, type ThreadModel } from './thread-model.js';

/** Answers per "Show more answers": a reply rarely has more, and the next press brings the rest. */
const moreAnswersPageSize = 20;

/**
 * "Show more replies" under the thread and "Show more answers" under a reply: the next page is added after what
 * is shown (anything already there, a reply written on the page, is not shown twice) and the count added is
 * announced; a failure is announced and leaves the button to try again.
 */
export class RepliesPaging implements ReactiveController {
  /** `replies`, or the id of the reply whose answers are loading. */
  #loading: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly access: ThreadAccess,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The "Show more replies" button, while the API has more. */
  renderMoreReplies(model: ThreadModel) {
    if (!model.page.hasNextPage) return nothing;
    return html`<p>${this.#button('replies', this.access.i18n.messages(threadMessages).moreReplies, () => this.#moreReplies())}</p>`;
  }

  /** The "Show more answers" button under a top-level reply, while it has more. */
  renderMoreAnswers(entry: ReplyEntry) {
    if (!entry.answersPage.hasNextPage) return nothing;
    return html`<p class="more-answers">${this.#button(entry.reply.id, this.access.i18n.messages(threadMessages).moreAnswers, () => this.#moreAnswers(entry))}</p>`;
  }

  #button(what: string, label: string, load: () => Promise<void>) {
    const loading = this.#loading === what;
    return html`<button part="load-more" ?disabled=${loading} @click=${load}>${loading ? this.access.common().loading : label}</button>`;
  }

  #setLoading(what: string | null): void {
    this.#loading = what;
    this.host.requestUpdate();
  }

  async #moreReplies(): Promise<void> {
    const client = this.access.client();
    const model = this.access.model();
    if (!client || !model?.page.endCursor) return;
    this.#setLoading('replies');
    const page = await fetchThread(client, { postId: model.post.id, first: this.access.pageSize(), after: model.page.endCursor, answers: answersPageSize }).catch(() => null);
    this.#setLoading(null);
    if (!page) {
      this.access.announce(this.access.common().failedBody);
      return;
    }
    // Added to the conversation as it is now (a reply may have arrived while the page loaded).
    const { model: next, added } = withMoreReplies(this.access.model() ?? model, page);
    this.access.setModel(next, 'paged');
    this.access.announce(this.access.i18n.messages(threadMessages).repliesAdded(added));
  }

  async #moreAnswers(entry: ReplyEntry): Promise<void> {
    const client = this.access.client();
    if (!client || !entry.answersPage.endCursor) return;
    this.#setLoading(entry.reply.id);
    const result = await client.request(replyRepliesQuery, { replyId: entry.reply.id, first: moreAnswersPageSize, after: entry.answersPage.endCursor });
    this.#setLoading(null);
    const node = result.kind === 'ok' ? result.data.node : null;
    const model = this.access.model();
    if (node?.__typename !== 'Reply' || !model) {
      this.access.announce(this.access.common().failedBody);
      return;
    }
    const { model: next, added } = withMoreAnswers(model, entry.reply.id, node.replies.edges.map((edge) => edge.node), node.replies.pageInfo);
    this.access.setModel(next, 'paged');
    this.access.announce(this.access.i18n.messages(threadMessages).repliesAdded(added));
  }
}
