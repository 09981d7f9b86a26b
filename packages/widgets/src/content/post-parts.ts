/**
 * The pieces of a post or reply that the feed and the thread render alike: who wrote it and when, its status
 * badges, its content-warning gate and its reaction totals. User text always goes through text bindings.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocaleController } from '../localization/locale-controller.js';
import { domainMessages } from '../localization/domain.messages.js';
import { contentMessages } from './content.messages.js';

/** The support-shaped reactions, in the order the bar shows them. */
export const reactionKinds = ['SUPPORT', 'HUG', 'ME_TOO', 'THANK_YOU', 'HELPFUL'] as const;
export type ReactionKind = (typeof reactionKinds)[number];

export interface ReactionCount {
  kind: string;
  count: number;
}

/** What a post and a reply have in common (ReplyFields and PostFields both satisfy it). */
export interface ContentItemView {
  id: string;
  body: string;
  bodyHtml: string;
  contentWarning: string | null;
  anonymous: boolean;
  authorName: string;
  createdAt: string;
  editedAt: string | null;
  status: string;
  viewerIsAuthor: boolean;
  reactionCounts: readonly ReactionCount[];
  viewerReactions: readonly string[];
}

/**
 * Whether the API sent a tombstone (a deleted item, or a removed one to a reader who does not moderate): its
 * title, body and author read "[deleted]" / "[removed]", which the widgets say in the reader's language instead.
 */
export function isTombstone(item: Pick<ContentItemView, 'status' | 'body' | 'authorName'>): boolean {
  return item.status === 'DELETED' || (item.status === 'REMOVED' && item.body === '[removed]' && item.authorName === '[removed]');
}

/** The author's name, with an anonymous author's thread alias ("Anonymous 3") in the reader's language. */
export function authorNameOf(i18n: LocaleController, item: Pick<ContentItemView, 'anonymous' | 'authorName'>): string {
  const alias = item.anonymous ? /^Anonymous(?: (\d+))?$/.exec(item.authorName) : null;
  return alias ? i18n.messages(contentMessages).anonymousAlias(alias[1] ?? '') : item.authorName;
}

/** "Amal · 3 hours ago (edited)": the name (with its id for aria-labelledby), badges, and the time. */
export function renderByline(i18n: LocaleController, item: ContentItemView, nameId: string): TemplateResult {
  const m = i18n.messages(contentMessages);
  return html`<p class="byline" part="byline">
    <span class="author" id=${nameId} dir="auto">${authorNameOf(i18n, item)}</span>
    ${item.anonymous ? html`<span class="badge">${m.anonymousBadge}</span>` : nothing}
    ${item.viewerIsAuthor ? html`<span class="badge">${m.you}</span>` : nothing}
    <span class="when">
      <time datetime=${item.createdAt} title=${i18n.dateTime(item.createdAt)}>${i18n.relativeTime(item.createdAt)}</time>
      ${item.editedAt ? html`<span class="edited" title=${m.editedAt(i18n.dateTime(item.editedAt))}>(${m.edited})</span>` : nothing}
    </span>
  </p>`;
}

/** Pinned, closed, waiting for review, hidden, removed: only the ones that apply, or nothing. */
export function renderStatusBadges(
  i18n: LocaleController,
  item: Pick<ContentItemView, 'status' | 'viewerIsAuthor' | 'body' | 'authorName'> & { pinned?: boolean; locked?: boolean },
): TemplateResult | typeof nothing {
  const m = i18n.messages(contentMessages);
  const badges: TemplateResult[] = [];
  if (item.pinned) badges.push(html`<span class="badge accent" part="badge">${m.pinned}</span>`);
  if (item.locked) badges.push(html`<span class="badge" part="badge">${m.locked}</span>`);
  if (item.status === 'PENDING_REVIEW') badges.push(html`<span class="badge pending" part="badge">${item.viewerIsAuthor ? m.pendingOwn : m.pendingOther}</span>`);
  if (item.status === 'HIDDEN') badges.push(html`<span class="badge pending" part="badge">${m.hidden}</span>`);
  if (item.status === 'REMOVED' && !isTombstone(item)) badges.push(html`<span class="badge pending" part="badge">${m.removed}</span>`);
  return badges.length ? html`<p class="badges">${badges}</p>` : nothing;
}

/**
 * The content warning and the button that shows or hides what it covers (`controls`, an element that is empty
 * while the warning is closed: the covered text is not rendered at all until the reader asks for it).
 */
export function renderWarningGate(
  i18n: LocaleController,
  options: { id: string; warning: string; open: boolean; controls: string; showLabel: string; toggle: () => void },
): TemplateResult {
  const m = i18n.messages(contentMessages);
  return html`<div class="warning" part="content-warning">
    <p id=${`cw-${options.id}`}><strong>${m.contentWarning}</strong> <span dir="auto">${options.warning}</span></p>
    <button type="button" aria-expanded=${options.open ? 'true' : 'false'} aria-controls=${options.controls} aria-describedby=${`cw-${options.id}`} @click=${options.toggle}>
      ${options.open ? m.hidePost : options.showLabel}
    </button>
  </div>`;
}

/** The reactions an item received, as quiet text ("Support 2 · Hug 1"); nothing when there are none. */
export function renderReactionTotals(i18n: LocaleController, counts: readonly ReactionCount[]): TemplateResult | typeof nothing {
  const m = i18n.messages(contentMessages);
  const names = i18n.messages(domainMessages).reaction;
  const given = reactionKinds.map((kind) => ({ kind, count: counts.find((entry) => entry.kind === kind)?.count ?? 0 })).filter((entry) => entry.count > 0);
  if (given.length === 0) return nothing;
  return html`<ul class="reaction-totals" aria-label=${m.reactionTotals}>
    ${given.map((entry) => html`<li>${names[entry.kind] ?? entry.kind} <span class="count">${i18n.number(entry.count)}</span></li>`)}
  </ul>`;
}
