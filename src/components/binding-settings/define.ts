import { define } from '../../internal/define.js';
import { QysBindingSettings } from './binding-settings.js';

define('qys-binding-settings', QysBindingSettings);

declare global {
  interface HTMLElementTagNameMap {
    'qys-binding-settings': QysBindingSettings;
  }
}
export { QysBindingSettings };
