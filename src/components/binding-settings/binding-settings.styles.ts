import { css } from 'lit';

export const bindingSettingsStyles = css`
  :host {
    display: block;
    font-size: var(--qys-font-size, 14px);
    color: var(--_text);
  }
  [hidden] {
    display: none !important;
  }
  /* the elements it shows take its font (size included), not --qys-font again */
  qys-org-scope-picker,
  qys-network-strategy-editor {
    font: inherit;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 0.75em;
    margin-block-end: 0.75em;
  }
  h2 {
    font-size: 1.3em;
    margin: 0;
    flex: 1;
  }
  h3 {
    font-size: 1.1em;
    margin-block: 0 0.5em;
  }
  button {
    font: inherit;
    padding-block: 0.3em;
    padding-inline: 0.8em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  button.danger {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  dialog button.danger {
    background: var(--_danger);
    color: var(--_on-primary);
  }
  :focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  th,
  td {
    text-align: start;
    padding-block: 0.45em;
    padding-inline: 0.6em;
    border-block-end: 1px solid var(--_border);
  }
  thead th {
    color: var(--_muted);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  td.actions {
    display: table-cell;
  }
  td.actions button + button {
    margin-inline-start: 0.4em;
  }
  .badge {
    display: inline-block;
    padding-inline: 0.5em;
    border-radius: 999px;
    background: var(--_info-bg);
    color: var(--_info);
    font-size: 0.85em;
  }
  .badge.warn {
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  .status-ok {
    color: var(--_success);
  }
  .status-error {
    color: var(--_danger);
  }
  .status-unknown,
  .muted,
  .hint {
    color: var(--_muted);
  }
  .empty {
    padding: 1.5em;
    text-align: center;
    color: var(--_muted);
    border: 1px dashed var(--_border);
    border-radius: 6px;
  }
  .error,
  .step-fail .step-status {
    color: var(--_danger);
  }
  .ok,
  .step-pass .step-status {
    color: var(--_success);
  }
  .error-box,
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    border: 1px solid var(--_danger);
    border-radius: 6px;
    padding: 0.6em 0.8em;
    margin-block: 0.5em;
  }
  .note {
    color: var(--_warning);
    margin-block: 0.3em;
  }
  .hint,
  .error,
  .note {
    margin-block: 0.25em 0;
    font-size: 0.9em;
  }
  .dialog {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 1.2em;
    max-inline-size: min(44em, 92vw);
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  .dialog .actions {
    justify-content: flex-end;
    margin-block-start: 1em;
  }
`;
