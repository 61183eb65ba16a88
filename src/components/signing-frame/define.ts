import { define } from '../../internal/define.js';
import { QysSigningFrame } from './signing-frame.js';

define('qys-signing-frame', QysSigningFrame);

declare global {
  interface HTMLElementTagNameMap {
    'qys-signing-frame': QysSigningFrame;
  }
}
export { QysSigningFrame, type SigningFrameState } from './signing-frame.js';
export type { DecidedTarget } from './target.js';
