import { css } from 'lit';

/** Buttons, fields, badges, cards and the state panels, shared by every widget so they look like one product. */
export const controlStyles = css`
  h2,
  h3,
  h4,
  h5,
  h6,
  p,
  ul,
  ol,
  dl,
  dd,
  figure,
  fieldset {
    margin: 0;
  }
  h2 {
    font-size: 1.375em;
    line-height: 1.25;
    font-weight: 700;
  }
  h3 {
    font-size: 1.125em;
    line-height: 1.3;
    font-weight: 650;
  }
  h4,
  h5,
  h6 {
    font-size: 1em;
    font-weight: 650;
  }
  a {
    color: var(--accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .stack {
    display: flex;
    flex-direction: column;
    gap: calc(var(--space) * 0.75);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--space) * 0.5);
  }
  .muted {
    color: var(--muted);
  }
  .small {
    font-size: 0.875em;
  }
  button,
  .button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-block-size: 44px;
    padding-block: 0.5em;
    padding-inline: 1em;
    border-radius: var(--radius);
    border: 1px solid var(--accent);
    background: var(--surface);
    color: var(--accent);
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
    line-height: 1.2;
  }
  button.primary,
  .button.primary {
    background: var(--accent);
    color: var(--on-accent);
  }
  button.quiet {
    border-color: transparent;
    background: transparent;
    padding-inline: 0.6em;
  }
  button.danger {
    border-color: var(--danger);
    color: var(--danger);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button:hover:not(:disabled) {
    filter: brightness(0.95);
  }
  label {
    font-weight: 600;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.35em;
  }
  .field .hint {
    font-weight: 400;
    color: var(--muted);
    font-size: 0.875em;
  }
  .field .problem {
    color: var(--danger);
    font-size: 0.9em;
    font-weight: 600;
  }
  input[type='text'],
  input[type='search'],
  select,
  textarea {
    font: inherit;
    color: var(--text);
    background: var(--surface);
    border: 1px solid var(--muted);
    border-radius: calc(var(--radius) * 0.75);
    padding-block: 0.55em;
    padding-inline: 0.75em;
    min-block-size: 44px;
    inline-size: 100%;
  }
  textarea {
    min-block-size: 6em;
    resize: vertical;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--danger);
    border-width: 2px;
  }
  input[type='checkbox'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    accent-color: var(--accent);
    margin: 0;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    font-weight: 500;
    min-block-size: 44px;
  }
  details {
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding-block: 0.25em;
    padding-inline: 0.75em;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    min-block-size: 44px;
    display: flex;
    align-items: center;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding-block: 0.15em;
    padding-inline: 0.6em;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    background: var(--surface-alt);
    color: var(--text);
    border: 1px solid var(--border);
  }
  .badge.accent {
    background: var(--accent);
    color: var(--on-accent);
    border-color: var(--accent);
  }
  .badge.crisis {
    background: var(--crisis-surface);
    color: #7a2e0e;
    border-color: var(--crisis-border);
  }
  .card {
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding: var(--space);
  }
  .panel {
    border-radius: var(--radius);
    padding: var(--space);
    background: var(--surface-alt);
    border: 1px solid var(--border);
  }
  .panel.error {
    border-color: var(--danger);
  }
  .panel.crisis {
    background: var(--crisis-surface);
    border-color: var(--crisis-border);
  }
  .skeleton {
    block-size: 5em;
    border-radius: var(--radius);
    background: linear-gradient(90deg, var(--surface-alt), #e6eaed, var(--surface-alt));
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
`;
