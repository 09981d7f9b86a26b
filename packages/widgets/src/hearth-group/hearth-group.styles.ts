import { css } from 'lit';

export const groupStyles = css`
  .page {
    display: flex;
    flex-direction: column;
    gap: calc(var(--space) * 1.25);
    container-type: inline-size;
  }
  .header {
    display: flex;
    flex-direction: column;
    gap: calc(var(--space) * 0.6);
  }
  .header h2 {
    overflow-wrap: anywhere;
  }
  .people,
  .topics,
  .guidelines {
    margin: 0;
    padding: 0;
  }
  .people,
  .topics {
    list-style: none;
  }
  .people {
    display: flex;
    flex-direction: column;
    gap: 0.15em;
  }
  .people li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 0.5em;
  }
  .people .name {
    font-weight: 600;
  }
  .topics {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13em), 1fr));
    gap: 0.5em var(--space);
    margin: 0;
    padding-block-start: 0.6em;
    border-block-start: 1px solid var(--border);
  }
  .facts dt {
    font-size: 0.8125em;
    font-weight: 600;
    color: var(--muted);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .layout {
    display: grid;
    gap: calc(var(--space) * 1.25);
    align-items: start;
  }
  @container (min-width: 46em) {
    .layout {
      grid-template-columns: minmax(0, 1fr) minmax(17em, 21em);
    }
  }
  .stack.tight {
    gap: 0.4em;
  }
  .description {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .guidelines {
    padding-inline-start: 1.25em;
    display: flex;
    flex-direction: column;
    gap: 0.3em;
  }
  .join {
    border-color: var(--accent);
    border-block-start-width: 4px;
  }
  .status {
    font-weight: 600;
  }
  .note {
    border-inline-start: 4px solid var(--accent);
    padding-inline-start: 0.75em;
  }
  .quote {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .fee {
    background: var(--surface-alt);
    border-radius: var(--radius);
    padding-block: 0.6em;
    padding-inline: 0.8em;
  }
  .hint {
    color: var(--muted);
    font-size: 0.875em;
  }
  .answers {
    margin: 0;
    padding-block-end: 0.75em;
  }
  .answers dt {
    font-weight: 600;
    margin-block-start: 0.5em;
  }
  .answers dd {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .confirm {
    border-color: var(--danger);
  }
  .join [part~='signed-out'] {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .conversations {
    gap: var(--space);
  }
  details.settings > summary {
    cursor: pointer;
    min-block-size: 44px;
    display: flex;
    align-items: center;
    font-weight: 600;
  }
`;
