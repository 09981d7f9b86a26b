import { html, nothing } from 'lit';
import { whoCanRevealAnonymousAuthors } from '../content/anonymity-wording.js';
import { domainMessages } from '../localization/domain.messages.js';
import type { LocaleController } from '../localization/locale-controller.js';
import { composerMessages } from './hearth-composer.messages.js';
import type { ComposerGroup } from './hearth-composer.operations.js';

/** Where the writer's choice stands, and how the form takes a new one. */
export interface AnonymityChoice {
  replying: boolean;
  /** The writer replies in the thread of their own anonymous post, where the default is its alias. */
  ownAnonymousThread: boolean;
  /** Null until the writer ticks or unticks the box. */
  chosen: boolean | null;
  problem: string | undefined;
  describedBy: string;
  choose(anonymous: boolean): void;
}

/**
 * The "post anonymously" box of a group that allows it, with what anonymity means here: hidden from the other
 * members, and who — by the group's policy — can still find out who wrote it (the same sentence as on the
 * group's page). A writer about to reply under their name in their own anonymous thread is told what it reveals.
 */
export function renderAnonymityChoice(i18n: LocaleController, group: ComposerGroup, choice: AnonymityChoice) {
  const m = i18n.messages(composerMessages);
  return html`<div class="option">
    <label class="check">
      <input
        id="anonymous"
        type="checkbox"
        aria-describedby=${choice.describedBy}
        aria-invalid=${choice.problem ? 'true' : 'false'}
        .checked=${choice.chosen ?? choice.ownAnonymousThread}
        @change=${(event: Event) => choice.choose((event.target as HTMLInputElement).checked)}
      />${choice.replying ? m.anonymousReply : m.anonymousPost}
    </label>
    <div id="anonymous-hint" class="hint small">
      <p>${m.anonymousHidden}</p>
      ${choice.ownAnonymousThread && choice.chosen === false ? html`<p><strong>${m.namedReplyInOwnThread}</strong></p>` : nothing}
      <p>${whoCanRevealAnonymousAuthors(i18n.messages(domainMessages), group.anonymousAuthorsRevealableBy)}</p>
    </div>
    ${choice.problem ? html`<p id="anonymous-problem" class="problem">${choice.problem}</p>` : nothing}
  </div>`;
}
