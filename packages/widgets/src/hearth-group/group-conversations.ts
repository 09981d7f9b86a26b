import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { passConnection } from '../base/pass-connection.js';
import type { HearthOptions } from '../configuration/hearth-options.js';
import { loadLanguage } from '../localization/locale-controller.js';
import type { Group, GroupPage, Membership } from './hearth-group.operations.js';

/**
 * The conversations under a group's page (`part="conversations"`): a member's private conversations with the
 * facilitators (`<hearth-outreach-inbox>`), the `<hearth-composer>` for whoever may post, and the
 * `<hearth-feed>`, each given the page's own connection settings.
 */

/** The settings the page passes on to the elements it holds. */
export interface ConversationSettings extends HearthOptions {
  /** The language the page speaks now (for the strings the inbox fetches). */
  language: string;
  /** The feed's `thread-link`: the query parameter that carries the open conversation. */
  threadLink: string | undefined;
}

let outreachLoading: Promise<unknown> | undefined;

export function renderConversations(settings: ConversationSettings, group: Group, membership: Membership | null | undefined, me: GroupPage['me']) {
  const taking = membership?.status === 'ACTIVE' || membership?.status === 'SUSPENDED';
  if (!group.publicReading && !taking && !me?.isInstitutionAdmin) return nothing;
  // A new membership is a new reader: the feed and composer start again with what it may see and do.
  return keyed(
    `${group.id} ${membership?.status} ${group.viewerCanPost}`,
    html`<div class="stack conversations" part="conversations">
      ${taking ? renderInbox(settings, group) : nothing}
      ${group.viewerCanPost
        ? html`<hearth-composer group=${group.id} ${passConnection(settings)}></hearth-composer>`
        : nothing}
      <hearth-feed group=${group.id} thread-link=${ifDefined(settings.threadLink ?? undefined)} ${passConnection(settings)}></hearth-feed>
    </div>`,
  );
}

/**
 * The member's private conversations with the facilitators (outreach), fetched with its code when a member
 * opens the page: it shows only when there is one.
 */
function renderInbox(settings: ConversationSettings, group: Group) {
  if (!outreachLoading) {
    outreachLoading = Promise.all([import('../hearth-outreach/define.js'), loadLanguage(settings.language, 'writers')]).catch(() => {
      outreachLoading = undefined;
    });
  }
  return html`<hearth-outreach-inbox group=${group.id} heading-level="3" ${passConnection(settings)}></hearth-outreach-inbox>`;
}
