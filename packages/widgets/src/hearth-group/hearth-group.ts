import {
  invitationPreviewQuery,
  joinGroupMutation,
  joinWaitlistMutation,
  leaveGroupMutation,
  type HearthClient,
  type HearthFailure,
  type ResultOf,
} from '@hearth/client';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { groupLookup } from '../base/group-reference.js';
import { HearthElement } from '../base/hearth-element.js';
import { MinuteClockController } from '../base/minute-clock-controller.js';
import { emit } from '../base/hearth-events.js';
import { failureMessage } from '../base/failure-message.js';
import { dataOf } from '../base/load-failure.js';
import { whoCanRevealAnonymousAuthors } from '../content/anonymity-wording.js';
import { domainMessages } from '../localization/domain.messages.js';
import { loadLanguage } from '../localization/locale-controller.js';
import { groupMessages } from './hearth-group.messages.js';
import { groupPageQuery } from './hearth-group.operations.js';
import { groupStyles } from './hearth-group.styles.js';
import type { HearthGroupAppearance } from './group-appearance.js';

type GroupPage = ResultOf<typeof groupPageQuery>;
type Group = NonNullable<GroupPage['group']>;
type Membership = NonNullable<Group['viewerMembership']>;
type InvitationPreview = NonNullable<ResultOf<typeof invitationPreviewQuery>['invitation']>;

/** What the page shows: the group, or (for a PRIVATE group the reader cannot see yet) where their invitation leads. */
interface Loaded {
  page: GroupPage;
  invitation: InvitationPreview | null;
}

/** What a join form needs, from the group itself or from an invitation's preview of it. */
interface JoinTarget {
  id: string;
  name: string;
  joinPolicy: string;
  questions: readonly string[];
  feeDescription: string | null | undefined;
  /** No free seat: OPEN and INVITE_ONLY groups offer the waitlist, the others say that an accepted request waits. */
  full: boolean;
  /** The reader came with an invitation code, which goes with the request whatever the policy. */
  invited: boolean;
}

/** A failure of the reader's last action, shown where they acted. */
interface Problem {
  text: string;
  reference?: string | undefined;
  retry?: (() => void) | undefined;
  signIn?: boolean;
}

type Departure = 'leave' | 'withdraw' | 'waitlist';

const maxAnswerLength = 2000;
const inviteCodePattern = /^[A-Za-z0-9_-]{16,64}$/;
const scheduledFormats = new Set(['IN_PERSON', 'VIDEO', 'PHONE']);
let appearanceLoading: Promise<unknown> | undefined;
let outreachLoading: Promise<unknown> | undefined;

/**
 * One support group's page, for the host site's group page: who runs it and how, its guidelines and privacy
 * rules in plain words, the way in for every join policy and membership state, then its conversations (the
 * `<hearth-composer>` and `<hearth-feed>` elements) for whoever may read them.
 *
 * @tagname hearth-group
 * @summary A group's header, guidelines, join flow and feed.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart group - The group's page (header, details, membership and conversations).
 * @csspart header - The group's name, institution, badges, facilitators and facts.
 * @csspart badge - A facilitation or join-policy badge.
 * @csspart guidelines - The group's guidelines.
 * @csspart membership - The join form, or where the reader's membership stands.
 * @csspart button - The join, waitlist and leave buttons.
 * @csspart problem - What went wrong with the reader's last action.
 * @csspart conversations - The wrapper of the composer and the feed.
 * @csspart skeleton - A placeholder while loading.
 * @csspart state - The loading, unavailable, error, offline and signed-out panels.
 *
 * @cssprop [--hearth-color-accent=#0f6b66] - Buttons, links and the professional badge.
 * @cssprop [--hearth-color-text=#1f2933] - Body text.
 * @cssprop [--hearth-color-muted=#4b5563] - Secondary text.
 * @cssprop [--hearth-color-surface=#ffffff] - Card background.
 * @cssprop [--hearth-color-surface-alt=#f4f6f7] - Panel background.
 * @cssprop [--hearth-color-border=#c5ccd3] - Card and field borders.
 * @cssprop [--hearth-color-danger=#b42318] - Field problems and the leave confirmation.
 * @cssprop [--hearth-color-focus=#1d4ed8] - The focus ring.
 * @cssprop [--hearth-font-family=system-ui] - The widget's font.
 * @cssprop [--hearth-radius=8px] - Corner radius.
 * @cssprop [--hearth-space=16px] - Base spacing.
 *
 * @fires hearth-membership-change - The reader joined, asked to join, took a waitlist place, withdrew or left: `{ groupId, status }`.
 * @fires hearth-sign-in-request - A guest wants to join, or a session ended: `{ action: 'join' }` or `{ action: 'session' }`.
 */
