import { html, nothing } from 'lit';
import { passConnection } from '../base/pass-connection.js';
import { domainMessages } from '../localization/domain.messages.js';
import type { Group, InvitationPreview, Membership } from './hearth-group.operations.js';
import type { Departure, JoinFlow, JoinTarget } from './join-flow.js';
import type { JoinFormParts } from './join-form.js';
import { loadLanguage } from '../localization/locale-controller.js';

/**
 * The membership card of `<hearth-group>` (`part="membership"`): for a guest, how to join and a sign-in; for a
 * signed-in reader, where they stand — member (with how they appear), suspended, request pending (with their
 * answers and the fee), on the waitlist, banned, rejected, removed, left — and what they can do from there.
 */

export function renderMembership(flow: JoinFlow, group: Group, membership: Membership | null | undefined, signedIn: boolean) {
  const status = membership?.status;
  // Anyone but a member reads the joining strings, fetched with the join form: until then, the loading state.
  const member = status === 'ACTIVE' || status === 'SUSPENDED';
  if (!member && !flow.joinForm()) return renderCardLoading(flow);
  const m = flow.strings;
  const settled = status === 'ACTIVE' || status === 'SUSPENDED' || status === 'PENDING' || status === 'WAITLISTED' || status === 'BANNED';
  const target: JoinTarget = {
    id: group.id,
    name: group.name,
    joinPolicy: group.joinPolicy,
    questions: group.entryQuestions,
    feeDescription: group.feeDescription,
    full: !group.acceptingMembers && !group.archived,
    invited: false,
  };
  const fullNote = target.full ? (target.joinPolicy === 'APPROVAL' || target.joinPolicy === 'FEE' ? m.fullRequest : m.fullJoin) : undefined;
  return html`<section class="card join stack" part="membership" aria-labelledby="join-heading" aria-busy=${flow.busy ? 'true' : 'false'}>
    <h3 id="join-heading">${settled ? m.membershipHeading : m.joinHeading}</h3>
    ${signedIn ? renderStanding(flow, group, target, membership) : flow.joinForm()!.renderGuest(flow, group.archived ? m.closed : m.howToJoin[group.joinPolicy], fullNote)}
  </section>`;
}

/** The join card of a PRIVATE group reached through an invitation: the code goes with the request. */
export function renderInvitationMembership(flow: JoinFlow, invitation: InvitationPreview, signedIn: boolean) {
  if (!flow.joinForm()) return renderCardLoading(flow);
  const m = flow.strings;
  const target: JoinTarget = {
    id: invitation.groupId,
    name: invitation.groupName,
    joinPolicy: invitation.joinPolicy,
    questions: [],
    feeDescription: null,
    full: false,
    invited: true,
  };
  return html`<section class="card join stack" part="membership" aria-labelledby="join-heading" aria-busy=${flow.busy ? 'true' : 'false'}>
    <h3 id="join-heading">${m.joinHeading}</h3>
    ${signedIn
      ? html`<p id="status" class="status" tabindex="-1" dir="auto">${flow.outcome ?? m.invited(invitation.groupName)}</p>
          ${invitation.valid ? flow.joinForm()!.renderJoinForm(flow, target, m.howToJoin[invitation.joinPolicy], joinFormParts(flow, target)) : html`<p class="panel error">${m.codeRefused}</p>`}`
      : flow.joinForm()!.renderGuest(flow, m.invited(invitation.groupName))}
  </section>`;
}

/** The card while the joining strings and the join form are fetched, or why they could not be, with a retry. */
function renderCardLoading(flow: JoinFlow) {
  return html`<section class="card join stack" part="membership" aria-busy=${flow.problem?.formMissing ? 'false' : 'true'}>
    ${flow.problem?.formMissing ? renderProblem(flow) : flow.access.loading()}
  </section>`;
}

/** What the joining chunk shows that a member's card shows too, given to it (join-form.ts says why). */
function joinFormParts(flow: JoinFlow, target: JoinTarget): JoinFormParts {
  loadAppearanceChoice(flow.access.i18n.locale);
  return {
    fee: (description: string) => renderFee(flow, description),
    appearance: html`<hearth-group-appearance group=${target.id} mode="join" ${passConnection(flow.access.connection())}></hearth-group-appearance>`,
    problem: renderProblem(flow),
  };
}

