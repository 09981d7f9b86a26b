import { html, nothing, type TemplateResult } from 'lit';

/** Where a heading sits in the host page's outline, and how it takes focus. */
export interface HeadingOptions {
  id?: string | undefined;
  part?: string | undefined;
  /** Focus may be moved to it (a panel that appears, an outcome): `tabindex="-1"`. */
  focusable?: boolean;
  dir?: 'auto' | undefined;
}

/**
 * The level a widget's heading takes: its `heading-level` attribute (2 to 5 for the widget's own heading, so
 * its sub-headings stay within h6) plus `depth` levels below it. Every widget reads its levels through this, so
 * a host page whose outline starts lower gets no skipped level anywhere.
 */
export function headingLevel(base: number | undefined, depth = 0): number {
  const start = Math.min(5, Math.max(2, Math.round(Number(base)) || 2));
  return Math.min(6, start + depth);
}

/** A heading at an outline level (Lit binds no tag names, hence the switch). */
export function heading(level: number, content: unknown, options: HeadingOptions = {}): TemplateResult {
  const id = options.id ?? nothing;
  const part = options.part ?? nothing;
  const tabindex = options.focusable ? '-1' : nothing;
  const dir = options.dir ?? nothing;
  switch (Math.min(6, Math.max(2, level))) {
    case 3:
      return html`<h3 id=${id} part=${part} tabindex=${tabindex} dir=${dir}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id} part=${part} tabindex=${tabindex} dir=${dir}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id} part=${part} tabindex=${tabindex} dir=${dir}>${content}</h5>`;
    case 6:
      return html`<h6 id=${id} part=${part} tabindex=${tabindex} dir=${dir}>${content}</h6>`;
    default:
      return html`<h2 id=${id} part=${part} tabindex=${tabindex} dir=${dir}>${content}</h2>`;
  }
}
