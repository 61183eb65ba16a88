/**
 * qys-elements root entry: DOM-free and tree-shakeable. Hosts (`createHttpHost`, `createMemoryHost`),
 * schemas and types, core functions, errors and message catalogues; imports in Node (SSR, servers)
 * without a DOM and defines no tag. Element classes come from their own entries,
 * `qys-elements/<name>.js` (which define the tag and export the class), or `qys-elements/all.js`.
 */
export { VERSION } from './version.js';
// The schemas and the route table through aliases, not `export * from './api/schemas.js'`: see root-schemas.ts.
export * from './api/root-schemas.js';
export * from './api/errors.js';
export { bindingToInput } from './api/binding.js';
export type * from './api/host.js';
export { CONTRACT_METHODS, isOptionalMethod } from './api/host.js';
export type * from './api/events.js';
export { hostContext } from './api/context.js';
export { computeWindow, scrollIntoViewTop } from './core/window.js';
export { createHttpHost, type HttpHostOptions } from './api/http-host.js';
export { createMemoryHost, MEMORY_HOST_METHODS } from './api/memory-host/index.js';
export type {
  MemoryHost,
  MemoryHostOptions,
  MemoryHostControl,
  MemoryHostSamples,
  FailureKind,
  FailureSpec,
  FailureMap,
  Latency,
} from './api/memory-host/index.js';
export * from './core/integration/index.js';
export {
  OrgSelection,
  isOrgRef,
  isOrgScope,
  scopeToEntries,
  scopeFromEntries,
  type CheckState,
  type OrgSelectionMode,
  type SelectionCounts,
  type ToggleTarget,
} from './core/org-selection/org-selection.js';
export { OrgTree, type TreeRow, type ChildList, type PageLoader } from './core/org-tree/org-tree.js';
export * from './core/network-strategy/index.js';
export {
  networkStrategyMessages,
  networkStrategyText,
  ruleIssueText,
} from './components/network-strategy-editor/network-strategy-editor.messages.js';
export { browseFieldMessages } from './components/browse-field/browse-field.messages.js';
export { signingFrameMessages } from './components/signing-frame/signing-frame.messages.js';
export type { DecidedTarget } from './components/signing-frame/target.js';
export * from './core/signing/index.js';
export { bindingSettingsMessages } from './components/binding-settings/binding-settings.messages.js';
export { generateEncryptionKey } from './core/binding/encryption-key.js';
export {
  registerTranslation,
  loadLanguage,
  availableLangs,
  normalizeLang,
  LANGS,
  type Lang,
  type ShippedLang,
  type MessageKey,
  type Translation,
  type TranslationOptions,
} from './internal/i18n.js';
