/** Defines every element. Each define entry is also importable on its own: `qys-elements/<name>.js`. */
import './components/host-provider/define.js';
import './components/integration-checklist/define.js';
import './components/org-scope-picker/define.js';
import './components/network-strategy-editor/define.js';
import './components/browse-field/define.js';
import './components/signing-frame/define.js';
import './components/binding-settings/define.js';
