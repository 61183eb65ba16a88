/**
 * Public localisation API (root entry): languages, `registerTranslation()` typed by message key,
 * `loadLanguage()`. DOM-free: the catalogues are referenced as types only, so importing this costs
 * no strings.
 */
import { registerTranslation as register, type TranslationOptions } from './localize.js';
import type { commonMessages } from './common.messages.js';
import type { connectionMessages } from './connection.messages.js';
import type { bindingSettingsMessages } from '../components/binding-settings/binding-settings.messages.js';
import type { browseFieldMessages } from '../components/browse-field/browse-field.messages.js';
import type { checklistMessages } from '../components/integration-checklist/integration-checklist.messages.js';
import type { networkStrategyMessages } from '../components/network-strategy-editor/network-strategy-editor.messages.js';
import type { orgScopePickerMessages } from '../components/org-scope-picker/org-scope-picker.messages.js';
import type { signingFrameMessages } from '../components/signing-frame/signing-frame.messages.js';

export {
  LANGS,
  normalizeLang,
  loadLanguage,
  availableLangs,
  onTranslationsChange,
  type Lang,
  type ShippedLang,
  type TranslationOptions,
} from './localize.js';

type KeysOf<C> = C extends { readonly 'zh-CN': infer Z } ? Extract<keyof Z, string> : never;

/** Every message key of every element (e.g. `'save'`, `'summary.person'`). */
export type MessageKey =
  | KeysOf<typeof commonMessages>
  | KeysOf<typeof connectionMessages>
  | KeysOf<typeof bindingSettingsMessages>
  | KeysOf<typeof browseFieldMessages>
  | KeysOf<typeof checklistMessages>
  | KeysOf<typeof networkStrategyMessages>
  | KeysOf<typeof orgScopePickerMessages>
  | KeysOf<typeof signingFrameMessages>;

/** Strings for some message keys; a key not given falls back (per key) along the language's fallback. */
export type Translation = { readonly [K in MessageKey]?: string };

/**
 * Adds a language (`registerTranslation('ja', { save: '保存' })`) or overrides strings of a shipped
 * one (`registerTranslation('zh-CN', { title: '电子签设置' })`). Mounted elements re-render. Texts use
 * `{name}` placeholders and `{n, plural, one {…} other {…}}` as the shipped ones do. A key typo is
 * a type error. Throws a TypeError when `lang` is not a language tag.
 */
export function registerTranslation(lang: string, messages: Translation, options?: TranslationOptions): void {
  register(lang, messages, options);
}
