import { html, nothing, type TemplateResult } from 'lit';
import { passConnection } from '../base/pass-connection.js';
import { loadLanguage } from '../localization/locale-controller.js';
import { joinRequirements, type JoinFlow, type JoinTarget } from './join-flow.js';

/**
 * The join form of `<hearth-group>` for every policy: the fee, the entry questions, the invitation code, how the
 * reader will appear, and the one button (join, send request, request a place, join with the code, or join the
 * waitlist). Its state and actions are the page's JoinFlow.
 */

const maxAnswerLength = 2000;
let appearanceLoading: Promise<unknown> | undefined;

/**
 * The appearance choice is fetched (code and strings) the first time a join form or a member's settings show:
 * most visits to a group page do neither. Until it is there, a join goes out without an appearance, which the
 * API takes as a suggested pseudonym: never the name from sign-in.
 */
export function loadAppearanceChoice(locale: string): void {
  if (appearanceLoading) return;
  appearanceLoading = Promise.all([import('./group-appearance.define.js'), loadLanguage(locale, 'writers')]).catch(() => {
    appearanceLoading = undefined;
  });
}

export function renderJoinForm(flow: JoinFlow, target: JoinTarget, explanation: string | undefined) {
  loadAppearanceChoice(flow.access.i18n.locale);
  const m = flow.messages;
  const policy = target.joinPolicy;
  const { questions, needsCode } = joinRequirements(target);
  const reviewed = policy === 'APPROVAL' || policy === 'FEE';
  const waitlist = target.full && !reviewed;
  const label = waitlist ? m.joinWaitlist : policy === 'APPROVAL' ? m.sendRequest : policy === 'FEE' ? m.requestPlace : needsCode ? m.joinWithCode : m.join;
  return html`<form class="stack" novalidate @submit=${(event: SubmitEvent) => flow.submit(event, target, waitlist ? 'waitlist' : 'join')}>
    ${explanation ? html`<p>${explanation}</p>` : nothing}
    ${policy === 'FEE' && target.feeDescription ? renderFee(flow, target.feeDescription) : nothing}
    ${target.full ? html`<p class="note">${reviewed ? m.fullRequest : flow.noWaitlist ? m.fullNoWaitlist : m.fullJoin}</p>` : nothing}
    ${questions.length ? html`<p class="hint" id="answers-hint">${m.answersHint}</p>` : nothing}
    ${questions.map((question, index) =>
      renderField(
        flow,
        `answer-${index}`,
        question,
        (id, describedBy) =>
          html`<textarea
            id=${id}
            name=${id}
            rows="4"
            dir="auto"
            required
            maxlength=${maxAnswerLength}
            aria-describedby=${describedBy}
            aria-invalid=${flow.invalid[id] ? 'true' : 'false'}
            .value=${flow.answers[index] ?? ''}
            @input=${(event: InputEvent) => flow.typeAnswer(index, (event.target as HTMLTextAreaElement).value)}
          ></textarea>`,
        'answers-hint',
      ),
    )}
    ${needsCode
      ? renderField(
          flow,
          'code',
          m.code,
          (id, describedBy) =>
            html`<input
              id=${id}
              name=${id}
              type="text"
              dir="ltr"
              required
              autocomplete="off"
              autocapitalize="off"
              spellcheck="false"
              maxlength="64"
              aria-describedby=${describedBy}
              aria-invalid=${flow.invalid[id] ? 'true' : 'false'}
              .value=${flow.code}
              @input=${(event: InputEvent) => flow.typeCode((event.target as HTMLInputElement).value)}
            />`,
          'code-hint',
          m.codeHint,
        )
      : nothing}
    <hearth-group-appearance
      group=${target.id}
      mode="join"
      ${passConnection(flow.access.connection())}
    ></hearth-group-appearance>
    ${renderProblem(flow)}
    ${waitlist && flow.noWaitlist
      ? nothing
      : html`<div class="row"><button class="primary" part="button" type="submit" ?disabled=${flow.busy}>${flow.busy ? m.sending : label}</button></div>`}
  </form>`;
}

/** A labelled control with its hint and its problem, linked by aria-describedby. */
function renderField(flow: JoinFlow, id: string, label: string, control: (id: string, describedBy: string) => TemplateResult, hintId: string, hint?: string) {
  const problem = flow.invalid[id];
  const describedBy = [hintId, problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${id} dir="auto">${label}</label>
    ${hint ? html`<span class="hint" id=${hintId}>${hint}</span>` : nothing}
    ${control(id, describedBy)}
    ${problem ? html`<span class="problem" id=${`${id}-problem`}>${problem}</span>` : nothing}
  </div>`;
}

/** What the group costs, as the care team describes it. */
export function renderFee(flow: JoinFlow, description: string) {
  return html`<div class="fee">
    <h4>${flow.messages.fee}</h4>
    <p dir="auto">${description}</p>
  </div>`;
}

/** What went wrong with the reader's last action, with a retry or a sign-in where either helps. */
export function renderProblem(flow: JoinFlow) {
  const problem = flow.problem;
  if (!problem) return nothing;
  const common = flow.access.common();
  return html`<div class="panel error stack tight" part="problem" role="alert">
    <p>${problem.text}</p>
    ${problem.reference ? html`<p class="small muted">${common.requestId(problem.reference)}</p>` : nothing}
    ${problem.retry || problem.signIn
      ? html`<p class="row">
          ${problem.retry ? html`<button type="button" @click=${problem.retry}>${common.retry}</button>` : nothing}
          ${problem.signIn ? html`<button type="button" class="primary" @click=${() => flow.access.requestSignIn('session')}>${common.signIn}</button>` : nothing}
        </p>`
      : nothing}
  </div>`;
}
