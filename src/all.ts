/**
 * Defines every element, eagerly (for bundler users), and exports their classes. Each define entry is
 * also importable on its own: `qys-elements/<name>.js`.
 */
export * from './components/host-provider/define.js';
export * from './components/integration-checklist/define.js';
export * from './components/org-scope-picker/define.js';
export * from './components/network-strategy-editor/define.js';
export * from './components/browse-field/define.js';
export * from './components/signing-frame/define.js';
export * from './components/binding-settings/define.js';
