import { html, nothing } from 'lit';

/** The most a facilitator's reason may hold: the server refuses a longer one. */
export const reasonLimit = 1000;

/** A reason a facilitator writes for a decision, as one field of the desk's forms. */
export interface ReasonField {
  /** The textarea's id; its hint and problem take `${id}-hint` and `${id}-problem`. */
  id: string;
  label: string;
  /** Who will read the reason, where that is not only the audit log. */
  hint?: string | undefined;
  value: string;
  problem: string | null | undefined;
  onInput: (value: string) => void;
}

/**
 * The reason field of the facilitators' desk (declining a join request, a moderation action): the same label,
 * limit, required state and problem, linked by aria-describedby, wherever a decision asks for one.
 */
export function renderReasonField(field: ReasonField) {
  const hintId = `${field.id}-hint`;
  const problemId = `${field.id}-problem`;
  const describedBy = [field.hint ? hintId : '', field.problem ? problemId : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${field.id}>${field.label}</label>
    ${field.hint ? html`<span id=${hintId} class="hint">${field.hint}</span>` : nothing}
    <textarea
      id=${field.id}
      dir="auto"
      rows="3"
      maxlength=${reasonLimit}
      aria-required="true"
      aria-invalid=${field.problem ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      .value=${field.value}
      @input=${(event: Event) => field.onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${field.problem ? html`<span id=${problemId} class="problem" dir="auto">${field.problem}</span>` : nothing}
  </div>`;
}
