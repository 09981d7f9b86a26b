import { groupsQuery, type ResultOf } from '@hearth/client';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { HearthElement } from '../base/hearth-element.js';
import { emit } from '../base/hearth-events.js';
import { dataOf } from '../base/load-failure.js';
import { telephoneHref, webHref } from '../content/crisis-links.js';
import { domainMessages } from '../localization/domain.messages.js';
import { groupFinderMessages } from './hearth-group-finder.messages.js';
import { groupFinderStyles } from './hearth-group-finder.styles.js';

type GroupsPage = NonNullable<ResultOf<typeof groupsQuery>['groups']>;
type GroupCard = GroupsPage['edges'][number]['node'];
type CrisisResource = GroupsPage['crisisResources'][number];

interface Filters {
  text: string;
  facilitation: string;
  joinPolicy: string;
  formats: string[];
  language: string;
  acceptingMembers: boolean;
}

const emptyFilters: Filters = { text: '', facilitation: '', joinPolicy: '', formats: [], language: '', acceptingMembers: false };
const formatOptions = ['FORUM', 'IN_PERSON', 'VIDEO', 'PHONE'];

/**
 * Search and filters over an institution's groups, with results as cards. Works for guests (public groups) and
 * for signed-in members (also the unlisted and private groups they may find).
 *
 * @tagname hearth-group-finder
 * @summary Finds support groups by text (Arabic or English) and facets.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart search - The search form.
 * @csspart card - One group's card.
 * @csspart card-title - The group's name on its card.
 * @csspart badge - A facilitation or join-policy badge.
 * @csspart load-more - The "Show more" button.
 * @csspart skeleton - A placeholder while loading.
 * @csspart state - The loading, empty, error and offline panels.
 * @csspart crisis - Where to get help now, above the results when the search text sounds like a crisis.
 *
 * @cssprop [--hearth-color-accent=#0f6b66] - Links, buttons and badges.
 * @cssprop [--hearth-color-text=#1f2933] - Body text.
 * @cssprop [--hearth-color-muted=#4b5563] - Secondary text.
 * @cssprop [--hearth-color-surface=#ffffff] - Card background.
 * @cssprop [--hearth-color-border=#c5ccd3] - Card and field borders.
 * @cssprop [--hearth-font-family=system-ui] - The widget's font.
 * @cssprop [--hearth-radius=8px] - Corner radius.
 * @cssprop [--hearth-space=16px] - Base spacing.
 * @cssprop [--hearth-color-crisis-surface=#fff4e5] - The crisis help panel.
 * @cssprop [--hearth-color-crisis-border=#b54708] - The crisis help panel's border.
 *
 * @fires hearth-group-select - A card was chosen (when no `group-href` is set): `{ id, slug, name }`.
 * @fires hearth-sign-in-request - A session ended and the reader should sign in again on the host site.
 */
export class HearthGroupFinder extends HearthElement {
  static override languagePacks = ['members', 'finder'] as const;

  static override styles = [...HearthElement.styles, groupFinderStyles];

  static override properties = {
    groupHref: { attribute: 'group-href' },
    pageSize: { attribute: 'page-size', type: Number },
    query: {},
    filters: { state: true },
    more: { state: true },
    loadingMore: { state: true },
  };

  /**
   * Where a card links: a URL template with `{slug}` and/or `{id}` (e.g. `/groups/{slug}`). Without it a card
   * is a button that fires `hearth-group-select`.
   */
  declare groupHref: string | undefined;
  /** Groups per page. @default 12 */
  declare pageSize: number;
  /** Initial search text. */
  declare query: string | undefined;
  declare private filters: Filters;
  /** Groups loaded with "Show more", after the first page. */
  declare private more: { groups: GroupCard[]; pageInfo: GroupsPage['pageInfo'] } | undefined;
  declare private loadingMore: boolean;

