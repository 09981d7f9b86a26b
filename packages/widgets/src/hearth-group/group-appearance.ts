import { setGroupAppearanceMutation, suggestedPseudonymQuery } from '@hearth/client';
import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { failureMessage } from '../base/failure-message.js';
import { HearthElement } from '../base/hearth-element.js';
import { appearanceMessages } from './group-appearance.messages.js';

/** How a member appears in one group: under a pseudonym (the default) or their name. */
export interface GroupAppearanceValue {
  kind: 'PSEUDONYM' | 'NAME';
  pseudonym?: string | null;
}

const pseudonymLimit = 40;

/**
 * The choice of how a member appears in a group: a pseudonym (suggested by the API, unique in the group, never
 * one they use elsewhere; the default) or their name. In a join form (`mode="join"`) the group's page reads
 * `appearance` when it sends the request; in a member's settings (`mode="settings"`) it saves the change itself.
 *
 * @tagname hearth-group-appearance
 * @summary How a member appears in a group: pseudonym or name.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart appearance - The fieldset.
 * @csspart button - The save button (settings).
 *
 * @cssprop [--hearth-color-accent=#0f6b66] - Buttons.
 * @cssprop [--hearth-color-text=#1f2933] - Body text.
 * @cssprop [--hearth-color-danger=#b42318] - Field problems.
 * @cssprop [--hearth-color-focus=#1d4ed8] - The focus ring.
 */
export class HearthGroupAppearance extends HearthElement {
  static override styles = [
    ...HearthElement.styles,
    css`
      fieldset.appearance {
        border: 0;
        margin: 0;
        padding: 0;
      }
      fieldset.appearance legend {
        font-weight: 650;
        padding: 0;
        margin-block-end: 0.35em;
      }
      .appearance .indent {
        padding-inline-start: 1.75em;
      }
    `,
  ];

  static override languagePacks = ['members', 'writers'] as const;

  static override properties = {
    group: {},
    mode: {},
    current: { attribute: false },
    kind: { state: true },
    pseudonym: { state: true },
    problem: { state: true },
    saving: { state: true },
    saved: { state: true },
  };

  /** The group's global ID. */
  declare group: string | undefined;
  /** `join` (part of a join form) or `settings` (saves by itself). @default 'join' */
  declare mode: 'join' | 'settings';
  /** The member's appearance now (settings). */
  declare current: GroupAppearanceValue | null | undefined;
  declare private kind: 'PSEUDONYM' | 'NAME';
  declare private pseudonym: string | undefined;
  declare private problem: string | null;
  declare private saving: boolean;
  declare private saved: boolean;

  constructor() {
    super();
    this.mode = 'join';
    this.kind = 'PSEUDONYM';
    this.problem = null;
    this.saving = false;
    this.saved = false;
  }

  private readonly suggestion = new Task(this, {
    task: async ([client, group, current], { signal }) => {
      if (!client || !group || current?.kind === 'PSEUDONYM') return null;
      const result = await client.request(suggestedPseudonymQuery, { id: group }, { signal });
      const node = result.kind === 'ok' ? result.data.node : null;
      return node && 'suggestedPseudonym' in node ? (node.suggestedPseudonym ?? null) : null;
    },
    args: () => [this.connection.client, this.group, this.current] as const,
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('current') && this.current) {
      this.kind = this.current.kind;
      this.pseudonym = this.current.pseudonym ?? undefined;
    }
  }

  /** What the member chose, for the join request (the suggestion unless they changed it). */
  get appearance(): GroupAppearanceValue {
    if (this.kind === 'NAME') return { kind: 'NAME' };
    // Left out when empty: the API then keeps the current pseudonym or gives a suggested one.
    const pseudonym = (this.pseudonym ?? this.suggestion.value ?? '').trim();
    return pseudonym ? { kind: 'PSEUDONYM', pseudonym } : { kind: 'PSEUDONYM' };
  }

  /** Shows the API's refusal of the pseudonym (an imitation of an alias, taken in the group) and focuses it. */
  async showProblem(text: string): Promise<void> {
    this.problem = text;
    this.kind = 'PSEUDONYM';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#pseudonym')?.focus();
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.connection.client;
    if (!client || !this.group || this.saving) return;
    const m = this.i18n.messages(appearanceMessages);
    const appearance = this.appearance;
    this.saving = true;
    this.saved = false;
    this.problem = null;
    const result = await client.mutate(setGroupAppearanceMutation, { input: { groupId: this.group, appearance } }, (data) => data.setGroupAppearance);
    this.saving = false;
    if (result.kind === 'ok') {
      this.saved = true;
      this.announce(m.appearanceSaved);
      return;
    }
    if (result.kind === 'error' && (result.error.__typename === 'ValidationError' || result.error.__typename === 'ConflictError')) {
      const message = result.error.__typename === 'ValidationError' ? (result.error.fields[0]?.message ?? result.error.message) : m.pseudonymTaken;
      return this.showProblem(message);
    }
    this.problem = failureMessage(this.common, result).text;
    this.announce(this.problem);
  }

  protected override renderContent() {
    const m = this.i18n.messages(appearanceMessages);
    const suggested = this.suggestion.value ?? '';
    const fieldset = html`<fieldset class="stack tight appearance" part="appearance">
      <legend>${m.appearanceLegend}</legend>
      <label class="check">
        <input type="radio" name="appearance" value="PSEUDONYM" .checked=${this.kind === 'PSEUDONYM'} @change=${() => (this.kind = 'PSEUDONYM')} />${m.appearancePseudonym}
      </label>
      ${this.kind === 'PSEUDONYM'
        ? html`<div class="field indent">
            <label for="pseudonym">${m.pseudonymLabel}</label>
            <span id="pseudonym-hint" class="hint">${m.pseudonymHint}</span>
            <input
              id="pseudonym"
              type="text"
              dir="auto"
              autocomplete="off"
              maxlength=${pseudonymLimit}
              aria-describedby=${this.problem ? 'pseudonym-hint pseudonym-problem' : 'pseudonym-hint'}
              aria-invalid=${this.problem ? 'true' : 'false'}
              .value=${this.pseudonym ?? suggested}
              @input=${(event: Event) => ((this.pseudonym = (event.target as HTMLInputElement).value), (this.saved = false))}
            />
            ${this.problem ? html`<span id="pseudonym-problem" class="problem" dir="auto">${this.problem}</span>` : nothing}
          </div>`
        : nothing}
      <label class="check">
        <input type="radio" name="appearance" value="NAME" .checked=${this.kind === 'NAME'} @change=${() => (this.kind = 'NAME')} />${m.appearanceName}
      </label>
    </fieldset>`;
    if (this.mode !== 'settings') return fieldset;
    return html`<form class="stack tight" novalidate @submit=${this.#save}>
      ${fieldset}
      <div class="row">
        <button type="submit" part="button" ?disabled=${this.saving}>${this.saving ? this.common.loading : m.appearanceSave}</button>
        ${this.saved ? html`<span role="status">${m.appearanceSaved}</span>` : nothing}
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-group-appearance': HearthGroupAppearance;
  }
}
