import { invitationPreviewQuery, type HearthClient } from '@hearth/client';
import { Task } from '@lit/task';
import { html, type PropertyValues } from 'lit';
import { groupLookup } from '../base/group-reference.js';
import { HearthElement } from '../base/hearth-element.js';
import { MinuteClockController } from '../base/minute-clock-controller.js';
import { dataOf } from '../base/load-failure.js';
import { renderConversations } from './group-conversations.js';
import { renderGroupDetails, renderGroupHeader, renderInvitationHeader } from './group-header.js';
import { groupMessages } from './hearth-group.messages.js';
import { groupPageQuery, type Group, type GroupPage, type InvitationPreview, type LoadedGroupPage } from './hearth-group.operations.js';
import { groupStyles } from './hearth-group.styles.js';
import { JoinFlow } from './join-flow.js';
import { renderInvitationMembership, renderMembership } from './membership-standing.js';

/**
 * One support group's page, for the host site's group page: who runs it and how, its guidelines and privacy
 * rules in plain words, the way in for every join policy and membership state, then its conversations (the
 * `<hearth-composer>` and `<hearth-feed>` elements) for whoever may read them.
 *
 * @tagname hearth-group
 * @summary A group's header, guidelines, join flow and feed.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart group - The group's page (header, details, membership and conversations).
 * @csspart header - The group's name, institution, badges, facilitators and facts.
 * @csspart badge - A facilitation or join-policy badge.
 * @csspart guidelines - The group's guidelines.
 * @csspart membership - The join form, or where the reader's membership stands.
 * @csspart button - The join, waitlist and leave buttons.
 * @csspart problem - What went wrong with the reader's last action.
 * @csspart conversations - The wrapper of the composer and the feed.
 * @csspart skeleton - A placeholder while loading.
 * @csspart state - The loading, unavailable, error, offline and signed-out panels.
 *
 * @cssprop [--hearth-color-accent=#0f6b66] - Buttons, links and the professional badge.
 * @cssprop [--hearth-color-text=#1f2933] - Body text.
 * @cssprop [--hearth-color-muted=#4b5563] - Secondary text.
 * @cssprop [--hearth-color-surface=#ffffff] - Card background.
 * @cssprop [--hearth-color-surface-alt=#f4f6f7] - Panel background.
 * @cssprop [--hearth-color-border=#c5ccd3] - Card and field borders.
 * @cssprop [--hearth-color-danger=#b42318] - Field problems and the leave confirmation.
 * @cssprop [--hearth-color-focus=#1d4ed8] - The focus ring.
 * @cssprop [--hearth-font-family=system-ui] - The widget's font.
 * @cssprop [--hearth-radius=8px] - Corner radius.
 * @cssprop [--hearth-space=16px] - Base spacing.
 *
 * @fires hearth-membership-change - The reader joined, asked to join, took a waitlist place, withdrew or left: `{ groupId, status }`.
 * @fires hearth-sign-in-request - A guest wants to join, or a session ended: `{ action: 'join' }` or `{ action: 'session' }`.
 */
export class HearthGroup extends HearthElement {
  /** Keeps "5 minutes ago" true while the page stays open. */
  readonly #clock = new MinuteClockController(this);

  static override styles = [...HearthElement.styles, groupStyles];

  static override properties = {
    group: {},
    invite: {},
    threadLink: { attribute: 'thread-link' },
    refreshed: { state: true },
  };

  /** The group: its slug (e.g. `grief-and-loss`, looked up in the reader's institution) or its global ID. */
  declare group: string | undefined;
  /**
   * An invitation code, e.g. from the link the reader followed: it fills in the code of an invitation-only group,
   * and lets the reader see and join a PRIVATE group they could not see otherwise.
   */
  declare invite: string | undefined;
  /**
   * Links conversations: opening one in the group's feed puts it in the page's address, so it can be bookmarked,
   * sent to a facilitator and opened again after a reload, and Back closes it. The value names the query
   * parameter (`thread-link="conversation"` gives `?conversation=<post id>`); present without a value, it is
   * `thread`. Absent, the page's address never changes.
   */
  declare threadLink: string | undefined;
  /** The page as re-read after the reader's last action (the task's value until then). */
  declare private refreshed: LoadedGroupPage | undefined;