  #debounce: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.pageSize = 12;
    this.filters = emptyFilters;
    this.loadingMore = false;
  }

  private readonly results = new Task(this, {
    task: async ([client, filters, pageSize], { signal }) => {
      if (!client) throw new Error('not configured');
      this.more = undefined;
      const result = await client.request(groupsQuery, { filter: this.#filterInput(filters), first: pageSize }, { signal });
      return dataOf(result).groups;
    },
    args: () => [this.connection.client, this.filters, this.pageSize, this.connection.revision] as const,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query') && this.query !== undefined) this.filters = { ...this.filters, text: this.query };
  }

  protected override updated(): void {
    if (!this.localized) return;
    // A new first page: tell screen readers how many groups it found.
    const page = this.results.value;
    if (page && page !== this.#announcedPage) {
      this.#announcedPage = page;
      const count = this.#messages.resultCount(page.edges.length, page.pageInfo.hasNextPage);
      // The help comes first in what is read out, as it comes first on screen.
      this.announce(page.crisisResources.length ? `${this.#messages.crisisHeading} ${count}` : count);
    }
  }
  #announcedPage: GroupsPage | undefined;

  protected override reload(): void {
    void this.results.run();
  }

  get #messages() {
    return this.i18n.messages(groupFinderMessages);
  }

  #filterInput(filters: Filters) {
    return {
      text: filters.text.trim() || null,
      facilitation: (filters.facilitation || null) as 'PEER_LED' | 'PROFESSIONAL' | null,
      joinPolicies: filters.joinPolicy ? [filters.joinPolicy as 'OPEN'] : null,
      formats: filters.formats.length ? (filters.formats as Array<'FORUM'>) : null,
      languages: filters.language ? [filters.language] : null,
      acceptingMembers: filters.acceptingMembers || null,
    };
  }

  #readForm(form: HTMLFormElement): Filters {
    const data = new FormData(form);
    return {
      text: String(data.get('text') ?? ''),
      facilitation: String(data.get('facilitation') ?? ''),
      joinPolicy: String(data.get('joinPolicy') ?? ''),
      formats: data.getAll('formats').map(String),
      language: String(data.get('language') ?? ''),
      acceptingMembers: data.get('acceptingMembers') === 'on',
    };
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.#debounce);
    this.filters = this.#readForm(event.currentTarget as HTMLFormElement);
  }

  /** Searches as the reader types, once they pause. */
  #typed(event: Event): void {
    const form = (event.currentTarget as HTMLElement).closest('form')!;
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => {
      this.filters = this.#readForm(form);
    }, 350);
  }

  #changed(event: Event): void {
    this.filters = this.#readForm(event.currentTarget as HTMLFormElement);
  }

  async #loadMore(): Promise<void> {
    const client = this.connection.client;
    const last = this.more?.pageInfo ?? this.results.value?.pageInfo;
    if (!client || !last?.endCursor) return;
    this.loadingMore = true;
    const result = await client.request(groupsQuery, { filter: this.#filterInput(this.filters), first: this.pageSize, after: last.endCursor });
    this.loadingMore = false;
    if (result.kind !== 'ok') {
      this.announce(this.common.failedBody);
      return;
    }
    const added = result.data.groups.edges.map((edge) => edge.node);
    this.more = { groups: [...(this.more?.groups ?? []), ...added], pageInfo: result.data.groups.pageInfo };
    this.announce(this.#messages.resultCount(added.length, result.data.groups.pageInfo.hasNextPage));
  }

  #select(group: GroupCard): void {
    emit(this, 'hearth-group-select', { id: group.id, slug: group.slug, name: group.name });
  }

  protected override renderContent() {
    const m = this.#messages;
    return html`<section class="stack" aria-labelledby="finder-heading">
      <h2 id="finder-heading">${m.heading}</h2>
      ${this.#renderForm()}
      <div aria-busy=${this.results.status === 1 ? 'true' : 'false'}>${this.renderTask(this.results, (page) => this.#renderResults(page), 3)}</div>
    </section>`;
  }

  #renderForm() {
    const m = this.#messages;
    const domain = this.i18n.messages(domainMessages);
    const f = this.filters;
    return html`<form part="search" role="search" @submit=${this.#submit} @change=${this.#changed} novalidate>
      <div class="search-row">
        <div class="field">
          <label for="text">${m.searchLabel}</label>
          <input id="text" name="text" type="search" .value=${f.text} aria-describedby="text-hint" autocomplete="off" enterkeyhint="search" @input=${this.#typed} />
          <span id="text-hint" class="hint">${m.searchHint}</span>
        </div>
        <button class="primary" type="submit">${m.search}</button>
      </div>
      <details>
        <summary>${m.filters}</summary>
        <div class="filters">
          <div class="field">
            <label for="facilitation">${m.facilitationLabel}</label>
            <select id="facilitation" name="facilitation">
              <option value="">${m.anyOption}</option>
              ${['PEER_LED', 'PROFESSIONAL'].map((value) => html`<option value=${value} ?selected=${f.facilitation === value}>${domain.facilitation[value]}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="joinPolicy">${m.joinPolicyLabel}</label>
            <select id="joinPolicy" name="joinPolicy">
              <option value="">${m.anyOption}</option>
              ${['OPEN', 'APPROVAL', 'INVITE_ONLY', 'FEE'].map((value) => html`<option value=${value} ?selected=${f.joinPolicy === value}>${domain.joinPolicy[value]}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="language">${m.languageLabel}</label>
            <select id="language" name="language">
              <option value="">${m.anyOption}</option>
              ${['ar', 'en'].map((value) => html`<option value=${value} ?selected=${f.language === value}>${this.i18n.languageName(value)}</option>`)}
            </select>
          </div>
          <fieldset>
            <legend>${m.formatsLabel}</legend>
            ${formatOptions.map(
              (value) => html`<label class="check"><input type="checkbox" name="formats" value=${value} .checked=${f.formats.includes(value)} />${domain.format[value]}</label><br />`,
            )}
          </fieldset>
          <label class="check"><input type="checkbox" name="acceptingMembers" .checked=${f.acceptingMembers} />${m.acceptingLabel}</label>
        </div>
      </details>
    </form>`;
  }

  #renderResults(page: GroupsPage) {
    return html`${page.crisisResources.length ? this.#renderCrisis(page.crisisResources) : nothing}${this.#renderGroups(page)}`;
  }

  /** The search sounded like someone in crisis: the help before any group. */
  #renderCrisis(resources: CrisisResource[]) {
    const m = this.#messages;
    return html`<section class="panel crisis stack" part="crisis" aria-labelledby="finder-crisis-heading">
      <h3 id="finder-crisis-heading">${m.crisisHeading}</h3>
      <p>${m.crisisLead}</p>
      <ul class="resources">
        ${resources.map((resource) => {
          const phone = telephoneHref(resource.phone);
          const url = webHref(resource.url);
          return html`<li>
            <strong dir="auto">${resource.name}</strong>
            ${resource.description ? html`<span dir="auto"> — ${resource.description}</span>` : nothing}
            ${phone ? html` <a href=${phone}>${m.crisisCall} <span dir="ltr">${resource.phone}</span></a>` : nothing}
            ${url ? html` <a href=${url.href} target="_blank" rel="noopener noreferrer" dir="ltr">${url.host}</a>` : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  #renderGroups(page: GroupsPage) {
    const m = this.#messages;
    const groups = [...page.edges.map((edge) => edge.node), ...(this.more?.groups ?? [])];
    const pageInfo = this.more?.pageInfo ?? page.pageInfo;
    if (groups.length === 0) {
      return html`<div class="panel" part="state empty">
        <h3>${m.noResultsTitle}</h3>
        <p>${m.noResultsBody}</p>
      </div>`;
    }
    return html`<div class="stack">
      <p class="muted small" aria-hidden="true">${m.resultCount(groups.length, pageInfo.hasNextPage)}</p>
      <ul class="results">
        ${repeat(groups, (group) => group.id, (group) => html`<li>${this.#renderCard(group)}</li>`)}
      </ul>
      ${pageInfo.hasNextPage
        ? html`<p><button part="load-more" ?disabled=${this.loadingMore} @click=${this.#loadMore}>${this.loadingMore ? this.common.loading : this.common.loadMore}</button></p>`
        : nothing}
    </div>`;
  }

  #renderCard(group: GroupCard) {
    const m = this.#messages;
    const domain = this.i18n.messages(domainMessages);
    const href = this.groupHref?.replaceAll('{slug}', encodeURIComponent(group.slug)).replaceAll('{id}', encodeURIComponent(group.id));
    const left = group.capacity === null || group.capacity === undefined ? null : Math.max(0, group.capacity - group.memberCount);
    const facilitators = group.facilitators.filter((person) => person.role === 'PROFESSIONAL_FACILITATOR');
    return html`<article class="card" part="card" aria-labelledby=${`g-${group.id}`}>
      <h3 part="card-title" id=${`g-${group.id}`} dir="auto">
        ${href ? html`<a href=${href}>${group.name}</a>` : html`<button type="button" @click=${() => this.#select(group)}>${group.name}</button>`}
      </h3>
      <div class="row">
        <span class="badge ${group.facilitation === 'PROFESSIONAL' ? 'accent' : ''}" part="badge">${domain.facilitation[group.facilitation]}</span>
        <span class="badge" part="badge">${domain.joinPolicy[group.joinPolicy]}</span>
      </div>
      <p class="description" dir="auto">${group.description}</p>
      ${facilitators.length
        ? html`<p class="small">${m.ledBy(this.i18n.list(facilitators.map((person) => (person.credential ? `${person.name}, ${person.credential}` : person.name))))}</p>`
        : nothing}
      ${group.topics.length ? html`<ul class="topics" aria-label=${m.topics}>${group.topics.map((topic) => html`<li class="badge" dir="auto">${topic}</li>`)}</ul>` : nothing}
      <p class="meta">
        <span>${m.members(group.memberCount)}</span>
        ${left === null ? nothing : html`<span class="status">${left === 0 ? m.full : m.places(left)}</span>`}
        <span>${this.i18n.list(group.formats.map((format) => domain.format[format] ?? format))}</span>
        <span>${m.languages(this.i18n.list(group.languages.map((code) => this.i18n.languageName(code))))}</span>
      </p>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-group-finder': HearthGroupFinder;
  }
}
