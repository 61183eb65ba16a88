import { define } from '../../internal/define.js';
import { QysBindingSettings } from './binding-settings.js';
// The page embeds these two; their entries register them (a no-op when already registered).
import '../network-strategy-editor/define.js';
import '../org-scope-picker/define.js';

define('qys-binding-settings', QysBindingSettings);

declare global {
  interface HTMLElementTagNameMap {
    'qys-binding-settings': QysBindingSettings;
  }
}
export { QysBindingSettings };
