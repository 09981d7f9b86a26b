import { html, nothing } from 'lit';
import { whoCanRevealAnonymousAuthors } from '../content/anonymity-wording.js';
import { domainMessages } from '../localization/domain.messages.js';
import type { LocaleController } from '../localization/locale-controller.js';
import { groupMessages } from './hearth-group.messages.js';
import type { Group, InvitationPreview } from './hearth-group.operations.js';

/**
 * The group's header and details, as anyone who may see the group reads them: who runs it and how, what it is
 * about, when and where it meets, how many places are left, its guidelines and its privacy rules in plain words.
 * Pure rendering: nothing here changes state, so it takes only the element's locale.
 */

const scheduledFormats = new Set(['IN_PERSON', 'VIDEO', 'PHONE']);

/** The name, institution, badges, facilitators, topics and facts (`part="header"`). */
export function renderGroupHeader(i18n: LocaleController, group: Group) {
  const m = i18n.messages(groupMessages);
  const domain = i18n.messages(domainMessages);
  const left = group.capacity === null || group.capacity === undefined ? null : Math.max(0, group.capacity - group.memberCount);
  const timeZone = group.formats.some((format) => scheduledFormats.has(format)) ? timeZoneName(i18n.locale, group.timeZone) : undefined;
  return html`<header class="header" part="header">
    <div>
      <h2 id="group-name" dir="auto">${group.name}</h2>
      <p class="muted" dir="auto">${group.institution.name}</p>
    </div>
    ${renderBadges(i18n, group)}
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
      ${fact(m.languages, i18n.list(group.languages.map((code) => i18n.languageName(code))))}
      ${fact(m.formats, i18n.list(group.formats.map((format) => domain.format[format] ?? format)))}
      ${group.location ? fact(m.location, html`<span dir="auto">${group.location}</span>`) : nothing}
      ${timeZone ? fact(m.timeZone, timeZone) : nothing}
      ${fact(m.membersLabel, html`${m.members(group.memberCount)}${left === null ? nothing : html` · <strong>${left === 0 ? m.full : m.places(left)}</strong>`}`)}
    </dl>
  </header>`;
}

/** The header of a PRIVATE group seen through an invitation: only what the invitation's preview tells. */
export function renderInvitationHeader(i18n: LocaleController, invitation: InvitationPreview) {
  return html`<header class="header" part="header">
      <h2 id="group-name" dir="auto">${invitation.groupName}</h2>
      ${renderBadges(i18n, invitation)}
    </header>
    <p class="description" dir="auto">${invitation.groupDescription}</p>`;
}

/** The description, the guidelines and the privacy rules: what a reader weighs before joining. */
export function renderGroupDetails(i18n: LocaleController, group: Group) {
  const m = i18n.messages(groupMessages);
  const privacy = group.allowsAnonymousPosts
    ? `${m.anonymousAllowed} ${whoCanRevealAnonymousAuthors(i18n.messages(domainMessages), group.anonymousAuthorsRevealableBy)}`
    : m.namedPosts;
  return html`<div class="about stack">
    <p class="description" dir="auto">${group.description}</p>
    ${renderGuidelines(i18n, group.guidelines)}
    <section class="stack tight" aria-labelledby="privacy-heading">
      <h3 id="privacy-heading">${m.privacy}</h3>
      <p>${privacy}</p>
      <p>${m.heldPosts(group.heldFirstPosts)}</p>
    </section>
  </div>`;
}

function renderBadges(i18n: LocaleController, group: { facilitation: string; joinPolicy: string }) {
  const domain = i18n.messages(domainMessages);
  return html`<div class="row">
    <span class="badge ${group.facilitation === 'PROFESSIONAL' ? 'accent' : ''}" part="badge">${domain.facilitation[group.facilitation]}</span>
    <span class="badge" part="badge">${domain.joinPolicy[group.joinPolicy]}</span>
  </div>`;
}

/** Guidelines as the facilitators wrote them: one rule per line becomes a list. */
function renderGuidelines(i18n: LocaleController, guidelines: string) {
  const lines = guidelines
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (!lines.length) return nothing;
  return html`<section class="stack tight" part="guidelines" aria-labelledby="guidelines-heading">
    <h3 id="guidelines-heading">${i18n.messages(groupMessages).guidelines}</h3>
    ${lines.length > 1 ? html`<ul class="guidelines">${lines.map((line) => html`<li dir="auto">${line}</li>`)}</ul>` : html`<p dir="auto">${lines[0]}</p>`}
  </section>`;
}

function fact(term: string, value: unknown) {
  return html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
}

/** "Arabian Standard Time", "توقيت المملكة المتحدة": the zone the group's meeting times are in. */
function timeZoneName(locale: string, timeZone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts().find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    return timeZone;
  }
}
