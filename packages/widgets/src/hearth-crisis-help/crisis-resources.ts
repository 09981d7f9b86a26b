import { css, html, nothing, type TemplateResult } from 'lit';
import { heading } from '../base/heading.js';
import type { LocaleController } from '../localization/locale-controller.js';
import { crisisContacts, inReaderLanguageFirst, type CrisisResourceView } from '../content/crisis-contacts.js';
import { crisisHelpMessages } from './hearth-crisis-help.messages.js';

/**
 * The list of crisis resources, the same part wherever help is shown (the writer's help panel, the report form
 * of a thread): the reader's language first, each resource with the links that work on a phone. Each name is a
 * heading at `level` where the panel has a heading of its own, else bold text (the report form has none).
 */
export function renderCrisisResources(i18n: LocaleController, resources: readonly CrisisResourceView[], level: number | null): TemplateResult {
  const m = i18n.messages(crisisHelpMessages);
  return html`<ul class="crisis-resources" part="crisis-resources">
    ${inReaderLanguageFirst(resources, i18n.locale).map((resource) => {
      const contacts = crisisContacts(resource);
      return html`<li>
        ${level ? heading(level, resource.name, { dir: 'auto' }) : html`<p dir="auto"><strong>${resource.name}</strong></p>`}
        ${resource.description ? html`<p dir="auto">${resource.description}</p>` : nothing}
        ${contacts.call || contacts.text || contacts.online
          ? html`<div class="row">
              ${contacts.call ? html`<a class="button primary" href=${contacts.call.href}>${m.call} <bdi dir="ltr">${contacts.call.number}</bdi></a>` : nothing}
              ${contacts.text ? html`<a class=${contacts.call ? 'button' : 'button primary'} href=${contacts.text.href}>${m.text} <bdi dir="ltr">${contacts.text.number}</bdi></a>` : nothing}
              ${contacts.online
                ? html`<a href=${contacts.online.href} target="_blank" rel="noopener noreferrer">${m.online}: <bdi dir="ltr">${contacts.online.host}</bdi></a>`
                : nothing}
            </div>`
          : resource.phone
            ? html`<p dir="auto">${resource.phone}</p>`
            : nothing}
      </li>`;
    })}
  </ul>`;
}

export const crisisResourcesStyles = css`
  .crisis-resources {
    list-style: none;
    padding: 0;
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--space) * 0.75);
  }
  .crisis-resources > li {
    background: var(--surface);
    border: 1px solid var(--crisis-border);
    border-radius: var(--radius);
    padding: calc(var(--space) * 0.75);
    display: flex;
    flex-direction: column;
    gap: 0.4em;
  }
  .crisis-resources :is(h3, h4, h5, h6) {
    font-size: 1em;
    margin: 0;
  }
  .crisis-resources p {
    margin: 0;
  }
  .crisis-resources a {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    min-block-size: 44px;
    font-weight: 600;
  }
`;
