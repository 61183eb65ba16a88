import type { QysTypedListeners } from '../../api/events.js';
import { define } from '../../internal/define.js';
import { QysNetworkStrategyEditor } from './network-strategy-editor.js';

define('qys-network-strategy-editor', QysNetworkStrategyEditor);

// `field.addEventListener('qys-change', (e) => e.detail.value)` gets this field's own value type.
declare module './network-strategy-editor.js' {
  interface QysNetworkStrategyEditor {
    addEventListener: QysTypedListeners<'qys-network-strategy-editor'>['addEventListener'];
    removeEventListener: QysTypedListeners<'qys-network-strategy-editor'>['removeEventListener'];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qys-network-strategy-editor': QysNetworkStrategyEditor;
  }
}
export { QysNetworkStrategyEditor, splitRuleText, type SigningUrls } from './network-strategy-editor.js';
