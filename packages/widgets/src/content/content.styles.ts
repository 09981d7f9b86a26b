import { css } from 'lit';

/** How posts and replies read in the feed and the thread: calm, roomy lines of a comfortable length. */
export const contentStyles = css`
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .badge.pending {
    background: var(--crisis-surface);
    border-color: var(--crisis-border);
    color: #7a2e0e;
  }
  .byline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.6em;
    color: var(--muted);
    font-size: 0.9375em;
  }
  .byline .author {
    color: var(--text);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .byline .badge {
    font-size: 0.75em;
  }
  .byline .when {
    display: inline-flex;
    gap: 0.35em;
  }
  .post-body,
  .excerpt {
    line-height: 1.7;
    max-inline-size: 42em;
    overflow-wrap: anywhere;
  }
  .post-body p,
  .post-body ul,
  .post-body ol {
    margin-block: 0 0.75em;
  }
  .post-body > :last-child {
    margin-block-end: 0;
  }
  .post-body ul,
  .post-body ol {
    padding-inline-start: 1.5em;
  }
  .post-body li + li {
    margin-block-start: 0.25em;
  }
  .warning {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding-block: 0.75em;
    padding-inline: 1em;
    border-radius: var(--radius);
    background: var(--surface-alt);
    border: 1px dashed var(--muted);
  }
  .warning p {
    flex: 1 1 14em;
  }
  .reaction-totals {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.9em;
    list-style: none;
    padding: 0;
  }
  .reaction-totals .count {
    font-weight: 700;
    color: var(--text);
  }
`;