export class HearthGroup extends HearthElement {
  /** Keeps "5 minutes ago" true while the page stays open. */
  readonly #clock = new MinuteClockController(this);

  static override styles = [...HearthElement.styles, groupStyles];

  static override properties = {
    group: {},
    invite: {},
    refreshed: { state: true },
    answers: { state: true },
    code: { state: true },
    invalid: { state: true },
    problem: { state: true },
    busy: { state: true },
    confirming: { state: true },
    outcome: { state: true },
    noWaitlist: { state: true },
  };

  /** The group: its slug (e.g. `grief-and-loss`, looked up in the reader's institution) or its global ID. */
  declare group: string | undefined;
  /**
   * An invitation code, e.g. from the link the reader followed: it fills in the code of an invitation-only group,
   * and lets the reader see and join a PRIVATE group they could not see otherwise.
   */
  declare invite: string | undefined;
  /** The page as re-read after the reader's last action (the task's value until then). */
  declare private refreshed: Loaded | undefined;
  declare private answers: string[];
  declare private code: string;
  /** Problems by field id (`answer-0`, `code`). */
  declare private invalid: Record<string, string>;
  declare private problem: Problem | undefined;
  declare private busy: boolean;
  declare private confirming: boolean;
  /** What the reader's last action achieved, in place of the membership's own status line. */
  declare private outcome: string | undefined;
  declare private noWaitlist: boolean;

  constructor() {
    super();
    this.answers = [];
    this.code = '';
    this.invalid = {};
    this.busy = false;
    this.confirming = false;
    this.noWaitlist = false;
  }

  private readonly page = new Task(this, {
    task: async ([client, reference, invite], { signal }) => {
      if (!client) throw new Error('not configured');
      const loaded = await this.#load(client, reference, invite, signal);
      this.refreshed = undefined;
      this.outcome = undefined;
      return loaded;
    },
    args: () => [this.connection.client, this.group, this.invite, this.connection.revision] as const,
  });