/** Where a signed-in reader stands, and what they can do from there. */
function renderStanding(flow: JoinFlow, group: Group, target: JoinTarget, membership: Membership | null | undefined) {
  const m = flow.strings;
  const i18n = flow.access.i18n;
  const status = membership?.status;
  const reason = membership?.statusReason ? html`<p class="quote" dir="auto">${m.reason(membership.statusReason)}</p>` : nothing;
  const suspendedUntil = membership?.suspendedUntil && new Date(membership.suspendedUntil) > new Date() ? membership.suspendedUntil : null;
  let line: string | undefined;
  let rest: unknown = nothing;
  if (status === 'ACTIVE' || (status === 'SUSPENDED' && !suspendedUntil)) {
    line = membership!.role === 'MEMBER' ? m.member : m.memberAs(i18n.messages(domainMessages).role[membership!.role] ?? membership!.role);
    rest = html`${membership!.pseudonym ? html`<p dir="auto">${m.pseudonym(membership!.pseudonym)}</p>` : nothing}
      ${renderAppearanceSettings(flow, group, membership!)} ${renderDeparture(flow, 'leave', group)}`;
  } else if (status === 'SUSPENDED') {
    line = m.suspended(dateOf(i18n.locale, suspendedUntil!));
    rest = html`${reason}${renderDeparture(flow, 'leave', group)}`;
  } else {
    // Every other standing is a way (back) in, or where a request stands: from the joining chunk.
    ({ line, rest } = flow.joinForm()!.standingOf(flow, group, target, membership, {
      ...joinFormParts(flow, target),
      departure: (kind: Departure) => renderDeparture(flow, kind, group),
      date: (value: string) => dateOf(i18n.locale, value),
      reason,
      suspendedUntil,
    }));
  }
  // The status line stays the same element whatever the state, so focus put on it after an action stays there.
  return html`<p id="status" class=${membership || flow.outcome ? 'status' : ''} tabindex="-1">${flow.outcome ?? line}</p>
    ${rest}`;
}

/** A member's choice of how they appear here, folded away until they open it. */
function renderAppearanceSettings(flow: JoinFlow, group: Group, membership: Membership) {
  return html`<details class="settings" @toggle=${() => loadAppearanceChoice(flow.access.i18n.locale)}>
    <summary>${flow.messages.appearanceLegend}</summary>
    <hearth-group-appearance
      group=${group.id}
      mode="settings"
      .current=${membership.appearance}
      ${passConnection(flow.access.connection())}
    ></hearth-group-appearance>
  </details>`;
}

/** Leaving, withdrawing a request or stepping off the waitlist: a discreet button, then a confirmation. */
function renderDeparture(flow: JoinFlow, kind: Departure, group: Group) {
  const m = flow.strings;
  const [label, question, yes] =
    kind === 'leave'
      ? [m.leave, `${m.leaveConfirm(group.name)}${group.joinPolicy === 'APPROVAL' ? ` ${m.leaveConfirmApproval}` : ''}`, m.leaveYes]
      : kind === 'withdraw'
        ? [m.withdraw, m.withdrawConfirm, m.withdrawYes]
        : [m.leaveWaitlist, m.leaveWaitlistConfirm, m.leaveWaitlist];
  if (!flow.confirming) {
    return html`<p><button id="depart" class="quiet" part="button" type="button" @click=${() => flow.confirm(true)}>${label}</button></p>`;
  }
  return html`<div class="panel stack tight confirm" role="group" aria-labelledby="confirm-question">
    <p id="confirm-question" tabindex="-1" dir="auto">${question}</p>
    ${renderProblem(flow)}
    <div class="row">
      <button class="danger" part="button" type="button" ?disabled=${flow.busy} @click=${() => flow.leave(group, kind)}>${flow.busy ? m.sending : yes}</button>
      <button class="quiet" type="button" @click=${() => flow.confirm(false)}>${flow.access.common().cancel}</button>
    </div>
  </div>`;
}

/** "3 December 2026 at 09:59": when a suspension ends, without slashes that read backwards in Arabic. */
function dateOf(locale: string, value: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(value));
}

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

/** What the group costs, as the care team describes it. */
export function renderFee(flow: JoinFlow, description: string) {
  return html`<div class="fee">
    <h4>${flow.joining.fee}</h4>
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
