import { css, unsafeCSS } from 'lit';
import { tokensCss } from './tokens.styles.js';

/**
 * Styles every element shares: the design tokens (tokens.styles.ts: every `--qys-*` default, light and dark) and
 * `.sr-only`, which keeps text for screen readers while hiding it on screen.
 */
export const sharedStyles = css`
  ${unsafeCSS(tokensCss)}
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
