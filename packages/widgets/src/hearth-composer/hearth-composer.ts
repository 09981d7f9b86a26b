import { createPostMutation, createReplyMutation, type HearthFailure } from '@hearth/client';
import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { HearthElement } from '../base/hearth-element.js';
import { emit } from '../base/hearth-events.js';
import { groupLookup } from '../base/group-reference.js';
import { failureMessage } from '../base/failure-message.js';
import { heading, headingLevel } from '../base/heading.js';
import { dataOf } from '../base/load-failure.js';
import { whoCanReadPosts } from '../content/anonymity-wording.js';
import { domainMessages } from '../localization/domain.messages.js';
import { renderAnonymityChoice } from './anonymity-choice.js';
import { apiFieldProblems, emptyDraft, fields, limits, localProblems, type Draft, type FieldProblems } from './composer-draft.js';
import { describedBy, renderField, renderProblemSummary } from './composer-fields.js';
import { CrisisHandoff } from './crisis-handoff.js';
import { composerMessages } from './hearth-composer.messages.js';
import { composerGroupQuery, composerPostQuery, type ComposerGroup } from './hearth-composer.operations.js';
import { composerStyles } from './hearth-composer.styles.js';
import { cannotPost, refusalOf } from './posting-refusal.js';

/** What the composer found out before showing a form. */
type Context =
  | { kind: 'guest' }
  | { kind: 'missing' }
  | { kind: 'locked' }
  | { kind: 'ready'; group: ComposerGroup; postId: string | null; ownAnonymousThread: boolean };

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
  declare private problems: FieldProblems;
  declare private failure: FormFailure | null;
  declare private sending: boolean;
  /** The status of the item just written (PUBLISHED or PENDING_REVIEW), for the confirmation. */
  declare private sent: string | null;

  constructor() {
    super();
    this.headingLevel = 2;
    this.draft = emptyDraft;
    this.problems = {};
    this.failure = null;
    this.sending = false;
    this.sent = null;
  }

  /** The crisis resources the API may answer a post or reply with, in front of the writer. */
  readonly #crisis = new CrisisHandoff(this, {
    locale: () => this.i18n.locale,
    root: () => this.renderRoot,
    focus: (selector: string) => this.#focus(selector),
    connection: () => ({ api: this.api, institution: this.institution, token: this.token, getToken: this.getToken }),
  });

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
    this.#crisis.prepare();
  }

  async #submit(event: SubmitEvent, context: Extract<Context, { kind: 'ready' }>): Promise<void> {
    event.preventDefault();
    const client = this.connection.client;
    if (!client || this.sending) return;
    const local = localProblems(this.#messages, this.draft, this.#replying);
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
        await this.#crisis.present({ resources: data.crisisResources, subject: { id: item.id, kind: 'post' in data ? 'post' : 'reply', contentWarning: item.contentWarning ?? null } });
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
        this.problems = apiFieldProblems(this.#messages, this.common, error.fields);
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
        const refusal = await refusalOf(client, this.i18n, { groupId: context.group.id, postId: context.postId });
        this.failure = refusal ? { text: refusal, retry: false } : { text: m.notSent, detail: error.message, retry: false };
      }
    } else {
      this.failure = this.#transportFailure(result);
    }
    // Focus carries the reader to the explanation (read out once: the panel is not also a live region).
    await this.#focus('#failure');
  }

  #transportFailure(failure: HearthFailure): FormFailure {
    const message = failureMessage(this.common, failure);
    return { text: message.text, retry: message.retry, signIn: message.signIn, reference: message.reference };
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

  protected override renderContent() {
    const m = this.#messages;
    return html`<section class="stack" aria-labelledby="composer-heading">
      ${this.#heading(0, 'composer-heading', this.#replying ? m.replyHeading : m.postHeading)}
      ${this.#crisis.render(this.context.value?.kind === 'ready' ? this.context.value.group.id : undefined, headingLevel(this.headingLevel, 1))}
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
    const refusal = cannotPost(this.i18n, context.group);
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
        ${renderProblemSummary(m, this.common, this.problems, replying, this.renderRoot)}
        ${replying
          ? nothing
          : renderField(this.problems, 'title', m.titleLabel, m.titleHint, html`<input
              id="title"
              type="text"
              dir="auto"
              autocomplete="off"
              maxlength=${limits.title}
              required
              aria-required="true"
              aria-invalid=${this.problems.title ? 'true' : 'false'}
              aria-describedby=${describedBy(this.problems, 'title', true)}
              .value=${draft.title}
              @input=${(event: Event) => this.#edit({ title: (event.target as HTMLInputElement).value })}
            />`)}
        ${renderField(this.problems, 'body', replying ? m.replyBodyLabel : m.bodyLabel, m.bodyHint, html`<textarea
          id="body"
          dir="auto"
          rows=${replying ? 4 : 7}
          maxlength=${limits.body}
          required
          aria-required="true"
          aria-invalid=${this.problems.body ? 'true' : 'false'}
          aria-describedby=${describedBy(this.problems, 'body', true)}
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
              ? renderField(this.problems, 'contentWarning', m.contentWarningLabel, m.contentWarningHint, html`<input
                  id="contentWarning"
                  type="text"
                  dir="auto"
                  autocomplete="off"
                  maxlength=${limits.contentWarning}
                  aria-required="true"
                  aria-invalid=${this.problems.contentWarning ? 'true' : 'false'}
                  aria-describedby=${describedBy(this.problems, 'contentWarning', true)}
                  .value=${draft.contentWarning}
                  @input=${(event: Event) => this.#edit({ contentWarning: (event.target as HTMLInputElement).value })}
                />`)
              : nothing}
          </div>
        </div>
        ${group.allowsAnonymousPosts
          ? renderAnonymityChoice(this.i18n, group, {
              replying,
              ownAnonymousThread: context.ownAnonymousThread,
              chosen: draft.anonymous,
              problem: this.problems.anonymous,
              describedBy: describedBy(this.problems, 'anonymous', true),
              choose: (anonymous) => this.#edit({ anonymous }),
            })
          : nothing}
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
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-composer': HearthComposer;
  }
}
