import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { failureMessage } from '../base/failure-message.js';
import { heading } from '../base/heading.js';
import { HearthElement } from '../base/hearth-element.js';
import { outreachMessages } from './hearth-outreach.messages.js';
import { replyToOutreachMutation, type OutreachMessage, type OutreachThread } from './hearth-outreach.operations.js';
import { outreachStyles } from './hearth-outreach.styles.js';

export type { OutreachThread };

const bodyLimit = 5000;

/**
 * One private outreach conversation between a group's facilitators and the writer of a post, who stays
 * anonymous to them: its messages, oldest first, and a box to answer. The facilitators' side shows their names;
 * the writer's side only ever the thread's alias, on both screens.
 *
 * @tagname hearth-outreach-thread
 * @summary A private conversation between the facilitators and a post's writer.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart thread - The conversation.
 * @csspart message - Each message.
 * @csspart writer-name - The line saying how the writer appears in the conversation.
 * @csspart button - The send button.
 *
 * @cssprop [--hearth-color-accent=#0f6b66] - Buttons and the facilitators' messages.
 * @cssprop [--hearth-color-text=#1f2933] - Body text.
 * @cssprop [--hearth-color-border=#c5ccd3] - Borders.
 * @cssprop [--hearth-color-focus=#1d4ed8] - The focus ring.
 */
export class HearthOutreachThread extends HearthElement {
  static override languagePacks = ['members', 'writers'] as const;

  static override styles = [...HearthElement.styles, outreachStyles];

  static override properties = {
    thread: { attribute: false },
    headingLevel: { attribute: 'heading-level', type: Number },
    draft: { state: true },
    sending: { state: true },
    problem: { state: true },
  };

  /** The conversation, as loaded with its messages. */
  declare thread: OutreachThread | undefined;
  /** The level of the conversation's heading. @default 3 */
  declare headingLevel: number;
  declare private draft: string;
  declare private sending: boolean;
  declare private problem: string | null;

  constructor() {
    super();
    this.headingLevel = 3;
    this.draft = '';
    this.sending = false;
    this.problem = null;
  }

  get #messages() {
    return this.i18n.messages(outreachMessages);
  }

  async #send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.connection.client;
    const thread = this.thread;
    if (!client || !thread || this.sending) return;
    const m = this.#messages;
    const body = this.draft.trim();
    if (!body) {
      this.problem = m.emptyMessage;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('textarea')?.focus();
      return;
    }
    this.sending = true;
    this.problem = null;
    const result = await client.mutate(replyToOutreachMutation, { input: { threadId: thread.id, body } }, (data) => data.replyToOutreach);
    this.sending = false;
    if (result.kind !== 'ok') {
      this.problem = result.kind === 'error' && result.error.__typename === 'ValidationError' ? (result.error.fields[0]?.message ?? m.notSent) : failureMessage(this.common, result).text;
      this.announce(this.problem);
      return;
    }
    const sent: OutreachMessage = result.data;
    this.thread = { ...thread, lastMessageAt: sent.createdAt, messages: { ...thread.messages, edges: [...thread.messages.edges, { node: sent }] } };
    this.draft = '';
    this.announce(m.sent);
  }

  protected override renderContent() {
    const thread = this.thread;
    if (!thread) return nothing;
    const m = this.#messages;
    const id = `outreach-${thread.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
    return html`<section class="outreach stack" part="thread" aria-labelledby=${`${id}-heading`}>
      ${heading(this.headingLevel, thread.viewerIsWriter ? m.withFacilitators : m.withWriter, { id: `${id}-heading` })}
      ${thread.group && thread.viewerIsWriter ? html`<p class="small muted" dir="auto">${thread.group.name}</p>` : nothing}
      ${thread.subjectExcerpt ? html`<p class="small muted">${m.about} <q dir="auto">${thread.subjectExcerpt}</q></p>` : nothing}
      <p class="small" part="writer-name">${thread.viewerIsWriter ? m.seenAs(thread.writerName) : m.writerIs(thread.writerName)}</p>
      <ol class="messages" aria-label=${m.messagesLabel}>
        ${repeat(
          thread.messages.edges.map((edge) => edge.node),
          (message) => message.id,
          (message) => html`<li class=${`message ${message.from === 'FACILITATORS' ? 'facilitators' : 'writer'}`} part="message">
            <p class="small muted">
              <bdi>${message.viewerIsSender ? m.you : message.senderName}</bdi> ·
              <time datetime=${message.createdAt}>${this.i18n.dateTime(message.createdAt)}</time>
            </p>
            <p class="body" dir="auto">${message.body}</p>
          </li>`,
        )}
      </ol>
      <form class="stack" novalidate @submit=${this.#send}>
        <div class="field">
          <label for=${`${id}-reply`}>${thread.viewerIsWriter ? m.answerFacilitators : m.answerWriter}</label>
          <textarea
            id=${`${id}-reply`}
            dir="auto"
            rows="3"
            maxlength=${bodyLimit}
            aria-invalid=${this.problem ? 'true' : 'false'}
            aria-describedby=${this.problem ? `${id}-problem` : nothing}
            .value=${this.draft}
            @input=${(event: Event) => (this.draft = (event.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${this.problem ? html`<span id=${`${id}-problem`} class="problem" role="alert">${this.problem}</span>` : nothing}
        </div>
        <div class="row"><button class="primary" type="submit" part="button" ?disabled=${this.sending}>${this.sending ? this.common.loading : m.send}</button></div>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-outreach-thread': HearthOutreachThread;
  }
}
