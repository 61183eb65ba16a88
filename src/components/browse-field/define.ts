import type { QysTypedListeners } from '../../api/events.js';
import { define } from '../../internal/define.js';
import { QysBrowseField } from './browse-field.js';

define('qys-browse-field', QysBrowseField);

// `field.addEventListener('qys-change', (e) => e.detail.value)` gets this field's own value type.
declare module './browse-field.js' {
  interface QysBrowseField {
    addEventListener: QysTypedListeners<'qys-browse-field'>['addEventListener'];
    removeEventListener: QysTypedListeners<'qys-browse-field'>['removeEventListener'];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qys-browse-field': QysBrowseField;
  }
}
export { QysBrowseField };
