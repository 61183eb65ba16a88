import { css } from 'lit';

export const networkStrategyEditorStyles = css`
  :host {
    display: block;
    color: var(--_text);
    --_gap: var(--qys-network-strategy-editor-gap, 0.75rem);
    --_error: var(--_danger);
  }
  :host([hidden]) {
    display: none;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
    display: grid;
    gap: var(--_gap);
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.5rem;
  }
  .modes {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
    border: 0;
    margin: 0;
    padding: 0;
  }
  .modes label,
  .presets label {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    cursor: pointer;
  }
  .hint,
  .muted {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0;
  }
  h3 {
    font-size: 1em;
    margin: 0;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.375rem;
    max-block-size: var(--qys-network-strategy-editor-list-max-height, 24rem);
    overflow: auto;
  }
  li {
    display: grid;
    grid-template-columns: 2.5em 1fr auto;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  .num {
    color: var(--_muted);
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .msg {
    grid-column: 2 / 4;
    font-size: 0.875em;
    margin: 0;
  }
  .msg.error {
    color: var(--_error);
  }
  .msg.warning {
    color: var(--_warning);
  }
  input[type='text'],
  textarea {
    font: inherit;
    box-sizing: border-box;
    inline-size: 100%;
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  button {
    font: inherit;
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible,
  textarea:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .add {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25rem 0.5rem;
    align-items: start;
  }
  .add label,
  .add .hint {
    grid-column: 1 / 3;
  }
  .presets {
    display: grid;
    gap: 0.25rem;
  }
  .try {
    display: grid;
    gap: 0.375rem;
    padding: 0.75rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .try output {
    display: block;
  }
  .zone-internal {
    font-weight: 600;
  }
  .invalid-text {
    color: var(--_error);
    margin: 0;
  }
`;
