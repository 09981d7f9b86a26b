import { html, nothing } from 'lit';
import type { DomainMessages } from '../localization/domain.messages.en.js';
import type { LocaleController } from '../localization/locale-controller.js';
import type { GroupFinderMessages } from './hearth-group-finder.messages.en.js';
import type { FinderGroup } from './hearth-group-finder.operations.js';

export interface GroupCardOptions {
  i18n: LocaleController;
  messages: GroupFinderMessages;
  domain: DomainMessages;
  /** The group's page on the host site; without it the name is a button that calls `select`. */
  href: string | undefined;
  /** Unique in the finder (a group can be both in "My groups" and in the results). */
  headingId: string;
  select: () => void;
}

/** The viewer's own place in the group, as the card names it; nothing for a guest or a non-member. */
function membershipBadge(group: FinderGroup, m: GroupFinderMessages) {
  const membership = group.viewerMembership;
  const label = !membership ? null : membership.status === 'WAITLISTED' ? m.waitlisted(membership.waitlistPosition ?? null) : (m.membership[membership.status] ?? null);
  return label ? html`<span class="badge mine" part="badge membership">${label}</span>` : nothing;
}

/** One group's card: name (a link or a button), badges, description, who leads it, topics and the facts. */
export function renderGroupCard(group: FinderGroup, options: GroupCardOptions) {
  const { i18n, messages: m, domain, href, headingId } = options;
  const left = group.capacity === null || group.capacity === undefined ? null : Math.max(0, group.capacity - group.memberCount);
  const facilitators = group.facilitators.filter((person) => person.role === 'PROFESSIONAL_FACILITATOR');
  return html`<article class="card" part="card" aria-labelledby=${headingId}>
    <h3 part="card-title" id=${headingId} dir="auto">
      ${href ? html`<a href=${href}>${group.name}</a>` : html`<button type="button" @click=${options.select}>${group.name}</button>`}
    </h3>
    <div class="row">
      ${membershipBadge(group, m)}
      <span class="badge ${group.facilitation === 'PROFESSIONAL' ? 'accent' : ''}" part="badge">${domain.facilitation[group.facilitation]}</span>
      <span class="badge" part="badge">${domain.joinPolicy[group.joinPolicy]}</span>
    </div>
    <p class="description" dir="auto">${group.description}</p>
    ${facilitators.length
      ? html`<p class="small">${m.ledBy(i18n.list(facilitators.map((person) => (person.credential ? `${person.name}, ${person.credential}` : person.name))))}</p>`
      : nothing}
    ${group.topics.length ? html`<ul class="topics" aria-label=${m.topics}>${group.topics.map((topic) => html`<li class="badge" dir="auto">${topic}</li>`)}</ul>` : nothing}
    <p class="meta">
      <span>${m.members(group.memberCount)}</span>
      ${left === null ? nothing : html`<span class="status">${left === 0 ? m.full : m.places(left)}</span>`}
      <span>${i18n.list(group.formats.map((format) => domain.format[format] ?? format))}</span>
      <span>${m.languages(i18n.list(group.languages.map((code) => i18n.languageName(code))))}</span>
    </p>
  </article>`;
}
