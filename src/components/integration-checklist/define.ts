import { define } from '../../internal/define.js';
import { QysIntegrationChecklist } from './integration-checklist.js';

define('qys-integration-checklist', QysIntegrationChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'qys-integration-checklist': QysIntegrationChecklist;
  }
}
export { QysIntegrationChecklist };
