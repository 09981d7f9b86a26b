import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { heading, headingLevel } from '../base/heading.js';
import { HearthElement } from '../base/hearth-element.js';
import { dataOf } from '../base/load-failure.js';
import { outreachMessages } from './hearth-outreach.messages.js';
import { outreachThreadsQuery } from './hearth-outreach.operations.js';
import { outreachStyles } from './hearth-outreach.styles.js';
import type { OutreachThread } from './hearth-outreach-thread.js';

/**
 * A member's private messages with a group's facilitators: the outreach threads in which they are the writer
 * (a facilitator wrote to them about a post, or they asked to talk), each with a box to answer. Shows nothing
 * when there are none, and to guests. `<hearth-group>` puts it on the group's page for its members (that group's
 * conversations); a host page can place it alone, without `group`, for all of them.
 *
 * @tagname hearth-outreach-inbox
 * @summary A member's private conversations with a group's facilitators.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart inbox - The list of conversations.
 *
 * @cssprop [--hearth-color-accent=#0f6b66] - Buttons and the facilitators' messages.
 * @cssprop [--hearth-color-text=#1f2933] - Body text.
 * @cssprop [--hearth-color-focus=#1d4ed8] - The focus ring.
 */
export class HearthOutreachInbox extends HearthElement {
  static override languagePacks = ['members', 'writers'] as const;

  static override styles = [...HearthElement.styles, outreachStyles];

  static override properties = {
    group: {},
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  /** A group's global ID: only its conversations are shown. Without it: the member's conversations in every group. */
  declare group: string | undefined;
  /** The level of the inbox's heading. @default 3 */
  declare headingLevel: number;

  constructor() {
    super();
    this.headingLevel = 3;
  }

  readonly #onStarted = (): void => void this.threads.run();

  override connectedCallback(): void {
    super.connectedCallback();
    // "Talk to a facilitator now" in the crisis help starts a conversation: it shows here at once.
    document.addEventListener('hearth-outreach-started', this.#onStarted);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('hearth-outreach-started', this.#onStarted);
    super.disconnectedCallback();
  }

  private readonly threads = new Task(this, {
    task: async ([client, group, mayHaveMember], { signal }): Promise<OutreachThread[]> => {
      if (!client) throw new Error('not configured');
      if (!mayHaveMember) return [];
      const data = dataOf(await client.request(outreachThreadsQuery, { first: 20 }, { signal }));
      return data.outreachThreads.edges.map((edge) => edge.node).filter((thread) => thread.viewerIsWriter && (!group || thread.group?.id === group));
    },
    args: () => [this.connection.client, this.group, this.connection.mayHaveMember, this.connection.revision] as const,
  });

  protected override reload(): void {
    void this.threads.run();
  }

  protected override renderContent() {
    const threads = this.threads.value;
    if (!threads?.length) return nothing;
    const m = this.i18n.messages(outreachMessages);
    const level = headingLevel(this.headingLevel);
    return html`<section class="inbox stack" part="inbox" aria-labelledby="inbox-heading">
      ${heading(level, m.inboxHeading, { id: 'inbox-heading' })}
      <p class="small muted">${m.inboxLead}</p>
      ${repeat(
        threads,
        (thread) => thread.id,
        (thread) => html`<hearth-outreach-thread
          .thread=${thread}
          heading-level=${level + 1}
          locale=${this.i18n.locale}
          api=${this.api ?? nothing}
          institution=${this.institution ?? nothing}
          token=${this.token ?? nothing}
          .getToken=${this.getToken}
        ></hearth-outreach-thread>`,
      )}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-outreach-inbox': HearthOutreachInbox;
  }
}
