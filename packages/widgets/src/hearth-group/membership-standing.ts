import { html, nothing } from 'lit';
import { passConnection } from '../base/pass-connection.js';
import { domainMessages } from '../localization/domain.messages.js';
import type { Group, InvitationPreview, Membership } from './hearth-group.operations.js';
import type { Departure, JoinFlow, JoinTarget } from './join-flow.js';
import { loadAppearanceChoice, renderFee, renderJoinForm, renderProblem } from './join-form.js';

/**
 * The membership card of `<hearth-group>` (`part="membership"`): for a guest, how to join and a sign-in; for a
 * signed-in reader, where they stand — member (with how they appear), suspended, request pending (with their
 * answers and the fee), on the waitlist, banned, rejected, removed, left — and what they can do from there.
 */

export function renderMembership(flow: JoinFlow, group: Group, membership: Membership | null | undefined, signedIn: boolean) {
  const m = flow.messages;
  const status = membership?.status;
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
    ${signedIn ? renderStanding(flow, group, target, membership) : renderGuest(flow, group.archived ? m.closed : m.howToJoin[group.joinPolicy], fullNote)}
  </section>`;
}

/** The join card of a PRIVATE group reached through an invitation: the code goes with the request. */
export function renderInvitationMembership(flow: JoinFlow, invitation: InvitationPreview, signedIn: boolean) {
  const m = flow.messages;
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
          ${invitation.valid ? renderJoinForm(flow, target, m.howToJoin[invitation.joinPolicy]) : html`<p class="panel error">${m.codeRefused}</p>`}`
      : renderGuest(flow, m.invited(invitation.groupName))}
  </section>`;
}

function renderGuest(flow: JoinFlow, explanation: string | undefined, note?: string) {
  return html`<p>${explanation}</p>
    ${note ? html`<p class="note">${note}</p>` : nothing} ${flow.access.signInPrompt('join')}`;
}

/** Where a signed-in reader stands, and what they can do from there. */
function renderStanding(flow: JoinFlow, group: Group, target: JoinTarget, membership: Membership | null | undefined) {
  const m = flow.messages;
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
  } else if (status === 'PENDING') {
    line = group.joinPolicy === 'FEE' ? m.pendingFee : m.pending;
    rest = html`<p class="muted small">${m.requestedOn(i18n.relativeTime(membership!.requestedAt))}</p>
      ${group.joinPolicy === 'FEE' && group.feeDescription ? renderFee(flow, group.feeDescription) : nothing}
      ${membership!.answers.length
        ? html`<details>
            <summary>${m.yourAnswers}</summary>
            <dl class="answers">
              ${membership!.answers.map((answer, index) => html`<dt dir="auto">${group.entryQuestions[index] ?? ''}</dt><dd dir="auto">${answer}</dd>`)}
            </dl>
          </details>`
        : nothing}
      ${renderDeparture(flow, 'withdraw', group)}`;
  } else if (status === 'WAITLISTED') {
    line = m.waitlisted(membership!.waitlistPosition);
    rest = renderDeparture(flow, 'waitlist', group);
  } else if (status === 'BANNED') {
    line = m.banned;
    rest = reason;
  } else if (status === 'LEFT' && suspendedUntil) {
    line = m.suspendedAfterLeaving(dateOf(i18n.locale, suspendedUntil));
  } else if (group.archived) {
    line = status === 'LEFT' ? m.left : m.closed;
  } else {
    // No membership, or one that has ended: the way (back) in.
    line = status === 'REJECTED' ? m.rejected : status === 'LEFT' ? (membership!.statusReason ? m.removed : m.left) : m.howToJoin[group.joinPolicy];
    rest = html`${reason}${status === 'REJECTED' ? html`<p>${m.askAgain}</p>` : nothing}
      ${renderJoinForm(flow, target, status ? m.howToJoin[group.joinPolicy] : undefined)}`;
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
  const m = flow.messages;
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
