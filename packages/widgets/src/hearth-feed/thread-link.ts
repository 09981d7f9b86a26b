import type { HearthClient } from '@hearth/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dataOf } from '../base/load-failure.js';
import { linkedPostQuery, type FeedPost } from './hearth-feed.operations.js';

/** What the link needs from its feed (whose own members are protected). */
export interface ThreadLinkAccess {
  /** The query parameter that names the open conversation (`thread`), or null when the host wants no links. */
  parameter(): string | null;
  client(): HearthClient | null;
  root(): HTMLElement | DocumentFragment;
  /** The conversation open now. */
  openPost(): string | null;
  /** Opens a conversation (or closes the open one, with null) because the page's address says so. */
  show(postId: string | null): void;
}

/** A post the link named, and what came of looking for it. */
type Linked = { postId: string; groupId: string; post: FeedPost | null; state: 'loading' | 'here' | 'elsewhere' | 'unavailable' };

/** Global IDs are base64 (letters, digits, `+`, `/`, `=`); anything else in the address is not a post of ours. */
const postIdPattern = /^[A-Za-z0-9+/=_-]{1,200}$/;

/**
 * This page load's own history entries: going back from a conversation to the page it was opened on is then a
 * step back in history, while an entry of an earlier load (before a reload) would load the page again.
 */
const documentKey = Math.random().toString(36).slice(2);

interface LinkState {
  hearthThread?: { document: string; from: string | null };
}

/**
 * Keeps the open conversation of a feed in the host page's address (`?thread=<post id>`), so a thread can be
 * bookmarked, sent to a facilitator and opened again after a reload: opening one adds a history entry, Back
 * closes it (or goes back to the one open before), and a page loaded with the parameter opens that thread —
 * fetched on its own when it is older than the feed's first page. Nothing else in the address changes, and the
 * host's own history state is kept in each entry.
 */
export class ThreadLink implements ReactiveController {
  readonly #access: ThreadLinkAccess;
  #parameter: string | null = null;
  #linked: Linked | null = null;
  /**
   * A conversation opened from the address, to bring into view (and focus) once its card is on the page; on a
   * page just loaded, only if the reader has not put focus somewhere else meanwhile.
   */
  #reveal: { postId: string; always: boolean } | null = null;

  constructor(
    private readonly element: ReactiveControllerHost,
    access: ThreadLinkAccess,
  ) {
    this.#access = access;
    element.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  hostUpdate(): void {
    // The attribute may come (or change) after the element is on the page.
    const parameter = this.#access.parameter();
    if (parameter === this.#parameter) return;
    this.#parameter = parameter;
    if (parameter) this.#follow(false);
  }

  hostUpdated(): void {
    const reveal = this.#reveal;
    if (!reveal) return;
    const card = this.#access.root().querySelector<HTMLElement>(`[data-post="${CSS.escape(reveal.postId)}"]`);
    if (!card) return;
    this.#reveal = null;
    const focused = document.activeElement;
    if (!reveal.always && focused && focused !== document.body) return;
    card.scrollIntoView({ block: 'start' });
    card.focus({ preventScroll: true });
  }

  /** The post the address names now, if any. */
  #named(): string | null {
    if (!this.#parameter) return null;
    const value = new URL(location.href).searchParams.get(this.#parameter);
    return value && postIdPattern.test(value) ? value : null;
  }

  readonly #onPopState = (): void => this.#follow(true);

  /** The address changed (Back, Forward, or a page loaded with a link): the feed shows what it names. */
  #follow(fromHistory: boolean): void {
    if (!this.#parameter) return;
    const named = this.#named();
    const open = this.#access.openPost();
    if (named === open) return;
    // Closing from history takes focus to the card that was open, not to the top of the page.
    const postId = named ?? open;
    this.#reveal = postId ? { postId, always: fromHistory } : null;
    this.#access.show(named);
  }

  /** The reader opened or closed a conversation on the page: the address follows. */
  changed(postId: string | null): void {
    const parameter = this.#parameter;
    if (!parameter) return;
    const named = this.#named();
    if (named === postId) return;
    const url = new URL(location.href);
    const state = history.state as (LinkState & Record<string, unknown>) | null;
    if (postId) {
      url.searchParams.set(parameter, postId);
      history.pushState({ ...(state ?? {}), hearthThread: { document: documentKey, from: named } }, '', url);
      return;
    }
    const link = state?.hearthThread;
    // Back to the entry the conversation was opened from, when it is this page load's and had none open.
    if (link?.document === documentKey && link.from === null) {
      history.back();
      return;
    }
    url.searchParams.delete(parameter);
    history.replaceState(state, '', url);
  }

  /**
   * The linked post when the feed's loaded posts lack it, to show first: an older conversation, kept on the page
   * once shown (closing it leaves its card where it is). 'unavailable' while the address names a post that cannot
   * be read (removed, or for members only); null when there is nothing to add, or the post belongs to another
   * group (another feed on the page may show it).
   */
  extraPost(groupId: string, posts: readonly FeedPost[]): FeedPost | 'unavailable' | null {
    const named = this.#named();
    const loaded = (postId: string) => posts.some((post) => post.id === postId);
    if (named && !loaded(named) && (this.#linked?.postId !== named || this.#linked.groupId !== groupId)) {
      this.#linked = { postId: named, groupId, post: null, state: 'loading' };
      void this.#fetch(named, groupId);
    }
    const linked = this.#linked;
    if (!linked || linked.groupId !== groupId || loaded(linked.postId)) return null;
    if (linked.state === 'here') return linked.post;
    return linked.state === 'unavailable' && linked.postId === named ? 'unavailable' : null;
  }

  async #fetch(postId: string, groupId: string): Promise<void> {
    const client = this.#access.client();
    let linked: Linked = { postId, groupId, post: null, state: 'unavailable' };
    try {
      const node = client ? dataOf(await client.request(linkedPostQuery, { id: postId })).node : null;
      if (node?.__typename === 'Post') linked = { postId, groupId, post: node, state: node.group.id === groupId ? 'here' : 'elsewhere' };
    } catch {
      // Not found or unreachable: said as unavailable; the feed itself shows a failure to load.
    }
    if (this.#linked?.postId !== postId || this.#linked.groupId !== groupId) return;
    this.#linked = linked;
    this.element.requestUpdate();
  }
}
