// Tagged `css` (String.raw) so the build minifies it like lit's css literals (scripts/vite-minify-literals.mjs).
const css = String.raw;

export const styles = css`
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
  [part='result-hint']:empty,
  [part='result']:has([part='status']:empty) {
    display: none;
  }
  [data-outcome]:not([data-outcome='']) {
    padding: 16px;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_c);
    border-radius: var(--_radius);
    background: var(--_surface);
    --_c: var(--_muted);
  }
  [data-outcome='signed'] {
    --_c: var(--_success);
  }
  [data-outcome='declined'] {
    --_c: var(--_danger);
  }
  [data-outcome]:not([data-outcome='']) [part='status'] {
    font-size: 1.15em;
    font-weight: 600;
    color: var(--_c);
  }
  [part='result-hint'] {
    margin-block-start: 4px;
    color: var(--_muted);
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
