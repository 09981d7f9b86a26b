import { createPostMutation, createReplyMutation, type HearthFailure, type ResultOf } from '@hearth/client';
import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { HearthElement } from '../base/hearth-element.js';
import { emit } from '../base/hearth-events.js';
import { groupLookup } from '../base/group-reference.js';
import { failureMessage } from '../base/failure-message.js';
import { heading, headingLevel } from '../base/heading.js';
import { dataOf } from '../base/load-failure.js';
import { composerMessages } from './hearth-composer.messages.js';
import { composerGroupQuery, composerPostQuery } from './hearth-composer.operations.js';
import { composerStyles } from './hearth-composer.styles.js';
import { loadCrisisHelp } from '../hearth-crisis-help/load.js';
import { domainMessages } from '../localization/domain.messages.js';
import { whoCanReadPosts, whoCanRevealAnonymousAuthors } from '../content/anonymity-wording.js';
import type { CrisisResourceView } from '../content/crisis-contacts.js';
import type { CrisisSubject, HearthCrisisHelp } from '../hearth-crisis-help/hearth-crisis-help.js';

type ComposerGroup = NonNullable<ResultOf<typeof composerGroupQuery>['group']>;
/** The help shown after a post or reply that spoke of crisis, and what it was about. */
interface CrisisHelp {
  resources: CrisisResourceView[];
  subject: CrisisSubject;
}

/** What the composer found out before showing a form. */
type Context =
  | { kind: 'guest' }
  | { kind: 'missing' }
  | { kind: 'locked' }
  | { kind: 'ready'; group: ComposerGroup; postId: string | null; ownAnonymousThread: boolean };

type Field = 'title' | 'body' | 'contentWarning' | 'anonymous';
const fields: Field[] = ['title', 'body', 'contentWarning', 'anonymous'];

interface Draft {
  title: string;
  body: string;
  warn: boolean;
  contentWarning: string;
  /** Null until the writer ticks or unticks the box: a reply then leaves it to the API's default. */
  anonymous: boolean | null;
}

const emptyDraft: Draft = { title: '', body: '', warn: false, contentWarning: '', anonymous: null };

/** The API's limits (packages/server/src/modules/posts/post-input.ts), mirrored so the browser stops most mistakes. */
const limits = { title: 200, body: 20_000, contentWarning: 80 } as const;

/** A failure the reader can act on: a sentence, and whether trying again may help. */
interface FormFailure {
  text: string;
  /** The API's own words, when the widget has no sentence of its own for the refusal. */
  detail?: string | undefined;
  retry: boolean;
  reference?: string | undefined;
  signIn?: boolean;
}

/**
 * Writes a new post in a group (`group` attribute) or a reply to a post (`post` attribute). It checks first
 * whether the reader may write here, offers anonymity only where the group allows it (and says what it means),
 * keeps what was typed through every failure, and shows crisis resources when the API returns them.
 *
 * @tagname hearth-composer
 * @summary The form for a new post or a reply, with content warning and anonymity.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart form - The form.
 * @csspart field - Each labelled field (title, body, content warning).
 * @csspart button - The submit button.
 * @csspart audience - Who can read what is about to be sent ("Only members of this group can read this.").
 * @csspart success - The confirmation shown after sending.
 * @csspart crisis - The crisis resources panel.
 * @csspart skeleton - A placeholder while loading.
 * @csspart state - The loading, error, signed-out and "cannot post here" panels.
 *
 * @cssprop [--hearth-color-accent=#0f6b66] - Buttons and links.
 * @cssprop [--hearth-color-text=#1f2933] - Body text.
 * @cssprop [--hearth-color-muted=#4b5563] - Hints.
 * @cssprop [--hearth-color-surface=#ffffff] - Field background.
 * @cssprop [--hearth-color-border=#c5ccd3] - Borders.
 * @cssprop [--hearth-color-danger=#b42318] - Field problems.
 * @cssprop [--hearth-color-crisis-surface=#fff4e5] - The crisis panel's background.
 * @cssprop [--hearth-color-crisis-border=#b54708] - The crisis panel's border.
 * @cssprop [--hearth-color-focus=#1d4ed8] - The focus ring.
 * @cssprop [--hearth-font-family=system-ui] - The widget's font.
 * @cssprop [--hearth-radius=8px] - Corner radius.
 * @cssprop [--hearth-space=16px] - Base spacing.
 *
 * @fires hearth-post-created - A post was written: `{ postId, groupId, status }` (`PENDING_REVIEW` when held).
 * @fires hearth-reply-created - A reply was written: `{ replyId, postId, status }`.
 * @fires hearth-sign-in-request - A guest (or a reader whose session ended) chose to sign in: `{ action: 'post' | 'reply' }`.
 */
