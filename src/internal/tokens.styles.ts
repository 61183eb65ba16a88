/**
 * The one place where every `--qys-*` design token gets its default (light and dark). Each element adopts this sheet
 * first and reads only the private `--_*` names it defines, so a token set on the page (or on the element) wins, and
 * a default exists once.
 *
 * Themes: without a `theme` attribute an element follows `prefers-color-scheme`; `theme="dark"` forces the dark
 * palette, `theme="light"` forces the light one (also for the qys elements it renders inside itself, e.g. the picker
 * in binding settings). A token the page sets applies in both themes.
 *
 * Font: `--qys-font` (a `font` shorthand) when set; unset, the element uses the page's font, as an element embedded
 * in an OA page should (`font: var(--qys-font)` without a fallback is invalid at computed-value time, so every font
 * longhand is `unset`, i.e. inherited).
 *
 * Aliases (old names, still read, undocumented for new code): `--qys-border-radius` → `--qys-radius`,
 * `--qys-color-muted` → `--qys-color-text-secondary`, `--qys-color-code-bg` → `--qys-color-surface-muted`.
 *
 * A plain string (no lit import) so the signing frame, a plain HTMLElement, can adopt it too; tagged `css` (String.raw)
 * so the build minifies it like lit's css literals (scripts/vite-minify-literals.mjs). Each palette is written out in
 * full where it applies: repeated text costs next to nothing after gzip.
 */
const css = String.raw;

export const tokensCss = css`
  :host {
    --_l-primary: #1763e6;
    --_l-primary-text: #0b4fd1;
    --_l-on-primary: #fff;
    --_l-text: #1f2329;
    --_l-muted: #5c6066;
    --_l-danger: #c4291c;
    --_l-warning: #8a5a00;
    --_l-success: #16803c;
    --_l-border: #c9cdd4;
    --_l-divider: #eceef1;
    --_l-surface: #fff;
    --_l-surface-muted: #f4f6f9;
    --_l-selected: #e8f0fe;
    --_l-danger-bg: #fef3f2;
    --_l-warning-bg: #fff8c5;
    --_l-info: #0550ae;
    --_l-info-bg: #ddf4ff;
    color-scheme: light;
    --_primary: var(--qys-color-primary, var(--_l-primary));
    --_primary-text: var(--qys-color-primary-text, var(--_l-primary-text));
    --_on-primary: var(--qys-color-on-primary, var(--_l-on-primary));
    --_focus: var(--qys-color-focus, var(--_primary));
    --_text: var(--qys-color-text, var(--_l-text));
    --_muted: var(--qys-color-text-secondary, var(--qys-color-muted, var(--_l-muted)));
    --_danger: var(--qys-color-danger, var(--_l-danger));
    --_warning: var(--qys-color-warning, var(--_l-warning));
    --_success: var(--qys-color-success, var(--_l-success));
    --_border: var(--qys-color-border, var(--_l-border));
    --_divider: var(--qys-color-divider, var(--_l-divider));
    --_surface: var(--qys-color-surface, var(--_l-surface));
    --_surface-muted: var(--qys-color-surface-muted, var(--qys-color-code-bg, var(--_l-surface-muted)));
    --_selected: var(--qys-color-selected, var(--_l-selected));
    --_danger-bg: var(--qys-color-danger-surface, var(--_l-danger-bg));
    --_warning-bg: var(--qys-color-warning-surface, var(--_l-warning-bg));
    --_info: var(--qys-color-info, var(--_l-info));
    --_info-bg: var(--qys-color-info-surface, var(--_l-info-bg));
    --_radius: var(--qys-radius, var(--qys-border-radius, 4px));
    --_mono: var(--qys-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    color: var(--_text);
    accent-color: var(--_primary);
    font: var(--qys-font);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_l-primary: #5b9aff;
      --_l-primary-text: #8fb8ff;
      --_l-on-primary: #0d1117;
      --_l-text: #e6e8eb;
      --_l-muted: #a8afb9;
      --_l-danger: #ff8a80;
      --_l-warning: #e8b949;
      --_l-success: #5fd38a;
      --_l-border: #5a626e;
      --_l-divider: #353b45;
      --_l-surface: #1b1f24;
      --_l-surface-muted: #262b32;
      --_l-selected: #1d3557;
      --_l-danger-bg: #3d1f1d;
      --_l-warning-bg: #3a2f0f;
      --_l-info: #9ecbff;
      --_l-info-bg: #132f4c;
      color-scheme: dark;
      background: var(--_surface);
    }
  }
  :host([theme='dark']) {
    background: var(--_surface);
  }
  :host([theme='dark']),
  :host([theme='dark']) * {
    --_l-primary: #5b9aff;
    --_l-primary-text: #8fb8ff;
    --_l-on-primary: #0d1117;
    --_l-text: #e6e8eb;
    --_l-muted: #a8afb9;
    --_l-danger: #ff8a80;
    --_l-warning: #e8b949;
    --_l-success: #5fd38a;
    --_l-border: #5a626e;
    --_l-divider: #353b45;
    --_l-surface: #1b1f24;
    --_l-surface-muted: #262b32;
    --_l-selected: #1d3557;
    --_l-danger-bg: #3d1f1d;
    --_l-warning-bg: #3a2f0f;
    --_l-info: #9ecbff;
    --_l-info-bg: #132f4c;
    color-scheme: dark;
  }
  :host([theme='light']) * {
    --_l-primary: #1763e6;
    --_l-primary-text: #0b4fd1;
    --_l-on-primary: #fff;
    --_l-text: #1f2329;
    --_l-muted: #5c6066;
    --_l-danger: #c4291c;
    --_l-warning: #8a5a00;
    --_l-success: #16803c;
    --_l-border: #c9cdd4;
    --_l-divider: #eceef1;
    --_l-surface: #fff;
    --_l-surface-muted: #f4f6f9;
    --_l-selected: #e8f0fe;
    --_l-danger-bg: #fef3f2;
    --_l-warning-bg: #fff8c5;
    --_l-info: #0550ae;
    --_l-info-bg: #ddf4ff;
    color-scheme: light;
  }
`;
