import { css } from 'lit';

export const threadStyles = css`
  .thread {
    display: flex;
    flex-direction: column;
    gap: calc(var(--space) * 1.25);
  }
  article.post {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
  }
  article.post h2,
  article.post h3 {
    overflow-wrap: anywhere;
  }
  .post-body {
    font-size: 1.0625em;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .reactions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  button.reaction {
    border-color: transparent;
    background: var(--surface-alt);
    border-radius: 999px;
    color: var(--text);
    font-weight: 500;
    padding-inline: 0.85em;
  }
  button.reaction[aria-pressed='true'] {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--on-accent);
    font-weight: 600;
  }
  button.reaction .count {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  button.report {
    color: var(--muted);
    font-weight: 500;
    margin-inline-start: auto;
  }
  .problem {
    color: var(--danger);
    font-weight: 600;
  }
  .replies {
    display: flex;
    flex-direction: column;
    gap: var(--space);
  }
  .reply-list,
  .answers {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--space);
  }
  .answers {
    margin-block-start: var(--space);
    margin-inline-start: clamp(0.75em, 4vw, 2em);
  }
  article.reply {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    padding-inline-start: 0.9em;
    border-inline-start: 3px solid var(--border);
  }
  article.reply:focus,
  article.post:focus {
    outline: none;
  }
  article.reply:focus-visible,
  article.post:focus-visible,
  .done:focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  .more-answers,
  .answering {
    margin-block-start: 0.5em;
    margin-inline-start: clamp(0.75em, 4vw, 2em);
  }
  .tombstone {
    font-style: italic;
    color: var(--muted);
  }
  .done {
    outline: none;
  }
  .closed {
    color: var(--muted);
  }
`;