  /** Joining, the entry questions, the code, the waitlist, withdrawing and leaving. */
  readonly #join = new JoinFlow(this, {
    client: (): HearthClient | null => this.connection.client,
    i18n: this.i18n,
    common: () => this.common,
    root: () => this.renderRoot,
    announce: (message: string) => this.announce(message),
    requestSignIn: (action: string) => this.requestSignIn(action),
    signInPrompt: (action: string) => this.renderSignInPrompt(action),
    loading: () => this.renderLoading(1),
    loaded: () => this.#loaded,
    show: (loaded: LoadedGroupPage) => (this.refreshed = loaded),
    refresh: () => this.#refresh(),
    connection: () => ({ api: this.api, institution: this.institution, token: this.token, getToken: this.getToken }),
  });

  private readonly page = new Task(this, {
    task: async ([client, reference, invite], { signal }) => {
      if (!client) throw new Error('not configured');
      const loaded = await this.#load(client, reference, invite, signal);
      this.refreshed = undefined;
      this.#join.pageLoaded();
      return loaded;
    },
    args: () => [this.connection.client, this.group, this.invite, this.connection.revision] as const,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('group') && changed.get('group') !== undefined) this.#join.forgetGroup();
    if (changed.has('invite')) this.#join.inviteChanged(this.invite, changed.get('invite'));
  }

  protected override reload(): void {
    void this.page.run();
  }

  async #load(client: HearthClient, reference: string | undefined, invite: string | undefined, signal?: AbortSignal): Promise<LoadedGroupPage> {
    if (!reference) return { page: { group: null, me: null }, invitation: null };
    const page = dataOf(await client.request(groupPageQuery, groupLookup(reference), { signal }));
    const code = invite?.trim();
    const invitation = !page.group && code ? dataOf(await client.request(invitationPreviewQuery, { code }, { signal })).invitation : null;
    return { page, invitation };
  }

  /** Reads the page again after an action, keeping what is shown meanwhile (and if the read fails). */
  async #refresh(): Promise<boolean> {
    const client = this.connection.client;
    try {
      this.refreshed = await this.#load(client!, this.group, this.invite);
      return true;
    } catch {
      // The action's own result is already shown; the next reload corrects the rest.
      return false;
    }
  }

  get #loaded(): LoadedGroupPage | undefined {
    return this.refreshed ?? this.page.value;
  }

  protected override renderContent() {
    return this.renderTask(this.page, () => this.#renderLoaded(this.#loaded!), 3);
  }

  #renderLoaded({ page, invitation }: LoadedGroupPage) {
    if (page.group) return this.#renderGroup(page.group, page.me);
    if (invitation) return this.#renderInvitation(invitation, page.me);
    const m = this.i18n.messages(groupMessages);
    return html`<div class="panel stack tight" part="state unavailable">
      <h2>${m.notAvailableTitle}</h2>
      <p>${m.notAvailableBody}</p>
    </div>`;
  }

  #renderGroup(group: Group, me: GroupPage['me']) {
    const membership = group.viewerMembership;
    const settings = { api: this.api, institution: this.institution, token: this.token, locale: this.locale, getToken: this.getToken, language: this.i18n.locale, threadLink: this.threadLink };
    return html`<article class="page" part="group" aria-labelledby="group-name">
      ${renderGroupHeader(this.i18n, group)}
      <div class="layout">
        ${renderGroupDetails(this.i18n, group)}
        ${renderMembership(this.#join, group, membership, Boolean(me))}
      </div>
      ${renderConversations(settings, group, membership, me)}
    </article>`;
  }

  #renderInvitation(invitation: InvitationPreview, me: GroupPage['me']) {
    return html`<article class="page" part="group" aria-labelledby="group-name">
      ${renderInvitationHeader(this.i18n, invitation)}
      ${renderInvitationMembership(this.#join, invitation, Boolean(me))}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-group': HearthGroup;
  }
}
