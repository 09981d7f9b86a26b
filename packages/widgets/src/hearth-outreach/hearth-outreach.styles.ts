import { css } from 'lit';

export const outreachStyles = css`
  .inbox,
  .outreach {
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding: calc(var(--space) * 0.75);
    background: var(--surface);
  }
  .inbox > :is(h2, h3, h4, h5, h6),
  .outreach > :is(h2, h3, h4, h5, h6) {
    margin: 0;
    font-size: 1.05em;
  }
  .messages {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .message {
    padding: 0.5em 0.75em;
    border-radius: var(--radius);
    border-inline-start: 4px solid var(--border);
    background: var(--surface-alt);
  }
  .message.facilitators {
    border-inline-start-color: var(--accent);
  }
  .message p {
    margin: 0;
  }
  .message .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .problem {
    color: var(--danger);
    font-weight: 600;
  }
`;
