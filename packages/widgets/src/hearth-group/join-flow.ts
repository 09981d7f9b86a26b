import { joinGroupMutation, joinWaitlistMutation, leaveGroupMutation, type HearthClient, type HearthFailure } from '@hearth/client';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { emit } from '../base/hearth-events.js';
import { failureMessage } from '../base/failure-message.js';
import type { HearthOptions } from '../configuration/hearth-options.js';
import type { CommonMessages } from '../localization/common.messages.en.js';
import type { LocaleController } from '../localization/locale-controller.js';
import type { HearthGroupAppearance } from './group-appearance.js';
import { groupMessages } from './hearth-group.messages.js';
import type { Group, LoadedGroupPage, Membership } from './hearth-group.operations.js';

/** What a join form needs, from the group itself or from an invitation's preview of it. */
export interface JoinTarget {
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
export interface Problem {
  text: string;
  reference?: string | undefined;
  retry?: (() => void) | undefined;
  signIn?: boolean;
}

export type Departure = 'leave' | 'withdraw' | 'waitlist';

/** What the join flow needs from its group page (whose own members are protected). */
export interface JoinFlowAccess {
  client(): HearthClient | null;
  readonly i18n: LocaleController;
  common(): CommonMessages;
  root(): HTMLElement | DocumentFragment;
  announce(message: string): void;
  requestSignIn(action: string): void;
  signInPrompt(action: string): TemplateResult;
  /** The page as shown now: the group, or the invitation, the reader acts on. */
  loaded(): LoadedGroupPage | undefined;
  /** Shows a page at once (the reader's new membership), before the API is read again. */
  show(loaded: LoadedGroupPage): void;
  /** Reads the page again; false when the read failed (what is shown stays). */
  refresh(): Promise<boolean>;
  /** The page's own connection settings, for the appearance choice it shows. */
  connection(): HearthOptions;
}

const inviteCodePattern = /^[A-Za-z0-9_-]{16,64}$/;

/** The questions a policy asks (APPROVAL and FEE groups review answers) and whether it takes a code. */
export function joinRequirements(target: JoinTarget): { questions: readonly string[]; needsCode: boolean } {
  const reviewed = target.joinPolicy === 'APPROVAL' || target.joinPolicy === 'FEE';
  return { questions: reviewed ? target.questions : [], needsCode: target.joinPolicy === 'INVITE_ONLY' || target.invited };
}

/**
 * The way into a group for every join policy, and out of it: joining, answering the entry questions, an
 * invitation code, the waitlist, withdrawing a request and leaving. It keeps what the reader typed through every
 * failure, checks it the way the API will, and after each action shows the new membership at once, tells the
 * host (`hearth-membership-change`) and moves focus to the status line. The templates that show it are in
 * join-form.ts and membership-standing.ts; they read the state below and act through the methods.
 */
export class JoinFlow implements ReactiveController {
  /** The answers to the entry questions, by question. */
  answers: string[] = [];
  /** The invitation code as typed (or as the `invite` attribute gave it). */
  code = '';
  /** Problems by field id (`answer-0`, `code`). */
  invalid: Record<string, string> = {};
  problem: Problem | undefined;
  busy = false;
  /** A departure waits for the reader's confirmation. */
  confirming = false;
  /** What the reader's last action achieved, in place of the membership's own status line. */
  outcome: string | undefined;
  /** The API said the group is full and takes no waitlist. */
  noWaitlist = false;

  readonly access: JoinFlowAccess;

  constructor(
    private readonly element: ReactiveControllerHost & EventTarget,
    access: JoinFlowAccess,
  ) {
    this.access = access;
    element.addController(this);
  }

  hostConnected(): void {}

  get messages() {
    return this.access.i18n.messages(groupMessages);
  }

  #set(change: () => void): void {
    change();
    this.element.requestUpdate();
  }

