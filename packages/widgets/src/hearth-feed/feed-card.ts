import { html, nothing } from 'lit';
import { contentMessages } from '../content/content.messages.js';
import { excerptOf } from '../content/post-excerpt.js';
import { isTombstone, renderByline, renderReactionTotals, renderStatusBadges, renderWarningGate } from '../content/post-parts.js';
import type { LocaleController } from '../localization/locale-controller.js';
import { feedMessages } from './hearth-feed.messages.js';
import type { FeedPost } from './hearth-feed.operations.js';

/** How a card stands on the page, and what its buttons do. */
export interface CardState {
  /** Its conversation is open under it (a `<hearth-thread>`). */
  open: boolean;
  /** The reader opened its content warning. */
  warningOpen: boolean;
  replyCount: number;
  toggleConversation(): void;
  toggleWarning(): void;
}

/**
 * One post of the feed as a calm card (`part="post"`): badges, title, byline, an excerpt behind its content
 * warning, replies and reactions, and the button that opens the whole conversation under it.
 */
export function renderPostCard(i18n: LocaleController, post: FeedPost, state: CardState) {
  const m = i18n.messages(feedMessages);
  const content = i18n.messages(contentMessages);
  const key = cardKey(post.id);
  const tombstone = isTombstone(post);
  const { open, warningOpen } = state;
  return html`<article class="card post" part="post" data-post=${post.id} tabindex="-1" aria-labelledby=${`${key}-title`}>
    ${renderStatusBadges(i18n, post)}
    <h3 part="post-title" class=${tombstone ? 'tombstone' : ''} id=${`${key}-title`} dir="auto">${tombstone ? (post.status === 'REMOVED' ? content.removedPost : content.deletedPost) : post.title}</h3>
    ${tombstone ? nothing : renderByline(i18n, post, `${key}-author`)}
    ${open || tombstone ? nothing : renderExcerpt(i18n, post, key, state)}
    ${open
      ? nothing
      : html`<p class="meta">
          <span>${content.replyCount(state.replyCount)}</span>
          ${renderReactionTotals(i18n, post.reactionCounts)}
        </p>`}
    <p class="actions">
      <button type="button" part="open-button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`${key}-thread`} @click=${state.toggleConversation}>
        ${open ? m.closeConversation : m.openConversation}
      </button>
    </p>
    <div class="thread-region" id=${`${key}-thread`}>${open
      ? html`<hearth-thread post=${post.id} heading-level="3" hide-header ?warning-open=${warningOpen}></hearth-thread>`
      : nothing}</div>
  </article>`;
}

function renderExcerpt(i18n: LocaleController, post: FeedPost, key: string, state: CardState) {
  const content = i18n.messages(contentMessages);
  const excerpt = html`<p class="excerpt" id=${`${key}-excerpt`} dir="auto">${excerptOf(post.body)}</p>`;
  if (!post.contentWarning) return excerpt;
  return html`${renderWarningGate(i18n, {
      id: key,
      warning: post.contentWarning,
      open: state.warningOpen,
      controls: `${key}-excerpt-region`,
      showLabel: content.showPost,
      toggle: state.toggleWarning,
    })}
    <div id=${`${key}-excerpt-region`}>${state.warningOpen ? excerpt : nothing}</div>`;
}

/** An id-safe key for a post's elements (global ids hold `=`, `+` and `/`). */
function cardKey(postId: string): string {
  return `p-${postId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
