import { define } from '../../internal/define.js';
import { QysNetworkStrategyEditor } from './network-strategy-editor.js';

define('qys-network-strategy-editor', QysNetworkStrategyEditor);

declare global {
  interface HTMLElementTagNameMap {
    'qys-network-strategy-editor': QysNetworkStrategyEditor;
  }
}
export { QysNetworkStrategyEditor, splitRuleText, type SigningUrls } from './network-strategy-editor.js';
