export const styles = `
  :host {
    display: flex;
    flex-direction: column;
    gap: 8px;
    color: var(--qys-color-text, #1f2329);
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
    border-inline-start: 4px solid var(--qys-color-danger, #d83931);
    border-radius: var(--qys-radius, 4px);
    background: #fff4f3;
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
    border: 1px solid var(--qys-color-primary, #1664ff);
    border-radius: var(--qys-radius, 4px);
    background: #fff;
    color: var(--qys-color-primary, #1664ff);
    font: inherit;
    cursor: pointer;
  }
  [part='details'] {
    color: var(--qys-color-muted, #646a73);
    font-size: 12px;
  }
`;
