import { css } from 'lit';

export const orgScopePickerStyles = css`
  :host {
    display: block;
    color: var(--_text);
    --_row-h: var(--qys-org-picker-row-height, 32px);
  }
  :host([hidden]) {
    display: none;
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 8px;
    background: var(--_surface);
  }
  :host(:state(user-invalid)) [part='base'] {
    border-color: var(--_danger);
  }
  [part='summary'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    color: var(--_muted);
    font-size: 0.875em;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  [part='flag'],
  [part='message'] {
    color: var(--_warning);
    font-size: 0.875em;
    margin: 0;
  }
  [part='message'] {
    color: var(--_danger);
  }
  [part='tabs'] {
    display: flex;
    gap: 2px;
    border-block-end: 1px solid var(--_border);
    flex-wrap: wrap;
  }
  [part='tab'] {
    border: 0;
    background: transparent;
    padding-block: 4px;
    padding-inline: 10px;
    border-block-end: 2px solid transparent;
    color: var(--_muted);
  }
  [part='tab'][aria-selected='true'] {
    color: var(--_primary);
    border-block-end-color: var(--_primary);
  }
  .toolbar {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
  }
  [part='search'] {
    flex: 1 1 12em;
    min-inline-size: 0;
    padding-block: 4px;
    padding-inline: 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font: inherit;
  }
  [part='filter'] {
    font-size: 0.875em;
    color: var(--_muted);
    display: inline-flex;
    gap: 4px;
    align-items: center;
  }
  [part='tree'] {
    position: relative;
    /* As tall as its rows, up to the maximum (then it scrolls). */
    max-block-size: var(--qys-org-picker-height, 320px);
    overflow: auto;
    outline: none;
    border-radius: var(--_radius);
    contain: content;
  }
  [part='tree']:focus-visible {
    box-shadow: 0 0 0 2px var(--_primary);
  }
  .spacer {
    position: relative;
    inline-size: 100%;
  }
  [part~='row'] {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 0;
    block-size: var(--_row-h);
    display: flex;
    align-items: center;
    gap: 6px;
    padding-inline-end: 8px;
    box-sizing: border-box;
    white-space: nowrap;
    cursor: default;
    border-radius: var(--_radius);
  }
  [part~='row-active'] {
    background: var(--_selected);
  }
  [part='tree']:focus-visible [part~='row-active'] {
    outline: 2px solid var(--_primary);
    outline-offset: -2px;
  }
  [part~='row'][aria-disabled='true'] {
    color: var(--_muted);
  }
  /* The triangle is drawn, not a glyph: a ▸ of a symbol font would cost the first frame a font fallback. */
  .twisty {
    flex: none;
    inline-size: 16px;
    align-self: stretch;
    display: grid;
    place-items: center;
    color: var(--_muted);
  }
  .twisty[data-open]::before,
  .twisty[data-closed]::before {
    content: '';
    inline-size: 6px;
    block-size: 8px;
    background: currentColor;
    clip-path: polygon(0 0, 100% 50%, 0 100%);
    /* Kept in forced colours: its colour is the row's (already a system colour there). */
    forced-color-adjust: none;
  }
  .twisty[data-open]::before {
    rotate: 90deg;
  }
  [part='checkbox'] {
    flex: none;
    inline-size: 14px;
    block-size: 14px;
    border: 1px solid var(--_muted);
    border-radius: 3px;
    box-sizing: border-box;
    display: inline-grid;
    place-items: center;
    font-size: 11px;
    line-height: 1;
    color: var(--_on-primary);
  }
  [part='checkbox'][data-state='checked'],
  [part='checkbox'][data-state='mixed'] {
    background: var(--_primary);
    border-color: var(--_primary);
  }
  [part='checkbox'][data-state='checked']::before {
    content: '✓';
  }
  [part='checkbox'][data-state='mixed']::before {
    content: '–';
  }
  [part='row-label'] {
    overflow: hidden;
    text-overflow: ellipsis;
    min-inline-size: 2em;
    flex: 0 1 auto;
  }
  [part='row-path'],
  [part='row-meta'],
  [part='row-reason'] {
    color: var(--_muted);
    font-size: 0.8125em;
    overflow: hidden;
    text-overflow: ellipsis;
    flex: 0 1 auto;
    min-inline-size: 0;
  }
  [part='row-path'] {
    flex: 1 1 auto;
  }
  [part='status'] {
    color: var(--_muted);
    font-size: 0.875em;
    padding: 8px;
  }
  [part='error'] {
    color: var(--_danger);
    font-size: 0.875em;
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
  }
  [part='more'],
  [part='retry'],
  [part='bulk-submit'],
  [part='recent-remove'] {
    border: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: var(--_radius);
    padding-block: 2px;
    padding-inline: 10px;
  }
  [part='current'] {
    color: var(--_muted);
    font-size: 0.8125em;
    overflow-wrap: anywhere;
    min-block-size: 1.2em;
    margin: 0;
  }
`;
