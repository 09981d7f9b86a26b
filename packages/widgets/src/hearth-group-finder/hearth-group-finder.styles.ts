import { css } from 'lit';

export const groupFinderStyles = css`
  form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--space) * 0.75);
  }
  .search-row {
    display: flex;
    gap: calc(var(--space) * 0.5);
    align-items: flex-end;
  }
  .search-row .field {
    flex: 1 1 auto;
    min-inline-size: 0;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: calc(var(--space) * 0.75);
    padding-block: 0.5em 0.75em;
  }
  fieldset {
    border: 0;
    padding: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.25em;
  }
  .results {
    list-style: none;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18em), 1fr));
    gap: var(--space);
  }
  .results > li {
    display: flex;
  }
  article {
    display: flex;
    flex-direction: column;
    gap: 0.6em;
    inline-size: 100%;
  }
  article h3 a,
  article h3 button {
    all: unset;
    color: var(--accent);
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  article h3 a:focus-visible,
  article h3 button:focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  .description {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .topics {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    list-style: none;
    padding: 0;
  }
  .meta {
    margin-block-start: auto;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    color: var(--muted);
    font-size: 0.875em;
  }
  .status {
    font-weight: 600;
  }
  .crisis {
    background: var(--crisis-surface);
    border-color: var(--crisis-border);
  }
  /* The viewer's own status: outlined in the accent so it reads apart from the group's facts. */
  .badge.mine {
    border-color: var(--accent);
    color: var(--accent);
    background: var(--surface);
  }
`;
