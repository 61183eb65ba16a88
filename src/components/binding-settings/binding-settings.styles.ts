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
  .summary {
    display: block;
  }
  .summary p {
    margin: 0 0 0.3em;
    font-weight: 600;
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .summary a {
    color: var(--_danger);
  }
  .warning {
    border: 1px solid var(--_warning);
    color: var(--_warning);
    background: var(--_warning-bg);
    border-radius: 6px;
    padding-inline: 0.8em;
    margin-block: 0.5em;
  }
  .note {
    color: var(--_warning);
    margin-block: 0.3em;
  }
  section {
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 1em;
    margin-block-end: 1em;
  }
  .field {
    display: grid;
    grid-template-columns: var(--qys-binding-settings-label-width, 14em) 1fr;
    gap: 0.75em;
    padding-block: 0.5em;
  }
  @media (max-width: 640px) {
    .field {
      grid-template-columns: 1fr;
    }
  }
  .label {
    padding-block-start: 0.35em;
    font-weight: 500;
  }
  .req {
    color: var(--_danger);
    margin-inline-start: 0.2em;
  }
  .row {
    display: flex;
    gap: 0.5em;
    align-items: center;
    flex-wrap: wrap;
  }
  input[type='text'],
  input[type='password'],
  select {
    font: inherit;
    padding-block: 0.35em;
    padding-inline: 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: min(28em, 100%);
    flex: 1;
    box-sizing: border-box;
  }
  /* Buttons beside a field (复制, 重新生成) stay on its line down to narrow widths (1024 px included). */
  .row > input {
    min-inline-size: 12em;
  }
  .row > button {
    flex: none;
    white-space: nowrap;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint,
  .error,
  .note {
    margin-block: 0.25em 0;
    font-size: 0.9em;
  }
  .radios {
    display: flex;
    gap: 1.2em;
    padding-block-start: 0.35em;
  }
  .secret-set {
    color: var(--_success);
  }
  /* The field's own label says 内外网自动登录: the editor's title stays for screen readers only. */
  qys-network-strategy-editor::part(legend) {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .save-bar {
    margin-block: 1em;
  }
  .saved-notice {
    margin: 0;
    font-weight: 600;
  }
  .progress {
    block-size: 0.5em;
    background: var(--_divider);
    border-radius: 999px;
    overflow: hidden;
    margin-block: 0.5em;
  }
  .bar-fill {
    block-size: 100%;
    background: var(--_primary);
    transition: inline-size 0.2s;
  }
  .steps {
    padding-inline-start: 1.4em;
  }
  .step span + span {
    margin-inline-start: 0.6em;
  }
  .step-detail {
    color: var(--_muted);
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
  .diff td {
    word-break: break-all;
  }
  .pick {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    gap: 0.8em;
  }
`;
