import { reactMutation } from '@hearth/client';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { failureMessage } from '../base/failure-message.js';
import { reactionKinds, renderReactionTotals, type ContentItemView, type ReactionCount, type ReactionKind } from '../content/post-parts.js';
import { domainMessages } from '../localization/domain.messages.js';
import { threadMessages } from './hearth-thread.messages.js';
import type { ThreadAccess } from './thread-access.js';
import type { ThreadPost } from './thread-model.js';

export interface Reactions {
  counts: readonly ReactionCount[];
  mine: readonly string[];
}

/**
 * The support-shaped reactions under a post or reply. A reaction shows at once (optimistic) and is put back when
 * the API refuses it — the reader left the group meanwhile, a rate limit, an ended session — with the reason
 * under the item and in the live region. What the API confirms replaces the guess.
 */
export class ReactionsController implements ReactiveController {
  /** Reactions changed on this page (optimistic, then as the API confirmed them), by subject id. */
  #changed = new Map<string, Reactions>();
  #problems = new Map<string, string>();
  /** `subjectId kind` of the reactions on their way to the API: a second press waits for the first. */
  readonly #sending = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly access: ThreadAccess,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Forgets the page's changes: the conversation came again from the API, with its own counts. */
  reset(): void {
    this.#changed = new Map();
    this.#problems = new Map();
  }

  /** The reaction buttons (or, where the reader may not react, the totals) and any problem with the last one. */
  render(item: ContentItemView, post: ThreadPost): { buttons: TemplateResult | typeof nothing; problem: TemplateResult | typeof nothing } {
    const problem = this.#problems.get(item.id);
    return {
      buttons: this.#renderButtons(item, post),
      problem: problem ? html`<p class="problem small">${problem}</p>` : nothing,
    };
  }

  #renderButtons(item: ContentItemView, post: ThreadPost) {
    const { counts, mine } = this.#of(item);
    // Reactions go to published items of open threads, from members who may take part (guests are asked to sign in).
    const open = item.status === 'PUBLISHED' && post.status === 'PUBLISHED' && !post.locked;
    const allowed = open && (post.group.viewerCanPost || !this.access.mayHaveMember());
    if (!allowed) return renderReactionTotals(this.access.i18n, counts);
    const i18n = this.access.i18n;
    const names = i18n.messages(domainMessages).reaction;
    return html`<div class="reactions" part="reactions" role="group" aria-label=${i18n.messages(threadMessages).reactionsLabel}>
      ${reactionKinds.map((kind) => {
        const count = counts.find((entry) => entry.kind === kind)?.count ?? 0;
        return html`<button type="button" class="reaction" part="reaction" aria-pressed=${mine.includes(kind) ? 'true' : 'false'} @click=${() => this.react(item, kind)}>
          ${names[kind] ?? kind}${count > 0 ? html` <span class="count">${i18n.number(count)}</span>` : nothing}
        </button>`;
      })}
    </div>`;
  }

  #of(item: ContentItemView): Reactions {
    return this.#changed.get(item.id) ?? { counts: item.reactionCounts, mine: item.viewerReactions };
  }

  #show(id: string, reactions: Reactions, problem: string | null): void {
    this.#changed.set(id, reactions);
    if (problem) this.#problems.set(id, problem);
    else this.#problems.delete(id);
    this.host.requestUpdate();
  }

  /** Gives `kind` to the item, or takes it back when the reader had given it. */
  async react(item: ContentItemView, kind: ReactionKind): Promise<void> {
    const client = this.access.client();
    if (!client) return;
    if (!this.access.mayHaveMember()) {
      this.access.requestSignIn('react');
      return;
    }
    const flag = `${item.id} ${kind}`;
    if (this.#sending.has(flag)) return;
    const on = !this.#of(item).mine.includes(kind);
    // Shown at once; put back if the API refuses.
    this.#show(item.id, toggled(this.#of(item), kind, on), null);
    this.#sending.add(flag);
    const result = await client.mutate(reactMutation, { input: { subjectId: item.id, kind, on } }, (data) => data.react);
    this.#sending.delete(flag);
    if (result.kind === 'ok') {
      this.#show(item.id, { counts: result.data.reactionCounts, mine: result.data.viewerReactions }, null);
      return;
    }
    const m = this.access.i18n.messages(threadMessages);
    const common = this.access.common();
    let problem = m.reactFailed;
    if (result.kind === 'error') {
      if (result.error.__typename === 'ForbiddenError') problem = m.reactForbidden;
      else if (result.error.__typename === 'RateLimitedError') problem = common.rateLimited(result.error.retryAfterSeconds);
    } else {
      const failure = failureMessage(common, result);
      if (failure.signIn) this.access.requestSignIn('react');
      if (failure.signIn || result.kind === 'network') problem = failure.text;
    }
    // Only this kind is put back: another reaction given meanwhile keeps its own outcome.
    this.#show(item.id, toggled(this.#of(item), kind, !on), problem);
    this.access.announce(problem);
  }
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
