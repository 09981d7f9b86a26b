import { html, nothing, type TemplateResult } from 'lit';
import type { CommonMessages } from '../localization/common.messages.en.js';
import { fields, type Field, type FieldProblems } from './composer-draft.js';
import type { ComposerMessages } from './hearth-composer.messages.en.js';

/**
 * The composer's labelled fields and the summary of their problems: each problem sits under its field, linked by
 * aria-describedby, and the summary above the form lists them all, each a link to its field.
 */

/** The ids a field is described by: its hint, and its problem when it has one. */
export function describedBy(problems: FieldProblems, field: Field, hint: boolean): string {
  return [hint ? `${field}-hint` : '', problems[field] ? `${field}-problem` : ''].filter(Boolean).join(' ');
}

export function renderField(problems: FieldProblems, field: Field, label: string, hint: string, control: TemplateResult) {
  const problem = problems[field];
  return html`<div class="field" part="field">
    <label for=${field}>${label}</label>
    <span id=${`${field}-hint`} class="hint">${hint}</span>
    ${control}
    ${problem ? html`<span id=${`${field}-problem`} class="problem">${problem}</span>` : nothing}
  </div>`;
}

/** Lists the fields to fix, each a link-like button to its field (the first one already has focus). */
export function renderProblemSummary(m: ComposerMessages, common: CommonMessages, problems: FieldProblems, replying: boolean, root: HTMLElement | DocumentFragment) {
  const invalid = fields.filter((field) => problems[field]);
  if (!invalid.length) return nothing;
  const jumpTo = (event: Event, field: Field) => {
    event.preventDefault();
    (root.querySelector(`#${field}`) as HTMLElement | null)?.focus();
  };
  return html`<div class="panel error" part="state">
    <p><strong>${common.checkFields}</strong></p>
    <ul>
      ${invalid.map((field) => html`<li><a href=${`#${field}`} @click=${(event: Event) => jumpTo(event, field)}>${labelOf(m, field, replying)}: ${problems[field]}</a></li>`)}
    </ul>
  </div>`;
}

function labelOf(m: ComposerMessages, field: Field, replying: boolean): string {
  return { title: m.titleLabel, body: replying ? m.replyBodyLabel : m.bodyName, contentWarning: m.contentWarningLabel, anonymous: replying ? m.anonymousReply : m.anonymousPost }[field];
}