export class HearthComposer extends HearthElement {
  static override styles = [...HearthElement.styles, composerStyles];

  static override properties = {
    group: {},
    post: {},
    parentReply: { attribute: 'parent-reply' },
    headingLevel: { attribute: 'heading-level', type: Number },
    draft: { state: true },
    problems: { state: true },
    failure: { state: true },
    sending: { state: true },
    sent: { state: true },
    crisis: { state: true },
  };

  /** The group to post in: its slug or global ID. Ignored when `post` is set. */
  declare group: string | undefined;
  /** The global ID of the post to reply to; makes this a reply form. */
  declare post: string | undefined;
  /** The global ID of the reply this one answers (with `post`). */
  declare parentReply: string | undefined;
  /** The level of the composer's heading in the host page's outline (2 to 5); the crisis panel's is one deeper. @default 2 */
  declare headingLevel: number;
  declare private draft: Draft;
  declare private problems: Partial<Record<Field, string>>;
  declare private failure: FormFailure | null;
  declare private sending: boolean;
  /** The status of the item just written (PUBLISHED or PENDING_REVIEW), for the confirmation. */
  declare private sent: string | null;
  declare private crisis: CrisisHelp | null;

  constructor() {
    super();
    this.headingLevel = 2;
    this.draft = emptyDraft;
    this.problems = {};
    this.failure = null;
    this.sending = false;
    this.sent = null;
    this.crisis = null;
  }

  private readonly context = new Task(this, {
    task: async ([client, group, post, mayHaveMember], { signal }): Promise<Context> => {
      if (!client) throw new Error('not configured');
      if (!mayHaveMember) return { kind: 'guest' };
      if (post) {
        const data = dataOf(await client.request(composerPostQuery, { postId: post }, { signal }));
        if (!data.me) return { kind: 'guest' };
        const node = data.node?.__typename === 'Post' ? data.node : null;
        if (!node?.group || node.status !== 'PUBLISHED') return { kind: 'missing' };
        if (node.locked) return { kind: 'locked' };
        // The writer of an anonymous post replies in their thread under its alias unless they choose their name.
        return { kind: 'ready', group: node.group, postId: node.id, ownAnonymousThread: node.anonymous && node.viewerIsAuthor };
      }
      if (!group) return { kind: 'missing' };
      const data = dataOf(await client.request(composerGroupQuery, groupLookup(group), { signal }));
      if (!data.me) return { kind: 'guest' };
      return data.group ? { kind: 'ready', group: data.group, postId: null, ownAnonymousThread: false } : { kind: 'missing' };
    },
    args: () => [this.connection.client, this.group, this.post, this.connection.mayHaveMember, this.connection.revision] as const,
  });

  protected override reload(): void {
    void this.context.run();
  }

