import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { HearthElement } from '../base/hearth-element.js';
import { emit } from '../base/hearth-events.js';
import { dataOf } from '../base/load-failure.js';
import { crisisResourcesStyles, renderCrisisResources } from '../hearth-crisis-help/crisis-resources.js';
import { domainMessages } from '../localization/domain.messages.js';
import { renderGroupCard } from './group-card.js';
import { groupFinderMessages } from './hearth-group-finder.messages.js';
import { finderGroupsQuery, type FinderGroup as GroupCard, type FinderGroupsPage as GroupsPage } from './hearth-group-finder.operations.js';
import { groupFinderStyles } from './hearth-group-finder.styles.js';

type CrisisResource = GroupsPage['crisisResources'][number];

/** The memberships "My groups" lists: the groups a member belongs to or is waiting for. */
const ownStatuses = ['ACTIVE', 'PENDING', 'WAITLISTED', 'SUSPENDED'] as const;
/** More than a member takes part in; the API's own filter finds them (GroupFilter.viewerMembership). */
const myGroupsLimit = 50;

function sameFilters(a: Filters, b: Filters): boolean {
  return (
    a.text.trim() === b.text.trim() &&
    a.facilitation === b.facilitation &&
    a.joinPolicy === b.joinPolicy &&
    a.language === b.language &&
    a.acceptingMembers === b.acceptingMembers &&
    a.formats.join() === b.formats.join()
  );
}

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
 * for signed-in members (also the unlisted and private groups they may find), who also see "My groups" first and
 * their own status (member, request pending, waitlisted) on every card.
 *
 * @tagname hearth-group-finder
 * @summary Finds support groups by text (Arabic or English) and facets.
 *
 * @csspart base - The widget's outer wrapper.
 * @csspart search - The search form.
 * @csspart my-groups - The signed-in member's own groups, above the search.
 * @csspart card - One group's card.
 * @csspart membership - The viewer's own status on a card (member, pending, waitlisted, suspended).
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
  // `writers` holds the crisis help's strings (the same resource list as the writer's help panel).
  static override languagePacks = ['members', 'finder', 'writers'] as const;

  static override styles = [...HearthElement.styles, groupFinderStyles, crisisResourcesStyles];

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
      const result = await client.request(finderGroupsQuery, { filter: this.#filterInput(filters), first: pageSize }, { signal });
      return dataOf(result).groups;
    },
    args: () => [this.connection.client, this.filters, this.pageSize, this.connection.revision] as const,
  });

  /** The signed-in member's own groups; empty for a guest (or when it could not be loaded: the search still works). */
  private readonly myGroups = new Task(this, {
    task: async ([client, mayHaveMember], { signal }) => {
      // A page with no way to sign in has no member: no request.
      if (!client || !mayHaveMember) return [];
      const result = await client.request(finderGroupsQuery, { filter: { viewerMembership: [...ownStatuses] }, first: myGroupsLimit }, { signal });
      return result.kind === 'ok' ? result.data.groups.edges.map((edge) => edge.node) : [];
    },
    args: () => [this.connection.client, this.connection.mayHaveMember, this.connection.revision] as const,
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

  /**
   * A new search only when the filters really changed. Leaving the search field fires `change` with the text
   * already searched as the reader typed; re-running it then re-rendered the cards under the finger that was
   * tapping one, and the tap was lost.
   */
  #search(filters: Filters): void {
    if (!sameFilters(filters, this.filters)) this.filters = filters;
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.#debounce);
    this.#search(this.#readForm(event.currentTarget as HTMLFormElement));
  }

  /** Searches as the reader types, once they pause. */
  #typed(event: Event): void {
    const form = (event.currentTarget as HTMLElement).closest('form')!;
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => this.#search(this.#readForm(form)), 350);
  }

  #changed(event: Event): void {
    // The text field's own change (on leaving it) is the typing's: the debounce already searches for it.
    if ((event.target as HTMLElement | null)?.id === 'text') return;
    this.#search(this.#readForm(event.currentTarget as HTMLFormElement));
  }

  async #loadMore(): Promise<void> {
    const client = this.connection.client;
    const last = this.more?.pageInfo ?? this.results.value?.pageInfo;
    if (!client || !last?.endCursor) return;
    this.loadingMore = true;
    const result = await client.request(finderGroupsQuery, { filter: this.#filterInput(this.filters), first: this.pageSize, after: last.endCursor });
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
      ${this.#renderMyGroups()}
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

  /** The search sounded like someone in crisis: the help before any group, as the writer's help panel lists it. */
  #renderCrisis(resources: CrisisResource[]) {
    const m = this.#messages;
    return html`<section class="panel crisis stack" part="crisis" aria-labelledby="finder-crisis-heading">
      <h3 id="finder-crisis-heading">${m.crisisHeading}</h3>
      <p>${m.crisisLead}</p>
      ${renderCrisisResources(this.i18n, resources, 4)}
    </section>`;
  }

  /** A member's own groups, first: where they go back to most often. Nothing for a guest or a member of none. */
  #renderMyGroups() {
    const groups = this.myGroups.value ?? [];
    if (!groups.length) return nothing;
    return html`<section class="stack" part="my-groups" aria-labelledby="finder-mine-heading">
      <h3 id="finder-mine-heading">${this.#messages.myGroups}</h3>
      <ul class="results">
        ${repeat(groups, (group) => group.id, (group) => html`<li>${this.#renderCard(group, 'mine')}</li>`)}
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

  #renderCard(group: GroupCard, list: 'mine' | 'results' = 'results') {
    return renderGroupCard(group, {
      i18n: this.i18n,
      messages: this.#messages,
      domain: this.i18n.messages(domainMessages),
      href: this.groupHref?.replaceAll('{slug}', encodeURIComponent(group.slug)).replaceAll('{id}', encodeURIComponent(group.id)),
      headingId: `${list === 'mine' ? 'm' : 'g'}-${group.id}`,
      select: () => this.#select(group),
    });
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-group-finder': HearthGroupFinder;
  }
}