  get #messages() {
    return this.i18n.messages(groupMessages);
  }

  get #domain() {
    return this.i18n.messages(domainMessages);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('group') && changed.get('group') !== undefined) {
      // Another group: what was typed for the previous one does not belong to it.
      this.answers = [];
      this.invalid = {};
      this.problem = undefined;
      this.confirming = false;
      this.noWaitlist = false;
    }
    if (changed.has('invite') && this.invite && (!this.code || this.code === changed.get('invite'))) this.code = this.invite.trim();
  }

  protected override reload(): void {
    void this.page.run();
  }

  async #load(client: HearthClient, reference: string | undefined, invite: string | undefined, signal?: AbortSignal): Promise<Loaded> {
    if (!reference) return { page: { group: null, me: null }, invitation: null };
    const page = dataOf(await client.request(groupPageQuery, groupLookup(reference), { signal }));
    const code = invite?.trim();
    const invitation = !page.group && code ? dataOf(await client.request(invitationPreviewQuery, { code }, { signal })).invitation : null;
    return { page, invitation };
  }

  /** Reads the page again after an action, keeping what is shown meanwhile (and if the read fails). */
  async #refresh(): Promise<boolean> {
    const client = this.connection.client;
    try {
      this.refreshed = await this.#load(client!, this.group, this.invite);
      return true;
    } catch {
      // The action's own result is already shown; the next reload corrects the rest.
      return false;
    }
  }

  get #loaded(): Loaded | undefined {
    return this.refreshed ?? this.page.value;
  }

  protected override renderContent() {
    return this.renderTask(this.page, () => this.#renderLoaded(this.#loaded!), 3);
  }

  #renderLoaded({ page, invitation }: Loaded) {
    if (page.group) return this.#renderGroup(page.group, page.me);
    if (invitation) return this.#renderInvitation(invitation, page.me);
    const m = this.#messages;
    return html`<div class="panel stack tight" part="state unavailable">
      <h2>${m.notAvailableTitle}</h2>
      <p>${m.notAvailableBody}</p>
    </div>`;
  }

  #renderGroup(group: Group, me: GroupPage['me']) {
    const m = this.#messages;
    const membership = group.viewerMembership;
    return html`<article class="page" part="group" aria-labelledby="group-name">
      ${this.#renderHeader(group)}
      <div class="layout">
        <div class="about stack">
          <p class="description" dir="auto">${group.description}</p>
          ${this.#renderGuidelines(group.guidelines)}
          <section class="stack tight" aria-labelledby="privacy-heading">
            <h3 id="privacy-heading">${m.privacy}</h3>
            <p>${group.allowsAnonymousPosts ? `${m.anonymousAllowed} ${whoCanRevealAnonymousAuthors(this.#domain, group.anonymousAuthorsRevealableBy)}` : m.namedPosts}</p>
            <p>${m.heldPosts(group.heldFirstPosts)}</p>
          </section>
        </div>
        ${this.#renderMembership(group, membership, Boolean(me))}
      </div>
      ${this.#renderConversations(group, membership, me)}
    </article>`;
  }

  #renderHeader(group: Group) {
    const m = this.#messages;
    const domain = this.#domain;
    const left = group.capacity === null || group.capacity === undefined ? null : Math.max(0, group.capacity - group.memberCount);
    const timeZone = group.formats.some((format) => scheduledFormats.has(format)) ? this.#timeZoneName(group.timeZone) : undefined;
    return html`<header class="header" part="header">
      <div>
        <h2 id="group-name" dir="auto">${group.name}</h2>
        <p class="muted" dir="auto">${group.institution.name}</p>
      </div>
      <div class="row">
        <span class="badge ${group.facilitation === 'PROFESSIONAL' ? 'accent' : ''}" part="badge">${domain.facilitation[group.facilitation]}</span>
        <span class="badge" part="badge">${domain.joinPolicy[group.joinPolicy]}</span>
      </div>
      ${group.facilitators.length
        ? html`<ul class="people" aria-label=${m.facilitators}>
            ${group.facilitators.map(
              (person) =>
                html`<li>
                  <span class="name" dir="auto">${person.name}</span>
                  <span class="muted small">${domain.role[person.role] ?? ''}${person.credential ? html` · <span dir="auto">${person.credential}</span>` : nothing}</span>
                </li>`,
            )}
          </ul>`
        : nothing}
      ${group.topics.length ? html`<ul class="topics" aria-label=${m.topics}>${group.topics.map((topic) => html`<li class="badge" dir="auto">${topic}</li>`)}</ul>` : nothing}
      <dl class="facts">
        ${this.#fact(m.languages, this.i18n.list(group.languages.map((code) => this.i18n.languageName(code))))}
        ${this.#fact(m.formats, this.i18n.list(group.formats.map((format) => domain.format[format] ?? format)))}
        ${group.location ? this.#fact(m.location, html`<span dir="auto">${group.location}</span>`) : nothing}
        ${timeZone ? this.#fact(m.timeZone, timeZone) : nothing}
        ${this.#fact(
          m.membersLabel,
          html`${m.members(group.memberCount)}${left === null ? nothing : html` · <strong>${left === 0 ? m.full : m.places(left)}</strong>`}`,
        )}
      </dl>
    </header>`;
  }

  #fact(term: string, value: unknown) {
    return html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  }

  /** "Arabian Standard Time", "توقيت المملكة المتحدة": the zone the group's meeting times are in. */
  #timeZoneName(timeZone: string): string | undefined {
    try {
      return new Intl.DateTimeFormat(this.i18n.locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts().find((part) => part.type === 'timeZoneName')?.value;
    } catch {
      return timeZone;
    }
  }

  /** Guidelines as the facilitators wrote them: one rule per line becomes a list. */
  #renderGuidelines(guidelines: string) {
    const lines = guidelines
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (!lines.length) return nothing;
    return html`<section class="stack tight" part="guidelines" aria-labelledby="guidelines-heading">
      <h3 id="guidelines-heading">${this.#messages.guidelines}</h3>
      ${lines.length > 1 ? html`<ul class="guidelines">${lines.map((line) => html`<li dir="auto">${line}</li>`)}</ul>` : html`<p dir="auto">${lines[0]}</p>`}
    </section>`;
  }

  #renderMembership(group: Group, membership: Membership | null | undefined, signedIn: boolean) {
    const m = this.#messages;
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
    return html`<section class="card join stack" part="membership" aria-labelledby="join-heading" aria-busy=${this.busy ? 'true' : 'false'}>
      <h3 id="join-heading">${settled ? m.membershipHeading : m.joinHeading}</h3>
      ${signedIn
        ? this.#renderStanding(group, target, membership)
        : this.#renderGuest(group.archived ? m.closed : m.howToJoin[group.joinPolicy], target.full ? (target.joinPolicy === 'APPROVAL' || target.joinPolicy === 'FEE' ? m.fullRequest : m.fullJoin) : undefined)}
    </section>`;
  }

  #renderGuest(explanation: string | undefined, note?: string) {
    return html`<p>${explanation}</p>
      ${note ? html`<p class="note">${note}</p>` : nothing} ${this.renderSignInPrompt('join')}`;
  }

  /** Where a signed-in reader stands, and what they can do from there. */
  #renderStanding(group: Group, target: JoinTarget, membership: Membership | null | undefined) {
    const m = this.#messages;
    const i18n = this.i18n;
    const status = membership?.status;
    const reason = membership?.statusReason ? html`<p class="quote" dir="auto">${m.reason(membership.statusReason)}</p>` : nothing;
    const suspendedUntil = membership?.suspendedUntil && new Date(membership.suspendedUntil) > new Date() ? membership.suspendedUntil : null;
    let line: string | undefined;
    let rest: unknown = nothing;
    if (status === 'ACTIVE' || (status === 'SUSPENDED' && !suspendedUntil)) {
      line = membership!.role === 'MEMBER' ? m.member : m.memberAs(this.#domain.role[membership!.role] ?? membership!.role);
      rest = html`${membership!.pseudonym ? html`<p dir="auto">${m.pseudonym(membership!.pseudonym)}</p>` : nothing}
        <details class="settings" @toggle=${() => this.#appearanceChoice()}>
          <summary>${m.appearanceLegend}</summary>
          <hearth-group-appearance
            group=${group.id}
            mode="settings"
            .current=${membership!.appearance}
            api=${ifDefined(this.api)}
            institution=${ifDefined(this.institution)}
            token=${ifDefined(this.token)}
            .getToken=${this.getToken}
          ></hearth-group-appearance>
        </details>
        ${this.#renderDeparture('leave', group)}`;
    } else if (status === 'SUSPENDED') {
      line = m.suspended(this.#date(suspendedUntil!));
      rest = html`${reason}${this.#renderDeparture('leave', group)}`;
    } else if (status === 'PENDING') {
      line = group.joinPolicy === 'FEE' ? m.pendingFee : m.pending;
      rest = html`<p class="muted small">${m.requestedOn(i18n.relativeTime(membership!.requestedAt))}</p>
        ${group.joinPolicy === 'FEE' && group.feeDescription ? this.#renderFee(group.feeDescription) : nothing}
        ${membership!.answers.length
          ? html`<details>
              <summary>${m.yourAnswers}</summary>
              <dl class="answers">
                ${membership!.answers.map((answer, index) => html`<dt dir="auto">${group.entryQuestions[index] ?? ''}</dt><dd dir="auto">${answer}</dd>`)}
              </dl>
            </details>`
          : nothing}
        ${this.#renderDeparture('withdraw', group)}`;
    } else if (status === 'WAITLISTED') {
      line = m.waitlisted(membership!.waitlistPosition);
      rest = this.#renderDeparture('waitlist', group);
    } else if (status === 'BANNED') {
      line = m.banned;
      rest = reason;
    } else if (status === 'LEFT' && suspendedUntil) {
      line = m.suspendedAfterLeaving(this.#date(suspendedUntil));
    } else if (group.archived) {
      line = status === 'LEFT' ? m.left : m.closed;
    } else {
      // No membership, or one that has ended: the way (back) in.
      line = status === 'REJECTED' ? m.rejected : status === 'LEFT' ? (membership!.statusReason ? m.removed : m.left) : m.howToJoin[group.joinPolicy];
      rest = html`${reason}${status === 'REJECTED' ? html`<p>${m.askAgain}</p>` : nothing}
        ${this.#renderJoinForm(target, status ? m.howToJoin[group.joinPolicy] : undefined)}`;
    }
    // The status line stays the same element whatever the state, so focus put on it after an action stays there.
    return html`<p id="status" class=${membership || this.outcome ? 'status' : ''} tabindex="-1">${this.outcome ?? line}</p>
      ${rest}`;
  }

  /** "3 December 2026 at 09:59": when a suspension ends, without slashes that read backwards in Arabic. */
  #date(value: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(value));
  }

  #renderFee(description: string) {
    return html`<div class="fee">
      <h4>${this.#messages.fee}</h4>
      <p dir="auto">${description}</p>
    </div>`;
  }

  /**
   * The appearance choice is fetched (code and strings) the first time a join form or a member's settings show:
   * most visits to a group page do neither. Until it is there, a join goes out without an appearance, which the
   * API takes as a suggested pseudonym: never the name from sign-in.
   */
  #appearanceChoice(): void {
    if (appearanceLoading) return;
    appearanceLoading = Promise.all([import('./group-appearance.define.js'), loadLanguage(this.i18n.locale, 'writers')]).catch(() => {
      appearanceLoading = undefined;
    });
  }

  #renderJoinForm(target: JoinTarget, explanation: string | undefined) {
    this.#appearanceChoice();
    const m = this.#messages;
    const policy = target.joinPolicy;
    const reviewed = policy === 'APPROVAL' || policy === 'FEE';
    const questions = reviewed ? target.questions : [];
    const needsCode = policy === 'INVITE_ONLY' || target.invited;
    const waitlist = target.full && !reviewed;
    const label = waitlist ? m.joinWaitlist : policy === 'APPROVAL' ? m.sendRequest : policy === 'FEE' ? m.requestPlace : needsCode ? m.joinWithCode : m.join;
    return html`<form class="stack" novalidate @submit=${(event: SubmitEvent) => this.#submit(event, target, waitlist ? 'waitlist' : 'join')}>
      ${explanation ? html`<p>${explanation}</p>` : nothing}
      ${policy === 'FEE' && target.feeDescription ? this.#renderFee(target.feeDescription) : nothing}
      ${target.full ? html`<p class="note">${reviewed ? m.fullRequest : this.noWaitlist ? m.fullNoWaitlist : m.fullJoin}</p>` : nothing}
      ${questions.length ? html`<p class="hint" id="answers-hint">${m.answersHint}</p>` : nothing}
      ${questions.map((question, index) =>
        this.#renderField(
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
              aria-invalid=${this.invalid[id] ? 'true' : 'false'}
              .value=${this.answers[index] ?? ''}
              @input=${(event: InputEvent) => this.#typed(index, (event.target as HTMLTextAreaElement).value)}
            ></textarea>`,
          'answers-hint',
        ),
      )}
      ${needsCode
        ? this.#renderField(
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
                aria-invalid=${this.invalid[id] ? 'true' : 'false'}
                .value=${this.code}
                @input=${(event: InputEvent) => {
                  this.code = (event.target as HTMLInputElement).value;
                }}
              />`,
            'code-hint',
            m.codeHint,
          )
        : nothing}
      <hearth-group-appearance
        group=${target.id}
        mode="join"
        api=${ifDefined(this.api)}
        institution=${ifDefined(this.institution)}
        token=${ifDefined(this.token)}
        .getToken=${this.getToken}
      ></hearth-group-appearance>
      ${this.#renderProblem()}
      ${waitlist && this.noWaitlist
        ? nothing
        : html`<div class="row"><button class="primary" part="button" type="submit" ?disabled=${this.busy}>${this.busy ? m.sending : label}</button></div>`}
    </form>`;
  }

  /** A labelled control with its hint and its problem, linked by aria-describedby. */
  #renderField(id: string, label: string, control: (id: string, describedBy: string) => TemplateResult, hintId: string, hint?: string) {
    const problem = this.invalid[id];
    const describedBy = [hintId, problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${id} dir="auto">${label}</label>
      ${hint ? html`<span class="hint" id=${hintId}>${hint}</span>` : nothing}
      ${control(id, describedBy)}
      ${problem ? html`<span class="problem" id=${`${id}-problem`}>${problem}</span>` : nothing}
    </div>`;
  }

  #renderProblem() {
    const problem = this.problem;
    if (!problem) return nothing;
    return html`<div class="panel error stack tight" part="problem" role="alert">
      <p>${problem.text}</p>
      ${problem.reference ? html`<p class="small muted">${this.common.requestId(problem.reference)}</p>` : nothing}
      ${problem.retry || problem.signIn
        ? html`<p class="row">
            ${problem.retry ? html`<button type="button" @click=${problem.retry}>${this.common.retry}</button>` : nothing}
            ${problem.signIn ? html`<button type="button" class="primary" @click=${() => this.requestSignIn('session')}>${this.common.signIn}</button>` : nothing}
          </p>`
        : nothing}
    </div>`;
  }

  /** Leaving, withdrawing a request or stepping off the waitlist: a discreet button, then a confirmation. */
  #renderDeparture(kind: Departure, group: Group) {
    const m = this.#messages;
    const [label, question, yes] =
      kind === 'leave'
        ? [m.leave, `${m.leaveConfirm(group.name)}${group.joinPolicy === 'APPROVAL' ? ` ${m.leaveConfirmApproval}` : ''}`, m.leaveYes]
        : kind === 'withdraw'
          ? [m.withdraw, m.withdrawConfirm, m.withdrawYes]
          : [m.leaveWaitlist, m.leaveWaitlistConfirm, m.leaveWaitlist];
    if (!this.confirming) {
      return html`<p><button id="depart" class="quiet" part="button" type="button" @click=${() => this.#confirm(true)}>${label}</button></p>`;
    }
    return html`<div class="panel stack tight confirm" role="group" aria-labelledby="confirm-question">
      <p id="confirm-question" tabindex="-1" dir="auto">${question}</p>
      ${this.#renderProblem()}
      <div class="row">
        <button class="danger" part="button" type="button" ?disabled=${this.busy} @click=${() => this.#leave(group, kind)}>${this.busy ? this.#messages.sending : yes}</button>
        <button class="quiet" type="button" @click=${() => this.#confirm(false)}>${this.common.cancel}</button>
      </div>
    </div>`;
  }

  #renderInvitation(invitation: InvitationPreview, me: GroupPage['me']) {
    const m = this.#messages;
    const domain = this.#domain;
    const target: JoinTarget = {
      id: invitation.groupId,
      name: invitation.groupName,
      joinPolicy: invitation.joinPolicy,
      questions: [],
      feeDescription: null,
      full: false,
      invited: true,
    };
    return html`<article class="page" part="group" aria-labelledby="group-name">
      <header class="header" part="header">
        <h2 id="group-name" dir="auto">${invitation.groupName}</h2>
        <div class="row">
          <span class="badge ${invitation.facilitation === 'PROFESSIONAL' ? 'accent' : ''}" part="badge">${domain.facilitation[invitation.facilitation]}</span>
          <span class="badge" part="badge">${domain.joinPolicy[invitation.joinPolicy]}</span>
        </div>
      </header>
      <p class="description" dir="auto">${invitation.groupDescription}</p>
      <section class="card join stack" part="membership" aria-labelledby="join-heading" aria-busy=${this.busy ? 'true' : 'false'}>
        <h3 id="join-heading">${m.joinHeading}</h3>
        ${me
          ? html`<p id="status" class="status" tabindex="-1" dir="auto">${this.outcome ?? m.invited(invitation.groupName)}</p>
              ${invitation.valid ? this.#renderJoinForm(target, m.howToJoin[invitation.joinPolicy]) : html`<p class="panel error">${m.codeRefused}</p>`}`
          : this.#renderGuest(m.invited(invitation.groupName))}
      </section>
    </article>`;
  }

  #renderConversations(group: Group, membership: Membership | null | undefined, me: GroupPage['me']) {
    const taking = membership?.status === 'ACTIVE' || membership?.status === 'SUSPENDED';
    if (!group.publicReading && !taking && !me?.isInstitutionAdmin) return nothing;
    // A new membership is a new reader: the feed and composer start again with what it may see and do.
    return keyed(
      `${group.id} ${membership?.status} ${group.viewerCanPost}`,
      html`<div class="stack conversations" part="conversations">
        ${taking ? this.#renderInbox(group) : nothing}
        ${group.viewerCanPost
          ? html`<hearth-composer
              group=${group.id}
              api=${ifDefined(this.api)}
              institution=${ifDefined(this.institution)}
              token=${ifDefined(this.token)}
              locale=${ifDefined(this.locale)}
              .getToken=${this.getToken}
            ></hearth-composer>`
          : nothing}
        <hearth-feed
          group=${group.id}
          api=${ifDefined(this.api)}
          institution=${ifDefined(this.institution)}
          token=${ifDefined(this.token)}
          locale=${ifDefined(this.locale)}
          .getToken=${this.getToken}
        ></hearth-feed>
      </div>`,
    );
  }

  /**
   * The member's private conversations with the facilitators (outreach), fetched with its code when a member
   * opens the page: it shows only when there is one.
   */
  #renderInbox(group: Group) {
    if (!outreachLoading) {
      outreachLoading = Promise.all([import('../hearth-outreach/define.js'), loadLanguage(this.i18n.locale, 'writers')]).catch(() => {
        outreachLoading = undefined;
      });
    }
    return html`<hearth-outreach-inbox
      group=${group.id}
      heading-level="3"
      api=${ifDefined(this.api)}
      institution=${ifDefined(this.institution)}
      token=${ifDefined(this.token)}
      .getToken=${this.getToken}
    ></hearth-outreach-inbox>`;
  }

  #typed(index: number, value: string): void {
    const answers = [...this.answers];
    answers[index] = value;
    this.answers = answers;
  }

  async #confirm(open: boolean): Promise<void> {
    this.confirming = open;
    this.problem = undefined;
    await this.updateComplete;
    this.#focus(open ? '#confirm-question' : '#depart');
  }

  #focus(selector: string): void {
    (this.renderRoot.querySelector(selector) as HTMLElement | null)?.focus();
  }

  /** Checks what the reader typed the way the API will; returns the problems by field id. */
  #check(questions: readonly string[], needsCode: boolean): Record<string, string> {
    const m = this.#messages;
    const invalid: Record<string, string> = {};
    questions.forEach((_question, index) => {
      const problem = this.#answerProblem(this.answers[index] ?? '');
      if (problem) invalid[`answer-${index}`] = problem;
    });
    if (needsCode) {
      const code = this.code.trim();
      if (!code) invalid.code = m.codeRequired;
      else if (!inviteCodePattern.test(code)) invalid.code = m.codeInvalid;
    }
    return invalid;
  }

  #answerProblem(answer: string, refused = false): string | undefined {
    const m = this.#messages;
    // Longer answers cannot be typed (maxlength); what else the API refuses is characters it cannot store.
    return !answer.trim() ? m.answerRequired : refused ? m.answerInvalid : undefined;
  }

  async #submit(event: SubmitEvent, target: JoinTarget, intent: 'join' | 'waitlist'): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const policy = target.joinPolicy;
    const questions = policy === 'APPROVAL' || policy === 'FEE' ? target.questions : [];
    const needsCode = policy === 'INVITE_ONLY' || target.invited;
    this.problem = undefined;
    this.outcome = undefined;
    this.invalid = this.#check(questions, needsCode);
    const firstInvalid = Object.keys(this.invalid)[0];
    if (firstInvalid) {
      this.announce(this.common.checkFields);
      await this.updateComplete;
      this.#focus(`#${firstInvalid}`);
      return;
    }
    const client = this.connection.client;
    if (!client) return;
    const input = {
      groupId: target.id,
      answers: questions.length ? questions.map((_question, index) => (this.answers[index] ?? '').trim()) : null,
      inviteCode: needsCode ? this.code.trim() : null,
      // A pseudonym by default (the suggestion, or the one typed), the member's name only when they chose it.
      appearance: this.renderRoot.querySelector<HearthGroupAppearance>('hearth-group-appearance')?.appearance ?? null,
    };
    this.busy = true;
    const result =
      intent === 'join'
        ? await client.mutate(joinGroupMutation, { input }, (data) => data.joinGroup)
        : await client.mutate(joinWaitlistMutation, { input }, (data) => data.joinWaitlist);
    this.busy = false;
    const retry = () => void this.#submit(event, target, intent);
    if (result.kind === 'ok') {
      this.answers = [];
      this.code = '';
      await this.#changed(result.data, result.data.status === 'ACTIVE' ? this.#messages.joined(target.name) : undefined);
      return;
    }
    if (result.kind !== 'error') return this.#failed(result, retry);
    const m = this.#messages;
    const error = result.error;
    switch (error.__typename) {
      case 'ValidationError': {
        const invalid: Record<string, string> = {};
        let other = false;
        let appearanceRefused = false;
        for (const field of error.fields) {
          const [, name, index] = field.path;
          if (name === 'answers' && index !== undefined && Number(index) < questions.length) {
            invalid[`answer-${index}`] = this.#answerProblem(this.answers[Number(index)] ?? '', true)!;
          } else if (name === 'inviteCode' && needsCode) {
            invalid.code = m.codeInvalid;
          } else if (name === 'appearance') {
            // A pseudonym the API refuses (taken here, or imitating an alias or a role): said beside it.
            void this.renderRoot.querySelector<HearthGroupAppearance>('hearth-group-appearance')?.showProblem(field.message);
            appearanceRefused = true;
          } else {
            other = true;
          }
        }
        this.invalid = invalid;
        if (other) {
          // The group's questions changed since the page loaded: show the new ones, keeping the answers typed.
          this.problem = { text: m.questionsChanged };
          void this.#refresh();
        }
        this.announce(this.common.checkFields);
        if (appearanceRefused) return;
        await this.updateComplete;
        const first = Object.keys(invalid)[0];
        if (first) this.#focus(`#${first}`);
        return;
      }
      case 'GroupFullError':
        // Someone took the last seat meanwhile: the form becomes the waitlist's, keeping what was typed.
        this.noWaitlist = !error.waitlistOpen;
        this.announce(error.waitlistOpen ? m.fullJoin : m.fullNoWaitlist);
        // The refreshed group says so in its form; should the refresh fail, the form says it here.
        if (!(await this.#refresh())) this.problem = { text: error.waitlistOpen ? m.fullJoin : m.fullNoWaitlist };
        return;
      case 'NotFoundError':
      case 'ForbiddenError':
        // A PRIVATE group answers an unknown code as if it did not exist.
        if (error.__typename === 'NotFoundError' && !needsCode) break;
        if (needsCode) this.invalid = { code: m.codeRefused };
        else this.problem = { text: m.joinRefused };
        this.announce(needsCode ? m.codeRefused : m.joinRefused);
        await this.#refresh();
        if (needsCode) this.#focus('#code');
        return;
      case 'ConflictError':
        break;
      default: {
        // A typed error the API has newly added to joinGroup: fails to compile until it is handled above.
        const unhandled: never = error;
        void unhandled;
      }
    }
    // The group is gone, or the membership changed elsewhere (ConflictError): show what is true now.
    await this.#refresh();
    await this.#settled();
  }

  async #leave(group: Group, kind: Departure): Promise<void> {
    const client = this.connection.client;
    if (!client || this.busy) return;
    this.busy = true;
    this.problem = undefined;
    const result = await client.mutate(leaveGroupMutation, { input: { groupId: group.id } }, (data) => data.leaveGroup);
    this.busy = false;
    const m = this.#messages;
    if (result.kind === 'ok') {
      await this.#changed(result.data, kind === 'withdraw' ? m.withdrawn : kind === 'waitlist' ? m.leftWaitlist : undefined);
      return;
    }
    if (result.kind === 'error') {
      // Already out, or the group is gone: show what is true now.
      this.confirming = false;
      await this.#refresh();
      await this.#settled();
      return;
    }
    this.#failed(result, () => void this.#leave(group, kind));
  }

  /** A transport failure: what happened, with a retry; nothing the reader typed is touched. */
  #failed(failure: HearthFailure, retry: () => void): void {
    const message = failureMessage(this.common, failure);
    this.problem = message.signIn
      ? { text: message.text, signIn: true }
      : { text: `${message.text} ${this.#messages.kept}`, reference: message.reference, retry };
    this.announce(this.problem.text);
  }

  /** After an action succeeded: show the new membership at once, tell the host and the reader, then re-read the page. */
  async #changed(membership: Membership, outcome: string | undefined): Promise<void> {
    const loaded = this.#loaded;
    const group = loaded?.page.group;
    if (loaded && group) this.refreshed = { ...loaded, page: { ...loaded.page, group: { ...group, viewerMembership: membership } } };
    this.outcome = outcome;
    this.confirming = false;
    this.invalid = {};
    this.problem = undefined;
    this.noWaitlist = false;
    emit(this, 'hearth-membership-change', { groupId: group?.id ?? loaded?.invitation?.groupId ?? '', status: membership.status });
    // Seat counts, whether the reader may post, a private group now visible: from the API.
    if (!group) await this.#refresh();
    else void this.#refresh();
    await this.#settled();
  }

  /** Moves focus to the status line and reads it out. */
  async #settled(): Promise<void> {
    await this.updateComplete;
    const status = this.renderRoot.querySelector('#status') as HTMLElement | null;
    status?.focus();
    this.announce(status?.textContent?.trim() ?? this.common.notFound);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-group': HearthGroup;
  }
}