  get #messages() {
    return this.i18n.messages(composerMessages);
  }

  get #replying(): boolean {
    return Boolean(this.post);
  }

  #edit(change: Partial<Draft>): void {
    this.draft = { ...this.draft, ...change };
    // The crisis help is fetched once the reader starts writing (most pages are read, not written on), so it is
    // here before the post that may need it is sent.
    void loadCrisisHelp(this.i18n.locale).catch(() => undefined);
  }

  /** The problems the browser can find without asking the API (lengths are held back by `maxlength`). */
  #localProblems(): Partial<Record<Field, string>> {
    const required = this.#messages.required;
    const problems: Partial<Record<Field, string>> = {};
    if (!this.#replying && !this.draft.title.trim()) problems.title = required.title;
    if (!this.draft.body.trim()) problems.body = required.body;
    if (this.draft.warn && !this.draft.contentWarning.trim()) problems.contentWarning = required.contentWarning;
    return problems;
  }

  async #submit(event: SubmitEvent, context: Extract<Context, { kind: 'ready' }>): Promise<void> {
    event.preventDefault();
    const client = this.connection.client;
    if (!client || this.sending) return;
    const local = this.#localProblems();
    this.failure = null;
    this.sent = null;
    if (Object.keys(local).length) {
      this.problems = local;
      await this.#focusFirstProblem();
      return;
    }
    this.problems = {};
    this.sending = true;
    const draft = this.draft;
    const shared = {
      body: draft.body,
      contentWarning: draft.warn && draft.contentWarning.trim() ? draft.contentWarning : null,
    };
    const allows = context.group.allowsAnonymousPosts;
    // A reply the writer made no choice about leaves `anonymous` out: the API's default is the thread's alias
    // for the anonymous writer of the post and the name for everyone else, the one rule in one place.
    const replyChoice = allows && draft.anonymous !== null ? { anonymous: draft.anonymous } : {};
    const result = context.postId
      ? await client.mutate(createReplyMutation, { input: { ...shared, ...replyChoice, postId: context.postId, parentReplyId: this.parentReply || null } }, (data) => data.createReply)
      : await client.mutate(createPostMutation, { input: { ...shared, anonymous: allows && draft.anonymous === true, groupId: context.group.id, title: draft.title } }, (data) => data.createPost);
    this.sending = false;
    const m = this.#messages;

    if (result.kind === 'ok') {
      const data = result.data;
      const status = 'post' in data ? data.post.status : data.reply.status;
      const helpShown = data.crisisResources.length > 0;
      if ('post' in data) emit(this, 'hearth-post-created', { postId: data.post.id, groupId: context.group.id, status, helpShown });
      else emit(this, 'hearth-reply-created', { replyId: data.reply.id, postId: context.postId!, status, helpShown });
      // The reader's words went through: only now is the form emptied (unless they kept typing meanwhile).
      if (this.draft === draft) this.draft = emptyDraft;
      this.sent = status;
      const pending = status === 'PENDING_REVIEW';
      const confirmation = this.#replying ? (pending ? m.replyPending : m.replyPublished) : pending ? m.postPending : m.postPublished;
      if (helpShown) {
        const item = 'post' in data ? data.post : data.reply;
        this.crisis = { resources: data.crisisResources, subject: { id: item.id, kind: 'post' in data ? 'post' : 'reply', contentWarning: item.contentWarning ?? null } };
        // In front of the writer at once: a dialog on a phone, the top of the viewport on a wide screen.
        await loadCrisisHelp(this.i18n.locale).catch(() => undefined);
        await this.updateComplete;
        const help = this.renderRoot.querySelector<HearthCrisisHelp>('hearth-crisis-help');
        if (customElements.get('hearth-crisis-help') && help) await help.present();
        else await this.#focus('#crisis-fallback');
        this.announce(confirmation);
      } else {
        this.announce(confirmation);
        await this.#focus('#sent');
      }
      return;
    }

    if (result.kind === 'error') {
      const error = result.error;
      if (error.__typename === 'ValidationError' && 'fields' in error) {
        this.problems = this.#fieldProblems(error.fields);
        if (Object.keys(this.problems).length) {
          if (this.problems.contentWarning) this.#edit({ warn: true });
          await this.#focusFirstProblem();
          return;
        }
      }
      if (error.__typename === 'RateLimitedError' && 'retryAfterSeconds' in error) {
        this.failure = { text: this.common.rateLimited(error.retryAfterSeconds), retry: false };
      } else {
        // ForbiddenError (a suspension, a thread locked meanwhile) and the rest: the API says why in English, so
        // the widget looks again at where the reader stands to say it in their language where it can.
        const refusal = await this.#refusal(context);
        this.failure = refusal ? { text: refusal, retry: false } : { text: m.notSent, detail: error.message, retry: false };
      }
    } else {
      this.failure = this.#transportFailure(result);
    }
    // Focus carries the reader to the explanation (read out once: the panel is not also a live region).
    await this.#focus('#failure');
  }

  /** Why the API refused, from a fresh look at the group (or thread): locked, archived, suspended, not a member. */
  async #refusal(context: Extract<Context, { kind: 'ready' }>): Promise<string | null> {
    const client = this.connection.client;
    if (!client) return null;
    const m = this.#messages;
    let group: ComposerGroup | null = null;
    if (context.postId) {
      const result = await client.request(composerPostQuery, { postId: context.postId });
      const node = result.kind === 'ok' && result.data.node?.__typename === 'Post' ? result.data.node : null;
      if (node?.locked) return m.locked;
      group = node?.group ?? null;
    } else {
      const result = await client.request(composerGroupQuery, { id: context.group.id });
      group = result.kind === 'ok' ? result.data.group : null;
    }
    return group ? this.#cannotPost(group) : null;
  }

  /** Why the viewer may not write in this group, in their language; null when they may. */
  #cannotPost(group: ComposerGroup): string | null {
    const m = this.#messages;
    if (group.archived) return m.archived;
    if (group.viewerCanPost) return null;
    const membership = group.viewerMembership;
    if (membership?.status === 'PENDING') return m.pendingMember;
    if (membership?.status === 'SUSPENDED' || membership?.status === 'BANNED') {
      return membership.suspendedUntil ? m.suspended(this.i18n.dateTime(membership.suspendedUntil)) : m.suspendedOpen;
    }
    return m.notMember;
  }

  #transportFailure(failure: HearthFailure): FormFailure {
    const message = failureMessage(this.common, failure);
    return { text: message.text, retry: message.retry, signIn: message.signIn, reference: message.reference };
  }

  /** Maps the API's field paths (`["input", "title"]`) to the form's fields, in the reader's language where known. */
  #fieldProblems(list: ReadonlyArray<{ path: readonly string[]; message: string }>): Partial<Record<Field, string>> {
    const m = this.#messages;
    const problems: Partial<Record<Field, string>> = {};
    for (const { path, message } of list) {
      const field = path[path.length - 1] as Field;
      if (!fields.includes(field) || problems[field]) continue;
      const tooLong = /at most ([\d,]+)/.exec(message);
      problems[field] = /must not be empty/i.test(message) ? (m.required[field] ?? message) : tooLong ? this.common.tooLong(Number(tooLong[1]!.replace(/,/g, ''))) : message;
    }
    return problems;
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    (this.renderRoot.querySelector(selector) as HTMLElement | null)?.focus();
  }

  async #focusFirstProblem(): Promise<void> {
    this.announce(this.common.checkFields);
    const first = fields.find((field) => this.problems[field]);
    if (first) await this.#focus(`#${first}`);
  }

  /** A heading `depth` levels below the composer's own (Lit binds no tag names, hence the switch). */
  #heading(depth: number, id: string, text: string) {
    return heading(headingLevel(this.headingLevel, depth), text, { id, focusable: true });
  }

  #dismissCrisis(): void {
    this.crisis = null;
    void this.#focus('#composer-heading');
  }

  protected override renderContent() {
    const m = this.#messages;
    return html`<section class="stack" aria-labelledby="composer-heading">
      ${this.#heading(0, 'composer-heading', this.#replying ? m.replyHeading : m.postHeading)}
      ${this.crisis ? this.#renderCrisis(this.crisis) : nothing}
      ${this.renderTask(this.context, (context) => this.#renderContext(context), 1)}
    </section>`;
  }

  #renderContext(context: Context) {
    const m = this.#messages;
    switch (context.kind) {
      case 'guest':
        return this.renderSignInPrompt(this.#replying ? 'reply' : 'post');
      case 'missing':
        return this.#statePanel(this.common.notFound);
      case 'locked':
        return this.#statePanel(m.locked);
    }
    const refusal = this.#cannotPost(context.group);
    return refusal ? this.#statePanel(refusal) : this.#renderForm(context);
  }

  #statePanel(text: string) {
    return html`<div class="panel" part="state"><p>${text}</p></div>`;
  }

  #renderForm(context: Extract<Context, { kind: 'ready' }>) {
    const m = this.#messages;
    const { group } = context;
    const draft = this.draft;
    const replying = this.#replying;
    const held = group.heldFirstPosts > 0 && group.viewerMembership?.role === 'MEMBER';
    return html`
      ${this.sent
        ? html`<p id="sent" class="panel sent" part="success" tabindex="-1">
            ${this.sent === 'PENDING_REVIEW' ? (replying ? m.replyPending : m.postPending) : replying ? m.replyPublished : m.postPublished}
          </p>`
        : nothing}
      <form part="form" class="stack" novalidate @submit=${(event: SubmitEvent) => this.#submit(event, context)}>
        ${this.#renderSummary()}
        ${replying
          ? nothing
          : this.#renderField('title', m.titleLabel, m.titleHint, html`<input
              id="title"
              type="text"
              dir="auto"
              autocomplete="off"
              maxlength=${limits.title}
              required
              aria-required="true"
              aria-invalid=${this.problems.title ? 'true' : 'false'}
              aria-describedby=${this.#describedBy('title', true)}
              .value=${draft.title}
              @input=${(event: Event) => this.#edit({ title: (event.target as HTMLInputElement).value })}
            />`)}
        ${this.#renderField('body', replying ? m.replyBodyLabel : m.bodyLabel, m.bodyHint, html`<textarea
          id="body"
          dir="auto"
          rows=${replying ? 4 : 7}
          maxlength=${limits.body}
          required
          aria-required="true"
          aria-invalid=${this.problems.body ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('body', true)}
          .value=${draft.body}
          @input=${(event: Event) => this.#edit({ body: (event.target as HTMLTextAreaElement).value })}
        ></textarea>`)}
        <div class="option">
          <label class="check">
            <input
              type="checkbox"
              aria-controls="warning-field"
              aria-expanded=${draft.warn ? 'true' : 'false'}
              .checked=${draft.warn}
              @change=${(event: Event) => this.#edit({ warn: (event.target as HTMLInputElement).checked })}
            />${m.contentWarningToggle}
          </label>
          <div id="warning-field" ?hidden=${!draft.warn}>
            ${draft.warn
              ? this.#renderField('contentWarning', m.contentWarningLabel, m.contentWarningHint, html`<input
                  id="contentWarning"
                  type="text"
                  dir="auto"
                  autocomplete="off"
                  maxlength=${limits.contentWarning}
                  aria-required="true"
                  aria-invalid=${this.problems.contentWarning ? 'true' : 'false'}
                  aria-describedby=${this.#describedBy('contentWarning', true)}
                  .value=${draft.contentWarning}
                  @input=${(event: Event) => this.#edit({ contentWarning: (event.target as HTMLInputElement).value })}
                />`)
              : nothing}
          </div>
        </div>
        ${group.allowsAnonymousPosts ? this.#renderAnonymity(group, context.ownAnonymousThread) : nothing}
        ${held ? html`<p class="small muted">${m.heldFirstPosts(group.heldFirstPosts)}</p>` : nothing}
        ${this.#renderFailure()}
        <p id="audience" class="small" part="audience">${whoCanReadPosts(this.i18n.messages(domainMessages), group.postsReadableBy)}</p>
        <div class="row">
          <button class="primary" type="submit" part="button" aria-describedby="audience" ?disabled=${this.sending}>
            ${this.sending ? (replying ? m.sendingReply : m.sendingPost) : replying ? m.submitReply : m.submitPost}
          </button>
        </div>
      </form>
    `;
  }

  #describedBy(field: Field, hint: boolean): string {
    return [hint ? `${field}-hint` : '', this.problems[field] ? `${field}-problem` : ''].filter(Boolean).join(' ');
  }

  #renderField(field: Field, label: string, hint: string, control: TemplateResult) {
    const problem = this.problems[field];
    return html`<div class="field" part="field">
      <label for=${field}>${label}</label>
      <span id=${`${field}-hint`} class="hint">${hint}</span>
      ${control}
      ${problem ? html`<span id=${`${field}-problem`} class="problem">${problem}</span>` : nothing}
    </div>`;
  }

  #renderAnonymity(group: ComposerGroup, ownAnonymousThread: boolean) {
    const m = this.#messages;
    const problem = this.problems.anonymous;
    return html`<div class="option">
      <label class="check">
        <input
          id="anonymous"
          type="checkbox"
          aria-describedby=${this.#describedBy('anonymous', true)}
          aria-invalid=${problem ? 'true' : 'false'}
          .checked=${this.draft.anonymous ?? ownAnonymousThread}
          @change=${(event: Event) => this.#edit({ anonymous: (event.target as HTMLInputElement).checked })}
        />${this.#replying ? m.anonymousReply : m.anonymousPost}
      </label>
      <div id="anonymous-hint" class="hint small">
        <p>${m.anonymousHidden}</p>
        ${ownAnonymousThread && this.draft.anonymous === false ? html`<p><strong>${m.namedReplyInOwnThread}</strong></p>` : nothing}
        <p>${whoCanRevealAnonymousAuthors(this.i18n.messages(domainMessages), group.anonymousAuthorsRevealableBy)}</p>
      </div>
      ${problem ? html`<p id="anonymous-problem" class="problem">${problem}</p>` : nothing}
    </div>`;
  }

  /** Lists the fields to fix, each a link-like button to its field (the first one already has focus). */
  #renderSummary() {
    const invalid = fields.filter((field) => this.problems[field]);
    if (!invalid.length) return nothing;
    return html`<div class="panel error" part="state">
      <p><strong>${this.common.checkFields}</strong></p>
      <ul>
        ${invalid.map((field) => html`<li><a href=${`#${field}`} @click=${(event: Event) => this.#jumpTo(event, field)}>${this.#labelOf(field)}: ${this.problems[field]}</a></li>`)}
      </ul>
    </div>`;
  }

  #labelOf(field: Field): string {
    const m = this.#messages;
    const replying = this.#replying;
    return { title: m.titleLabel, body: replying ? m.replyBodyLabel : m.bodyName, contentWarning: m.contentWarningLabel, anonymous: replying ? m.anonymousReply : m.anonymousPost }[field];
  }

  #jumpTo(event: Event, field: Field): void {
    event.preventDefault();
    (this.renderRoot.querySelector(`#${field}`) as HTMLElement | null)?.focus();
  }

  #renderFailure() {
    const failure = this.failure;
    if (!failure) return nothing;
    return html`<div id="failure" class="panel error" part="state" tabindex="-1">
      <p>${failure.text}</p>
      ${failure.detail ? html`<p class="small" dir="auto" lang="en">${failure.detail}</p>` : nothing}
      <p>${this.#messages.keptDraft}</p>
      ${failure.reference ? html`<p class="small muted">${this.common.requestId(failure.reference)}</p>` : nothing}
      ${failure.retry ? html`<p><button type="submit">${this.common.retry}</button></p>` : nothing}
      ${failure.signIn
        ? html`<p><button type="button" class="primary" @click=${() => this.requestSignIn(this.#replying ? 'reply' : 'post')}>${this.common.signIn}</button></p>`
        : nothing}
    </div>`;
  }

  /** The help panel; its light DOM shows only if the panel's code could not be fetched (the resources as this page has them). */
  #renderCrisis(help: CrisisHelp) {
    const group = this.context.value?.kind === 'ready' ? this.context.value.group.id : undefined;
    return html`<hearth-crisis-help
      part="crisis"
      .resources=${help.resources}
      .subject=${help.subject}
      group=${ifDefined(group)}
      heading-level=${headingLevel(this.headingLevel, 1)}
      api=${ifDefined(this.api)}
      institution=${ifDefined(this.institution)}
      token=${ifDefined(this.token)}
      .getToken=${this.getToken}
      @hearth-crisis-help-close=${this.#dismissCrisis}
    >
      <div id="crisis-fallback" class="panel crisis" role="alert" tabindex="-1">
        ${help.resources.map((resource) => html`<p dir="auto">${resource.name} <bdi dir="ltr">${resource.phone ?? ''}</bdi></p>`)}
      </div>
    </hearth-crisis-help>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-composer': HearthComposer;
  }
}
