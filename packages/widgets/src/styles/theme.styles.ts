import { css } from 'lit';

/**
 * The design tokens every widget uses, each a `--hearth-*` custom property a host page may set (on `:root`, or
 * on one widget). The defaults meet 4.5:1 contrast on the default surface.
 *
 * The `:host` rules are `!important` on purpose: in the cascade an important declaration inside a shadow tree
 * beats an important one outside it, so a host page's global resets (`* { all: unset !important }`,
 * `body { font: … !important }`) cannot change how a widget lays out or reads. Properties a host legitimately
 * sets on the element (margins, width) are left alone. Sizes are in `em` from `font-size: medium` (the reader's
 * own default size), never `rem`, so a host's `html { font-size: 62.5% }` cannot shrink a widget.
 */
export const themeStyles = css`
  :host {
    display: block !important;
    box-sizing: border-box !important;
    min-inline-size: 0 !important;
    font-family: var(--hearth-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Tahoma, sans-serif) !important;
    font-size: var(--hearth-font-size, medium) !important;
    font-weight: 400 !important;
    font-style: normal !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-align: start !important;
    text-indent: 0 !important;
    white-space: normal !important;
    visibility: visible !important;
    color: var(--hearth-color-text, #1f2933) !important;
    cursor: auto !important;
    -webkit-text-size-adjust: 100%;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .base {
    /* Holds the visually hidden live regions and labels, so they never hang off the host page's edge. */
    position: relative;
    --accent: var(--hearth-color-accent, #0f6b66);
    --on-accent: var(--hearth-color-on-accent, #ffffff);
    --text: var(--hearth-color-text, #1f2933);
    --muted: var(--hearth-color-muted, #4b5563);
    --surface: var(--hearth-color-surface, #ffffff);
    --surface-alt: var(--hearth-color-surface-alt, #f4f6f7);
    --border: var(--hearth-color-border, #c5ccd3);
    --danger: var(--hearth-color-danger, #b42318);
    --crisis-surface: var(--hearth-color-crisis-surface, #fff4e5);
    --crisis-border: var(--hearth-color-crisis-border, #b54708);
    --focus: var(--hearth-color-focus, #1d4ed8);
    --radius: var(--hearth-radius, 8px);
    --space: var(--hearth-space, 16px);
    color: var(--text);
  }
  :focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
