import { css } from 'lit';

export const crisisHelpStyles = css`
  .help {
    background: var(--crisis-surface);
    border: 2px solid var(--crisis-border);
    border-radius: var(--radius);
    padding: var(--space);
    color: var(--text);
    /* Inline on a wide screen: scrolled to the top of the viewport, clear of a host's sticky header. */
    scroll-margin-block-start: calc(var(--space) * 4);
  }
  dialog.help {
    /* On a phone the help takes the screen from its top edge, above everything else on the page. */
    inline-size: 100%;
    max-inline-size: 40em;
    max-block-size: 100dvh;
    margin-block: 0 auto;
    margin-inline: auto;
    border-start-start-radius: 0;
    border-start-end-radius: 0;
    overflow: auto;
    overscroll-behavior: contain;
  }
  dialog.help::backdrop {
    background: rgb(15 23 42 / 0.55);
  }
  .help :is(h2, h3, h4, h5, h6) {
    margin: 0;
  }
  .help > :is(h2, h3, h4, h5, h6) {
    color: #7a2e0e;
    font-size: 1.25em;
  }
  .help :is(h2, h3, h4, h5, h6):focus {
    outline: none;
  }
  .help :is(h2, h3, h4, h5, h6):focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  .help p {
    margin: 0;
  }
  .choices {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    border: 0;
    margin: 0;
    padding: 0;
  }
  .choices legend {
    font-weight: 650;
    padding: 0;
    margin-block-end: 0.25em;
  }
  .choices button[aria-pressed='true'] {
    background: var(--accent);
    color: var(--on-accent);
  }
  .outcome {
    font-weight: 600;
  }
  .close {
    align-self: flex-end;
  }
`;
