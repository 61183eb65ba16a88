/**
 * The rules every element shares after the tokens (shared.styles.ts adds them): native controls in the tokens' colours
 * and `.sr-only`. A plain string tagged `css` (String.raw) in a file of its own, so the build minifies it
 * (scripts/vite-minify-literals.mjs leaves any file that mentions `unsafeCSS` unminified).
 */
const css = String.raw;

export const baseCss = css`
  /* Native controls (kept for accessibility) in the tokens' colours, the same in Chromium, Firefox and WebKit. */
  input[type='checkbox'],
  input[type='radio'] {
    accent-color: var(--_primary);
    inline-size: 1.05em;
    block-size: 1.05em;
    margin: 0;
    flex: none;
  }
  label:has(> input[type='checkbox'], > input[type='radio']) {
    display: inline-flex;
    align-items: center;
    gap: 0.45em;
  }
  select:not([multiple]) {
    appearance: none;
    color: inherit;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding-inline-end: 2em;
    background:
      linear-gradient(45deg, transparent 50%, currentColor 50%) calc(100% - 1.05em) 55% / 0.35em 0.35em
        no-repeat,
      linear-gradient(135deg, currentColor 50%, transparent 50%) calc(100% - 0.7em) 55% / 0.35em 0.35em
        no-repeat,
      var(--_surface);
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
