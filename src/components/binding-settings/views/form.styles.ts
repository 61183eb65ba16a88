import { css } from 'lit';

/**
 * The edit form's CSS (fields, rows, inputs, summary, connection-test progress, org and sync panels,
 * conflict diff): in the form view's on-demand chunk with the form itself; <qys-binding-settings> adopts it
 * into its shadow root when that chunk has arrived (the list view, its first paint, does not need it).
 */
export const formStyles = css`
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
