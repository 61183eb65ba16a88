import { unsafeCSS } from 'lit';
import { baseCss } from './base.styles.js';
import { tokensCss } from './tokens.styles.js';

/**
 * Styles every element shares: the design tokens (tokens.styles.ts: every `--qys-*` default, light and dark) and
 * `.sr-only`, which keeps text for screen readers while hiding it on screen.
 */
export const sharedStyles = unsafeCSS(tokensCss + baseCss);
