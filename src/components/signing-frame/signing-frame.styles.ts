export const styles = `
  :host {
    display: flex;
    flex-direction: column;
    gap: 8px;
    color: var(--_text);
    font: inherit;
  }
  [part='frame'] {
    inline-size: 100%;
    block-size: var(--qys-signing-frame-height, 640px);
    border: 0;
  }
  p {
    margin: 0;
  }
  [hidden] {
    display: none !important;
  }
  [part='status']:empty {
    display: none;
  }
  [part='problem'] {
    padding: 12px 16px;
    border-inline-start: 4px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_danger-bg);
  }
  [part='problem-title'] {
    font-weight: 600;
  }
  [part='actions'] {
    display: flex;
    gap: 8px;
    margin-block-start: 8px;
  }
  [part='button'] {
    padding: 4px 12px;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    font: inherit;
    cursor: pointer;
  }
  [part='details'] {
    color: var(--_muted);
    font-size: 12px;
  }
`;
