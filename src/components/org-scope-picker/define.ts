import { define } from '../../internal/define.js';
import { QysOrgScopePicker } from './org-scope-picker.js';

define('qys-org-scope-picker', QysOrgScopePicker);

declare global {
  interface HTMLElementTagNameMap {
    'qys-org-scope-picker': QysOrgScopePicker;
  }
}
export { QysOrgScopePicker, type OrgItemRule } from './org-scope-picker.js';
