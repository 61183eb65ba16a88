import { css } from 'lit';

/** Styles every element shares: `.sr-only` keeps text for screen readers while hiding it on screen. */
export const sharedStyles = css`
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
