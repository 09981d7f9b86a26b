import { leaveGroupMutation, type HearthClient, type HearthFailure } from '@hearth/client';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { emit } from '../base/hearth-events.js';
import { failureMessage } from '../base/failure-message.js';
import type { HearthOptions } from '../configuration/hearth-options.js';
import type { CommonMessages } from '../localization/common.messages.en.js';
import type { LocaleController } from '../localization/locale-controller.js';
import { groupMessages } from './hearth-group.messages.js';
import type { Group, LoadedGroupPage, Membership } from './hearth-group.operations.js';
import type { GroupMessages } from './hearth-group.messages.en.js';
import { joiningMessages } from './joining.messages.js';
import type { JoiningMessages } from './joining.messages.en.js';
import { joinFormModule, loadJoinForm, type JoinFormModule } from './load-join-form.js';

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
  /** The join form could not be fetched: it is tried again when the reader retries. */
  formMissing?: boolean;
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
  /** The element's own loading state, shown while the join form is fetched. */
  loading(): TemplateResult;
  /** The page as shown now: the group, or the invitation, the reader acts on. */
  loaded(): LoadedGroupPage | undefined;
  /** Shows a page at once (the reader's new membership), before the API is read again. */
  show(loaded: LoadedGroupPage): void;
  /** Reads the page again; false when the read failed (what is shown stays). */
  refresh(): Promise<boolean>;
  /** The page's own connection settings, for the appearance choice it shows. */
  connection(): HearthOptions;
}

/**
 * The way into a group for every join policy, and out of it: joining, answering the entry questions, an
 * invitation code, the waitlist, withdrawing a request and leaving. It keeps what the reader typed through every
 * failure, checks it the way the API will, and after each action shows the new membership at once, tells the
 * host (`hearth-membership-change`) and moves focus to the status line. The templates that show it are in
 * join-form.ts and membership-standing.ts; they read the state below and act through the methods. The join form
 * and its sending (join-form.ts, join-submit.ts) are fetched the first time the page offers the reader a way in:
 * a member reading the group never downloads them.
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

  /** What a reader who is not a member reads: only once joinForm() has given the form. */
  get joining() {
    return this.access.i18n.messages(joiningMessages);
  }

  /**
   * The group's strings with the joining ones once they are there. A member's card reads only the group's own,
   * so it never waits for the others; every other card shows once joinForm() has given the form.
   */
  get strings(): GroupMessages & JoiningMessages {
    return this.access.i18n.isReady(['joining']) ? { ...this.messages, ...this.joining } : (this.messages as GroupMessages & JoiningMessages);
  }

  get updateComplete(): Promise<boolean> {
    return this.element.updateComplete;
  }

  #formLoading: Promise<void> | undefined;

  /**
   * The join form's code and strings in the reader's language, or undefined while they are fetched (the page
   * renders again once they are there; a failure shows with a retry where the form will be).
   */
  joinForm(): JoinFormModule | undefined {
    const module = joinFormModule();
    if (module && this.access.i18n.isReady(['joining'])) return module;
    if (!this.#formLoading && !this.problem?.formMissing) {
      this.#formLoading = loadJoinForm(this.access.i18n.locale).then(
        () => this.set(() => (this.#formLoading = undefined)),
        () =>
          this.set(() => {
            this.#formLoading = undefined;
            const retry = () => this.set(() => (this.problem = undefined));
            this.problem = { text: this.access.common().failedBody, retry, formMissing: true };
          }),
      );
    }
    return undefined;
  }

  /** Changes the state and renders it. */
  set(change: () => void): void {
    change();
    this.element.requestUpdate();
  }

  focus(selector: string): void {
    (this.access.root().querySelector(selector) as HTMLElement | null)?.focus();
  }

  /** Another group: what was typed for the previous one does not belong to it. */
  forgetGroup(): void {
    this.set(() => {
      this.answers = [];
      this.invalid = {};
      this.problem = undefined;
      this.confirming = false;
      this.noWaitlist = false;
    });
  }

  /** A new invitation code from the page fills the field, unless the reader typed another one meanwhile. */
  inviteChanged(invite: string | undefined, previous: string | undefined): void {
    if (invite && (!this.code || this.code === previous)) this.set(() => (this.code = invite.trim()));
  }

  /** The page was loaded afresh: it says where the membership stands, in place of the last outcome. */
  pageLoaded(): void {
    this.outcome = undefined;
  }

  typeAnswer(index: number, value: string): void {
    const answers = [...this.answers];
    answers[index] = value;
    this.set(() => (this.answers = answers));
  }

  typeCode(value: string): void {
    this.set(() => (this.code = value));
  }

  async confirm(open: boolean): Promise<void> {
    // A member about to leave will see the way back in: fetch it now, so it is there when they have left.
    if (open) this.joinForm();
    this.set(() => ((this.confirming = open), (this.problem = undefined)));
    await this.element.updateComplete;
    this.focus(open ? '#confirm-question' : '#depart');
  }

  async leave(group: Group, kind: Departure): Promise<void> {
    const client = this.access.client();
    if (!client || this.busy) return;
    this.set(() => ((this.busy = true), (this.problem = undefined)));
    const result = await client.mutate(leaveGroupMutation, { input: { groupId: group.id } }, (data) => data.leaveGroup);
    this.set(() => (this.busy = false));
    if (result.kind === 'ok') {
      // Withdrawing and stepping off the waitlist happen where the joining strings are shown, so loaded.
      await this.changed(result.data, kind === 'withdraw' ? this.joining.withdrawn : kind === 'waitlist' ? this.joining.leftWaitlist : undefined);
      return;
    }
    if (result.kind === 'error') {
      // Already out, or the group is gone: show what is true now.
      this.set(() => (this.confirming = false));
      await this.access.refresh();
      await this.settled();
      return;
    }
    this.failed(result, () => void this.leave(group, kind));
  }

  /** A transport failure: what happened, with a retry; nothing the reader typed is touched. */
  failed(failure: HearthFailure, retry: () => void): void {
    const message = failureMessage(this.access.common(), failure);
    const problem: Problem = message.signIn
      ? { text: message.text, signIn: true }
      : { text: `${message.text} ${this.messages.kept}`, reference: message.reference, retry };
    this.set(() => (this.problem = problem));
    this.access.announce(problem.text);
  }

  /** After an action succeeded: show the new membership at once, tell the host and the reader, then re-read the page. */
  async changed(membership: Membership, outcome: string | undefined): Promise<void> {
    const loaded = this.access.loaded();
    const group = loaded?.page.group;
    if (loaded && group) this.access.show({ ...loaded, page: { ...loaded.page, group: { ...group, viewerMembership: membership } } });
    this.set(() => {
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
    await this.settled();
  }

  /** Moves focus to the status line and reads it out. */
  async settled(): Promise<void> {
    // The status line of a reader who has just left is shown once the joining strings are there.
    await this.#formLoading;
    await this.element.updateComplete;
    const status = this.access.root().querySelector('#status') as HTMLElement | null;
    status?.focus();
    this.access.announce(status?.textContent?.trim() ?? this.access.common().notFound);
  }
}
