import { define } from '../../internal/define.js';
import { QysHostProvider } from './host-provider.js';

define('qys-host-provider', QysHostProvider);

declare global {
  interface HTMLElementTagNameMap {
    'qys-host-provider': QysHostProvider;
  }
}
export { QysHostProvider };
