import { css } from 'lit';

export const composerStyles = css`
  h2:focus,
  h3:focus {
    outline: none;
  }
  h2:focus-visible,
  h3:focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  .option {
    display: flex;
    flex-direction: column;
    gap: 0.35em;
  }
  .option > .hint {
    color: var(--muted);
    display: flex;
    flex-direction: column;
    gap: 0.35em;
    padding-inline-start: 1.75em;
  }
  .option .problem {
    color: var(--danger);
    font-weight: 600;
  }
  #warning-field {
    padding-inline-start: 1.75em;
  }
  [hidden] {
    display: none !important;
  }
  .sent {
    border-inline-start: 4px solid var(--accent);
  }
  .sent:focus {
    outline: none;
  }
  .sent:focus-visible,
  #failure:focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  #failure:focus {
    outline: none;
  }
  .panel.error ul {
    padding-inline-start: 1.25em;
  }
  .panel.error li + li {
    margin-block-start: 0.25em;
  }
`;
