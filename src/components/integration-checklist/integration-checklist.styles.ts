import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  h2 {
    font-size: 1.25em;
    margin: 0;
  }
  h3 {
    font-size: 1.05em;
    margin: 0 0 0.5rem;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    justify-content: space-between;
    align-items: flex-start;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
  }
  .muted,
  .where,
  .note {
    color: var(--_muted);
    margin: 0.25rem 0 0;
  }
  .inputs {
    display: grid;
    gap: 0.75rem;
    margin-block: 1rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    border: 0;
    padding: 0;
    margin: 0;
  }
  .radio {
    display: inline-flex;
    gap: 0.25rem;
    margin-inline-end: 1rem;
    align-items: center;
  }
  input:not([type='radio']) {
    font: inherit;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 4px;
    max-inline-size: 36rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .error {
    color: var(--_danger);
  }
  .section {
    margin-block: 1.25rem;
  }
  .section-head {
    display: flex;
    gap: 1rem;
    align-items: center;
  }
  .items,
  .checks {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    display: grid;
    grid-template-columns: minmax(10rem, 16rem) 1fr;
    gap: 0.25rem 1rem;
    padding-block: 0.5rem;
    border-block-end: 1px solid var(--_border);
  }
  @media (max-width: 640px) {
    .item {
      grid-template-columns: 1fr;
    }
  }
  .label {
    font-weight: 600;
  }
  .value-row {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }
  .value {
    font-family: var(--_mono);
    background: var(--_surface-muted);
    padding: 0.1rem 0.4rem;
    border-radius: 4px;
    word-break: break-all;
  }
  .value.code {
    margin: 0;
    padding: 0.5rem;
    white-space: pre-wrap;
    flex: 1;
  }
  .setting {
    font-weight: 600;
  }
  .missing {
    color: var(--_danger);
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 4px;
    padding: 0.2rem 0.7rem;
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button.secondary,
  button.copy {
    background: transparent;
    color: var(--_primary-text);
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    padding-block: 0.4rem;
  }
  .badge {
    inline-size: 1.4em;
    text-align: center;
    font-weight: 700;
  }
  .check.pass .badge,
  .check.pass .status {
    color: var(--_success);
  }
  .check.fail .badge,
  .check.fail .status {
    color: var(--_danger);
  }
  .fix {
    margin-block-start: 0.2rem;
  }
  .notice {
    color: var(--_danger);
  }
`;
