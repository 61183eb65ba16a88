// The first render's CSS (frame, status line, details); the result and problem panels' CSS comes with them
// on demand (signing-frame.panel.ts).
// Tagged `css` (String.raw) so the build minifies it like lit's css literals (scripts/vite-minify-literals.mjs).
const css = String.raw;

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 8px;
    color: var(--_text);
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
  [part='details'] {
    color: var(--_muted);
    font-size: 12px;
  }
`;
