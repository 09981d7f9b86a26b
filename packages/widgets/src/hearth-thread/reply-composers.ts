import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ReplyCreatedDetail } from '../base/hearth-events.js';
import { authorNameOf, isTombstone } from '../content/post-parts.js';
import { threadMessages } from './hearth-thread.messages.js';
import { threadReplyQuery } from './hearth-thread.operations.js';
import type { ThreadAccess } from './thread-access.js';
import { answersPageSize, containsReply, domKey, fetchThread, maxPageSize, withReply, type Reply, type ThreadPost } from './thread-model.js';

/**
 * The thread's `<hearth-composer>`s: one for a reply under the conversation, and one under a reply for an answer
 * to it ("Answer Sara"). A reply written on the page (`hearth-reply-created` from either, or from any composer for
 * this post) shows in its place, is announced and receives focus; the answer's composer closes.
 */
export class ReplyComposers implements ReactiveController {
  /** The reply the reader is answering (its composer open under it), if any. */
  #answering: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly updateComplete: Promise<boolean> },
    private readonly access: ThreadAccess,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('hearth-reply-created', this.#onReplyCreated);
  }

  hostDisconnected(): void {
    document.removeEventListener('hearth-reply-created', this.#onReplyCreated);
  }

  readonly #onReplyCreated = (event: CustomEvent<ReplyCreatedDetail>): void => {
    const post = this.access.model()?.post.id;
    if (!post || event.detail.postId !== post) return;
    // Crisis help is in front of the writer inside the composer that sent it: that composer stays open and
    // focus stays on the help; the reply shows when the thread next loads.
    if (event.detail.helpShown) return;
    // An answer was sent: its composer closes, and the answer shows under its reply.
    this.#answer(null);
    void this.#showNewReply(event.detail.replyId);
  };

  #answer(replyId: string | null): void {
    this.#answering = replyId;
    this.host.requestUpdate();
  }

  /** Reloads the replies shown so far (others may have replied meanwhile), makes sure the new one is there, focuses it. */
  async #showNewReply(replyId: string): Promise<void> {
    const client = this.access.client();
    const model = this.access.model();
    if (!client || !model) return;
    const first = Math.min(maxPageSize, Math.max(this.access.pageSize(), model.entries.length + 1));
    const answers = Math.min(maxPageSize, Math.max(answersPageSize, ...model.entries.map((entry) => entry.answers.length + 1)));
    let fresh = (await fetchThread(client, { postId: model.post.id, first, answers }).catch(() => null)) ?? model;
    if (!containsReply(fresh, replyId)) {
      const result = await client.request(threadReplyQuery, { id: replyId });
      const node = result.kind === 'ok' ? result.data.node : null;
      if (node?.__typename === 'Reply') fresh = withReply(fresh, node);
    }
    this.access.setModel(fresh, 'reloaded');
    await this.host.updateComplete;
    this.access.announce(this.access.i18n.messages(threadMessages).newReply);
    const article = this.access.root().querySelector<HTMLElement>(`[data-reply="${CSS.escape(replyId)}"]`);
    article?.focus();
    article?.scrollIntoView({ block: 'nearest' });
  }

  /** "Answer" under a reply, for members who may reply: a composer for an answer to that reply opens below it. */
  renderAnswering(reply: Reply, post: ThreadPost, headingLevel: number) {
    if (!post.group.viewerCanPost || post.locked || post.status !== 'PUBLISHED' || isTombstone(reply)) return nothing;
    const key = domKey(reply.id);
    const open = this.#answering === reply.id;
    return html`<div class="answering">
      <button type="button" class="quiet" part="answer-button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`${key}-answer`} @click=${() => this.#answer(open ? null : reply.id)}>
        ${this.access.i18n.messages(threadMessages).answer(authorNameOf(this.access.i18n, reply))}
      </button>
      <div id=${`${key}-answer`}>${open ? html`<hearth-composer post=${post.id} parent-reply=${reply.id} heading-level=${headingLevel === 3 ? 4 : 3}></hearth-composer>` : nothing}</div>
    </div>`;
  }

  /** The composer for members who may reply; otherwise why nobody can, or how a guest could. */
  renderTakingPart(post: ThreadPost, headingLevel: number) {
    const m = this.access.i18n.messages(threadMessages);
    if (post.locked) return html`<p class="panel closed" part="state locked">${m.locked}</p>`;
    if (post.status !== 'PUBLISHED') return nothing;
    // The composer's heading sits at the level of the thread's "Replies".
    if (post.group.viewerCanPost) return html`<hearth-composer post=${post.id} heading-level=${headingLevel === 3 ? 3 : 2}></hearth-composer>`;
    if (!this.access.mayHaveMember()) {
      return html`<div class="row">
        <p class="muted">${m.signInToReply}</p>
        <button @click=${() => this.access.requestSignIn('reply')}>${this.access.common().signIn}</button>
      </div>`;
    }
    return html`<p class="muted">${m.membersReply}</p>`;
  }
}
