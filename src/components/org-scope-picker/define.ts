import type { QysTypedListeners } from '../../api/events.js';
import { define } from '../../internal/define.js';
import { QysOrgScopePicker } from './org-scope-picker.js';

define('qys-org-scope-picker', QysOrgScopePicker);

// `field.addEventListener('qys-change', (e) => e.detail.value)` gets this field's own value type.
declare module './org-scope-picker.js' {
  interface QysOrgScopePicker {
    addEventListener: QysTypedListeners<'qys-org-scope-picker'>['addEventListener'];
    removeEventListener: QysTypedListeners<'qys-org-scope-picker'>['removeEventListener'];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qys-org-scope-picker': QysOrgScopePicker;
  }
}
export { QysOrgScopePicker, type OrgItemRule } from './org-scope-picker.js';