  #focus(selector: string): void {
    (this.access.root().querySelector(selector) as HTMLElement | null)?.focus();
  }

  /** Another group: what was typed for the previous one does not belong to it. */
  forgetGroup(): void {
    this.#set(() => {
      this.answers = [];
      this.invalid = {};
      this.problem = undefined;
      this.confirming = false;
      this.noWaitlist = false;
    });
  }

  /** A new invitation code from the page fills the field, unless the reader typed another one meanwhile. */
  inviteChanged(invite: string | undefined, previous: string | undefined): void {
    if (invite && (!this.code || this.code === previous)) this.#set(() => (this.code = invite.trim()));
  }

  /** The page was loaded afresh: it says where the membership stands, in place of the last outcome. */
  pageLoaded(): void {
    this.outcome = undefined;
  }

  typeAnswer(index: number, value: string): void {
    const answers = [...this.answers];
    answers[index] = value;
    this.#set(() => (this.answers = answers));
  }

  typeCode(value: string): void {
    this.#set(() => (this.code = value));
  }

  async confirm(open: boolean): Promise<void> {
    this.#set(() => ((this.confirming = open), (this.problem = undefined)));
    await this.element.updateComplete;
    this.#focus(open ? '#confirm-question' : '#depart');
  }

  /** Checks what the reader typed the way the API will; returns the problems by field id. */
  #check(questions: readonly string[], needsCode: boolean): Record<string, string> {
    const m = this.messages;
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
    const m = this.messages;
    // Longer answers cannot be typed (maxlength); what else the API refuses is characters it cannot store.
    return !answer.trim() ? m.answerRequired : refused ? m.answerInvalid : undefined;
  }

  #appearance(): HearthGroupAppearance | null {
    return this.access.root().querySelector<HearthGroupAppearance>('hearth-group-appearance');
  }

  async submit(event: SubmitEvent, target: JoinTarget, intent: 'join' | 'waitlist'): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const { questions, needsCode } = joinRequirements(target);
    this.#set(() => ((this.problem = undefined), (this.outcome = undefined), (this.invalid = this.#check(questions, needsCode))));
    const firstInvalid = Object.keys(this.invalid)[0];
    if (firstInvalid) {
      this.access.announce(this.access.common().checkFields);
      await this.element.updateComplete;
      this.#focus(`#${firstInvalid}`);
      return;
    }
    const client = this.access.client();
    if (!client) return;
    const input = {
      groupId: target.id,
      answers: questions.length ? questions.map((_question, index) => (this.answers[index] ?? '').trim()) : null,
      inviteCode: needsCode ? this.code.trim() : null,
      // A pseudonym by default (the suggestion, or the one typed), the member's name only when they chose it.
      appearance: this.#appearance()?.appearance ?? null,
    };
    this.#set(() => (this.busy = true));
    const result =
      intent === 'join'
        ? await client.mutate(joinGroupMutation, { input }, (data) => data.joinGroup)
        : await client.mutate(joinWaitlistMutation, { input }, (data) => data.joinWaitlist);
    this.#set(() => (this.busy = false));
    const retry = () => void this.submit(event, target, intent);
    if (result.kind === 'ok') {
      this.answers = [];
      this.code = '';
      await this.#changed(result.data, result.data.status === 'ACTIVE' ? this.messages.joined(target.name) : undefined);
      return;
    }
    if (result.kind !== 'error') return this.#failed(result, retry);
    const m = this.messages;
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
            void this.#appearance()?.showProblem(field.message);
            appearanceRefused = true;
          } else {
            other = true;
          }
        }
        this.#set(() => (this.invalid = invalid));
        if (other) {
          // The group's questions changed since the page loaded: show the new ones, keeping the answers typed.
          this.#set(() => (this.problem = { text: m.questionsChanged }));
          void this.access.refresh();
        }
        this.access.announce(this.access.common().checkFields);
        if (appearanceRefused) return;
        await this.element.updateComplete;
        const first = Object.keys(invalid)[0];
        if (first) this.#focus(`#${first}`);
        return;
      }
      case 'GroupFullError':
        // Someone took the last seat meanwhile: the form becomes the waitlist's, keeping what was typed.
        this.#set(() => (this.noWaitlist = !error.waitlistOpen));
        this.access.announce(error.waitlistOpen ? m.fullJoin : m.fullNoWaitlist);
        // The refreshed group says so in its form; should the refresh fail, the form says it here.
        if (!(await this.access.refresh())) this.#set(() => (this.problem = { text: error.waitlistOpen ? m.fullJoin : m.fullNoWaitlist }));
        return;
      case 'NotFoundError':
      case 'ForbiddenError':
        // A PRIVATE group answers an unknown code as if it did not exist.
        if (error.__typename === 'NotFoundError' && !needsCode) break;
        this.#set(() => (needsCode ? (this.invalid = { code: m.codeRefused }) : (this.problem = { text: m.joinRefused })));
        this.access.announce(needsCode ? m.codeRefused : m.joinRefused);
        await this.access.refresh();
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
    await this.access.refresh();
    await this.#settled();
  }

  async leave(group: Group, kind: Departure): Promise<void> {
    const client = this.access.client();
    if (!client || this.busy) return;
    this.#set(() => ((this.busy = true), (this.problem = undefined)));
    const result = await client.mutate(leaveGroupMutation, { input: { groupId: group.id } }, (data) => data.leaveGroup);
    this.#set(() => (this.busy = false));
    const m = this.messages;
    if (result.kind === 'ok') {
      await this.#changed(result.data, kind === 'withdraw' ? m.withdrawn : kind === 'waitlist' ? m.leftWaitlist : undefined);
      return;
    }
    if (result.kind === 'error') {
      // Already out, or the group is gone: show what is true now.
      this.#set(() => (this.confirming = false));
      await this.access.refresh();
      await this.#settled();
      return;
    }
    this.#failed(result, () => void this.leave(group, kind));
  }

  /** A transport failure: what happened, with a retry; nothing the reader typed is touched. */
  #failed(failure: HearthFailure, retry: () => void): void {
    const message = failureMessage(this.access.common(), failure);
    const problem: Problem = message.signIn
      ? { text: message.text, signIn: true }
      : { text: `${message.text} ${this.messages.kept}`, reference: message.reference, retry };
    this.#set(() => (this.problem = problem));
    this.access.announce(problem.text);
  }

  /** After an action succeeded: show the new membership at once, tell the host and the reader, then re-read the page. */
  async #changed(membership: Membership, outcome: string | undefined): Promise<void> {
    const loaded = this.access.loaded();
    const group = loaded?.page.group;
    if (loaded && group) this.access.show({ ...loaded, page: { ...loaded.page, group: { ...group, viewerMembership: membership } } });
    this.#set(() => {
      this.outcome = outcome;
      this.confirming = false;
      this.invalid = {};
      this.problem = undefined;
      this.noWaitlist = false;
    });
    emit(this.element, 'hearth-membership-change', { groupId: group?.id ?? loaded?.invitation?.groupId ?? '', status: membership.status });
    // Seat counts, whether the reader may post, a private group now visible: from the API.
    if (!group) await this.access.refresh();
    else void this.access.refresh();
    await this.#settled();
  }

  /** Moves focus to the status line and reads it out. */
  async #settled(): Promise<void> {
    await this.element.updateComplete;
    const status = this.access.root().querySelector('#status') as HTMLElement | null;
    status?.focus();
    this.access.announce(status?.textContent?.trim() ?? this.access.common().notFound);
  }
}
