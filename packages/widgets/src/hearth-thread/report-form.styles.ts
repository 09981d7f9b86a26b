import { css } from 'lit';

export const reportFormStyles = css`
  form.report-form {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
    max-inline-size: 36em;
  }
  .problem {
    color: var(--danger);
    font-weight: 600;
  }
`;
