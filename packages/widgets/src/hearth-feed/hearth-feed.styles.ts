import { css } from 'lit';

export const feedStyles = css`
  .views {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .views button[aria-pressed='true'] {
    background: var(--accent);
    color: var(--on-accent);
  }
  .posts {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--space);
  }
  article.post {
    display: flex;
    flex-direction: column;
    gap: 0.6em;
    padding-block: calc(var(--space) * 1.1);
    padding-inline: calc(var(--space) * 1.1);
  }
  article.post:focus {
    outline: none;
  }
  article.post:focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  article.post h3 {
    overflow-wrap: anywhere;
  }
  .excerpt {
    color: var(--text);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1.25em;
    color: var(--muted);
    font-size: 0.9375em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .thread-region:not(:empty) {
    border-block-start: 1px solid var(--border);
    padding-block-start: var(--space);
    margin-block-start: 0.25em;
  }
  .tombstone {
    font-style: italic;
    color: var(--muted);
  }
`;
