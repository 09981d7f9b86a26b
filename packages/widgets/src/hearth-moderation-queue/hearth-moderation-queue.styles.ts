import { css } from 'lit';

export const moderationQueueStyles = css`
  .desk {
    gap: calc(var(--space) * 2);
  }
  h2:focus,
  h3:focus,
  .done:focus {
    outline: none;
  }
  h2:focus-visible,
  h3:focus-visible,
  .done:focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  .cards {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--space);
  }
  .group-name {
    font-weight: 650;
  }
  .answers {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  .answers dt {
    font-weight: 600;
    font-size: 0.9375em;
  }
  .answers dd {
    margin: 0 0 0.5em;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--border);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .item.crisis {
    border-width: 2px;
    border-inline-start-width: 6px;
  }
  .crisis-badge {
    background: #7a2e0e;
    color: #ffffff;
    border-color: #7a2e0e;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .kind {
    color: var(--muted);
    font-weight: 600;
  }
  .subject {
    background: var(--surface-alt);
    border-radius: calc(var(--radius) * 0.75);
    padding: calc(var(--space) * 0.75);
    gap: 0.5em;
  }
  .item.crisis .subject {
    background: var(--surface);
  }
  .subject .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .notes {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    overflow-wrap: anywhere;
  }
  .notes li {
    display: flex;
    flex-direction: column;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--border);
  }
  .actions {
    display: flex;
    flex-direction: column;
    gap: 0.35em;
  }
  .buttons {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8em, 1fr));
    gap: 0.5em;
  }
  .buttons button[aria-pressed='true'] {
    box-shadow: inset 0 0 0 2px currentColor;
  }
  .done {
    font-weight: 600;
    border-inline-start: 4px solid var(--accent);
    padding-inline-start: 0.75em;
  }
  .choice {
    border-block-start: 1px solid var(--border);
    padding-block-start: calc(var(--space) * 0.75);
  }
  .item.crisis .choice {
    border-color: var(--crisis-border);
  }
  .problem {
    color: var(--danger);
    font-weight: 600;
  }
  .confirm {
    border-color: var(--danger);
  }
  .badge.risk {
    font-weight: 700;
    border-color: #7a2e0e;
  }
  .badge.risk-imminent {
    background: var(--danger);
    border-color: var(--danger);
    color: #ffffff;
  }
  .badge.risk-high {
    background: #fef0c7;
    color: #7a2e0e;
  }
  .crisis-actions .primary {
    grid-column: 1 / -1;
  }
  .waiting {
    font-weight: 650;
    color: #7a2e0e;
  }
  .more > summary {
    cursor: pointer;
    font-weight: 600;
    min-block-size: 44px;
    display: flex;
    align-items: center;
  }
  .more[open] > summary {
    margin-block-end: 0.5em;
  }
`;
