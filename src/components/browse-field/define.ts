import { define } from '../../internal/define.js';
import { QysBrowseField } from './browse-field.js';

define('qys-browse-field', QysBrowseField);

declare global {
  interface HTMLElementTagNameMap {
    'qys-browse-field': QysBrowseField;
  }
}
export { QysBrowseField };
