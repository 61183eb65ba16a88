import { css } from 'lit';

export const browseFieldStyles = css`
  :host {
    display: block;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  .field {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }
  ul.tags {
    display: contents;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.picked {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    max-block-size: 96px;
    overflow: auto;
  }
  .tag {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    max-inline-size: 100%;
    min-block-size: 28px;
    padding-block: 2px;
    padding-inline: 8px 4px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--qys-browse-field-tag-background, var(--_surface-muted));
  }
  .tag.missing {
    border-color: var(--_danger);
    background: var(--qys-browse-field-missing-background, var(--_danger-bg));
  }
  .tag img {
    inline-size: var(--qys-browse-field-tag-image-size, 24px);
    block-size: var(--qys-browse-field-tag-image-size, 24px);
    object-fit: contain;
  }
  .tag-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .badge {
    font-size: 0.85em;
    color: var(--_danger);
    font-weight: 600;
  }
  .muted {
    color: var(--_muted);
  }
  button {
    font: inherit;
    min-block-size: 28px;
    padding-block: 2px;
    padding-inline: 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    cursor: pointer;
  }
  button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button.icon {
    min-block-size: 22px;
    padding-inline: 6px;
    border-color: transparent;
    background: transparent;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  [tabindex]:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 1px;
  }
  .error,
  .notice {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.9em;
  }
  .error {
    color: var(--_danger);
  }
  dialog {
    inline-size: min(var(--qys-browse-field-dialog-width, 760px), calc(100vw - 32px));
    max-block-size: calc(100vh - 32px);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: 8px;
    color: inherit;
    background: var(--_surface);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  .dialog {
    display: flex;
    flex-direction: column;
    gap: 10px;
    padding: 16px;
  }
  h2 {
    margin: 0;
    font-size: 1.1em;
  }
  .toolbar {
    display: flex;
    gap: 8px;
  }
  .toolbar input {
    flex: 1;
  }
  input,
  select {
    font: inherit;
    min-block-size: 32px;
    padding-inline: 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: inherit;
    background: var(--_surface);
  }
  .status {
    min-block-size: 1.4em;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .scroller {
    position: relative;
    block-size: var(--qys-browse-field-list-height, 360px);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    contain: strict;
  }
  .list {
    position: relative;
    outline-offset: -2px;
  }
  .row,
  .grid-row {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 0;
    box-sizing: border-box;
  }
  .row {
    display: flex;
    flex-direction: column;
    justify-content: center;
    padding-inline: 12px;
    border-block-end: 1px solid var(--_divider);
    cursor: pointer;
  }
  .grid-row {
    display: grid;
    gap: 8px;
    padding: 4px 8px;
  }
  .cell {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 4px;
    min-inline-size: 0;
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    cursor: pointer;
    text-align: center;
  }
  .cell img {
    inline-size: 72px;
    block-size: 72px;
    object-fit: contain;
  }
  .row .line {
    display: flex;
    align-items: baseline;
    gap: 0.5em;
    max-inline-size: 100%;
    min-inline-size: 0;
  }
  .row .line .badge {
    flex: none;
  }
  .cell .name,
  .row .name {
    max-inline-size: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .facts {
    font-size: 0.85em;
    color: var(--_muted);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-inline-size: 100%;
  }
  [aria-selected='true'] {
    background: var(--qys-browse-field-selected-background, var(--_selected));
    border-color: var(--_primary);
  }
  .active {
    box-shadow: inset 0 0 0 2px var(--_primary);
  }
  /* 停用: marked in words (badge) and aria-disabled; the look only supports it */
  .row[aria-disabled='true'],
  .cell[aria-disabled='true'] {
    cursor: not-allowed;
    background: var(--qys-browse-field-disabled-background, var(--_surface-muted));
  }
  .row[aria-disabled='true'] .name,
  .cell[aria-disabled='true'] .name {
    color: var(--_muted);
  }
  [aria-busy='true'] {
    color: var(--_muted);
  }
  .empty {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 16px;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .empty p {
    margin: 0;
  }
  .progress {
    block-size: 6px;
    border-radius: 3px;
    background: var(--_divider);
    overflow: hidden;
  }
  .progress > div {
    block-size: 100%;
    background: var(--_primary);
  }
  .footer {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .footer .count {
    margin-inline-end: auto;
    color: var(--_muted);
  }
`;
