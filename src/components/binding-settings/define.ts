import { define } from '../../internal/define.js';
import { QysBindingSettings } from './binding-settings.js';

// The page embeds <qys-network-strategy-editor> and <qys-org-scope-picker>; it loads and registers
// them on demand (see lazy.ts), so they are not part of this entry's initial download.
define('qys-binding-settings', QysBindingSettings);

declare global {
  interface HTMLElementTagNameMap {
    'qys-binding-settings': QysBindingSettings;
  }
}
export { QysBindingSettings };
