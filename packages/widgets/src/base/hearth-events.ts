/**
 * Events the widgets dispatch to the host page. All bubble and are composed, so a host listens once on
 * `document`.
 */

export interface SignInRequestDetail {
  /** What the reader was trying to do: `join`, `post`, `reply`, `react`, `report`, `moderate`. */
  action: string;
}

export interface GroupSelectDetail {
  id: string;
  slug: string;
  name: string;
}

export interface PostCreatedDetail {
  postId: string;
  groupId: string;
  /** `PUBLISHED`, or `PENDING_REVIEW` when held for the facilitators. */
  status: string;
  /**
   * The writer was shown crisis help in front of everything: listeners (the feed) must not move focus or scroll
   * to the new post.
   */
  helpShown?: boolean;
}

export interface ReplyCreatedDetail {
  replyId: string;
  postId: string;
  status: string;
  /** As for a post: crisis help is in front of the writer; the thread keeps focus (and the answer's composer) where it is. */
  helpShown?: boolean;
}

export interface MembershipChangeDetail {
  groupId: string;
  status: string;
}

export interface ModerationItemResolvedDetail {
  itemId: string;
  /** What happened, for screen readers ("Hidden from the group.", "Another facilitator has already dealt with this."). */
  outcome: string;
}

export interface PostSelectDetail {
  postId: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hearth-sign-in-request': CustomEvent<SignInRequestDetail>;
    'hearth-group-select': CustomEvent<GroupSelectDetail>;
    'hearth-post-created': CustomEvent<PostCreatedDetail>;
    'hearth-reply-created': CustomEvent<ReplyCreatedDetail>;
    'hearth-membership-change': CustomEvent<MembershipChangeDetail>;
    'hearth-post-select': CustomEvent<PostSelectDetail>;
    'hearth-crisis-help-close': CustomEvent<Record<string, never>>;
    'hearth-moderation-item-resolved': CustomEvent<ModerationItemResolvedDetail>;
    'hearth-outreach-started': CustomEvent<{ threadId: string }>;
  }
}

/** Dispatches a typed Hearth event from `target`; returns false when a listener called `preventDefault()`. */
export function emit<Name extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: Name,
  detail: GlobalEventHandlersEventMap[Name] extends CustomEvent<infer Detail> ? Detail : never,
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}
