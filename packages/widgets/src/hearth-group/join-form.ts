import { html, noChange, nothing, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type DirectiveResult, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { Group, Membership } from './hearth-group.operations.js';
import type { Departure, JoinFlow, JoinTarget } from './join-flow.js';
import { joinRequirements, submitJoin } from './join-submit.js';

/**
 * The join form of `<hearth-group>` for every policy: the fee, the entry questions, the invitation code, how the
 * reader will appear, and the one button (join, send request, request a place, join with the code, or join the
 * waitlist), with the card of every reader who is not a member (below). Its state and actions are the page's
 * JoinFlow. Fetched with the joining strings the first time a page shows such a reader (load-join-form.ts), so
 * what a member downloads does not include it.
 */

const maxAnswerLength = 2000;

/**
 * What the form shows that the membership card shows too, rendered by the card (membership-standing.ts): given
 * rather than imported, so this chunk shares no module with the group page's own beyond Lit and the client.
 */
export interface JoinFormParts {
  fee: (description: string) => unknown;
  /** The `<hearth-group-appearance>` choice of how the reader will appear, for this group. */
  appearance: unknown;
  problem: unknown;
}

export function renderJoinForm(flow: JoinFlow, target: JoinTarget, explanation: string | undefined, parts: JoinFormParts) {
  const m = flow.strings;
  const policy = target.joinPolicy;
  const { questions, needsCode } = joinRequirements(target);
  const reviewed = policy === 'APPROVAL' || policy === 'FEE';
  const waitlist = target.full && !reviewed;
  const label = waitlist ? m.joinWaitlist : policy === 'APPROVAL' ? m.sendRequest : policy === 'FEE' ? m.requestPlace : needsCode ? m.joinWithCode : m.join;
  return html`<form class="stack" novalidate @submit=${(event: SubmitEvent) => submitJoin(flow, event, target, waitlist ? 'waitlist' : 'join')}>
    ${explanation ? html`<p>${explanation}</p>` : nothing}
    ${policy === 'FEE' && target.feeDescription ? parts.fee(target.feeDescription) : nothing}
    ${target.full ? html`<p class="note">${reviewed ? m.fullRequest : flow.noWaitlist ? m.fullNoWaitlist : m.fullJoin}</p>` : nothing}
    ${questions.length ? html`<p class="hint" id="answers-hint">${m.answersHint}</p>` : nothing}
    ${questions.map((question, index) =>
      renderField(
        flow,
        { id: `answer-${index}`, label: question, hintId: 'answers-hint', value: flow.answers[index] ?? '', onInput: (value) => flow.typeAnswer(index, value) },
        (bound) => html`<textarea rows="4" dir="auto" maxlength=${maxAnswerLength} ${bound}></textarea>`,
      ),
    )}
    ${needsCode
      ? renderField(
          flow,
          { id: 'code', label: m.code, hintId: 'code-hint', hint: m.codeHint, value: flow.code, onInput: (value) => flow.typeCode(value) },
          // A code is typed as given: no spelling help, no capitals, no autofill.
          (bound) => html`<input type="text" dir="ltr" autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="64" ${bound} />`,
        )
      : nothing}
    ${parts.appearance} ${parts.problem}
    ${waitlist && flow.noWaitlist
      ? nothing
      : html`<div class="row"><button class="primary" part="button" type="submit" ?disabled=${flow.busy}>${flow.busy ? m.sending : label}</button></div>`}
  </form>`;
}

/** One field of the join form: its control's id, its label and hint, and the flow's value it edits. */
interface JoinField {
  id: string;
  label: string;
  hintId: string;
  hint?: string;
  value: string;
  onInput: (value: string) => void;
}

/** A labelled control with its hint and its problem, linked by aria-describedby. */
function renderField(flow: JoinFlow, field: JoinField, control: (bound: DirectiveResult) => TemplateResult) {
  const problem = flow.invalid[field.id];
  const describedBy = [field.hintId, problem ? `${field.id}-problem` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${field.id} dir="auto">${field.label}</label>
    ${field.hint ? html`<span class="hint" id=${field.hintId}>${field.hint}</span>` : nothing}
    ${control(boundControl(field, describedBy, Boolean(problem)))}
    ${problem ? html`<span class="problem" id=${`${field.id}-problem`}>${problem}</span>` : nothing}
  </div>`;
}

/**
 * What every control of the join form carries, set in one place (Lit has no spread of attributes), so an answer's
 * textarea and the code's input differ only in the kind of text they take: id and name, required, the links to
 * its hint and problem, the flow's value, and typing back into the flow.
 */
class BoundControlDirective extends Directive {
  #onInput: (value: string) => void = () => {};
  #listening = false;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('boundControl belongs on a form control element');
  }

  override render(_field: JoinField, _describedBy: string, _invalid: boolean) {
    return noChange;
  }

  override update(part: ElementPart, [field, describedBy, invalid]: [JoinField, string, boolean]) {
    const control = part.element as HTMLInputElement | HTMLTextAreaElement;
    control.id = field.id;
    control.name = field.id;
    control.required = true;
    control.setAttribute('aria-describedby', describedBy);
    control.setAttribute('aria-invalid', invalid ? 'true' : 'false');
    // As a `.value` binding would: only a changed value is written, so the caret stays where the reader types.
    if (control.value !== field.value) control.value = field.value;
    this.#onInput = field.onInput;
    if (!this.#listening) {
      control.addEventListener('input', () => this.#onInput(control.value));
      this.#listening = true;
    }
    return noChange;
  }
}

const boundControl = directive(BoundControlDirective);

/** What a member's card shows too, for the standings below: given by membership-standing.ts. */
export interface StandingParts extends JoinFormParts {
  departure: (kind: Departure) => unknown;
  date: (value: string) => string;
  /** The facilitators' reason, quoted, or nothing. */
  reason: unknown;
  /** Until when a suspension lasts, when it is still running. */
  suspendedUntil: string | null;
}

/**
 * Where a signed-in reader who is not a member stands, and what they can do from there: a pending request (with
 * their answers and the fee), the waitlist, banned, rejected, removed, left, or no membership at all.
 */
export function standingOf(flow: JoinFlow, group: Group, target: JoinTarget, membership: Membership | null | undefined, parts: StandingParts) {
  const m = flow.strings;
  const i18n = flow.access.i18n;
  const status = membership?.status;
  let line: string | undefined;
  let rest: unknown = nothing;
  if (status === 'PENDING') {
    line = group.joinPolicy === 'FEE' ? m.pendingFee : m.pending;
    rest = html`<p class="muted small">${m.requestedOn(i18n.relativeTime(membership!.requestedAt))}</p>
      ${group.joinPolicy === 'FEE' && group.feeDescription ? parts.fee(group.feeDescription) : nothing}
      ${membership!.answers.length
        ? html`<details>
            <summary>${m.yourAnswers}</summary>
            <dl class="answers">
              ${membership!.answers.map((answer, index) => html`<dt dir="auto">${group.entryQuestions[index] ?? ''}</dt><dd dir="auto">${answer}</dd>`)}
            </dl>
          </details>`
        : nothing}
      ${parts.departure('withdraw')}`;
  } else if (status === 'WAITLISTED') {
    line = m.waitlisted(membership!.waitlistPosition);
    rest = parts.departure('waitlist');
  } else if (status === 'BANNED') {
    line = m.banned;
    rest = parts.reason;
  } else if (status === 'LEFT' && parts.suspendedUntil) {
    line = m.suspendedAfterLeaving(parts.date(parts.suspendedUntil));
  } else if (group.archived) {
    line = status === 'LEFT' ? m.left : m.closed;
  } else {
    // No membership, or one that has ended: the way (back) in.
    line = status === 'REJECTED' ? m.rejected : status === 'LEFT' ? (membership!.statusReason ? m.removed : m.left) : m.howToJoin[group.joinPolicy];
    rest = html`${parts.reason}${status === 'REJECTED' ? html`<p>${m.askAgain}</p>` : nothing}
      ${renderJoinForm(flow, target, status ? m.howToJoin[group.joinPolicy] : undefined, parts)}`;
  }
  return { line, rest };
}

/** A guest: how to join, a note (the group is full), and a sign-in. */
export function renderGuest(flow: JoinFlow, explanation: string | undefined, note?: string) {
  return html`<p>${explanation}</p>
    ${note ? html`<p class="note">${note}</p>` : nothing} ${flow.access.signInPrompt('join')}`;
}
