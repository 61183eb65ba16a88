/**
 * Public localisation API (root entry): `registerTranslation()` typed by message key,
 * `loadLanguage()`, `availableLangs()`. DOM-free. The catalogues are referenced as types only, and
 * this module is not imported by the elements: its code stays out of their bundles (they only read
 * the registry in localize.ts).
 */
import {
  LANGS,
  announceChange,
  builtinLang,
  catalogs,
  langChain,
  load,
  normalizeLang,
  registered,
  type Lang,
  type ShippedLang,
} from './localize.js';
import type { commonMessages } from './common.messages.js';
import type { connectionMessages } from './connection.messages.js';
import type { bindingSettingsMessages } from '../components/binding-settings/binding-settings.messages.js';
import type { browseFieldMessages } from '../components/browse-field/browse-field.messages.js';
import type { checklistMessages } from '../components/integration-checklist/integration-checklist.messages.js';
import type { networkStrategyMessages } from '../components/network-strategy-editor/network-strategy-editor.messages.js';
import type { orgScopePickerMessages } from '../components/org-scope-picker/org-scope-picker.messages.js';
import type { signingFrameMessages } from '../components/signing-frame/signing-frame.messages.js';

export { LANGS, normalizeLang, onTranslationsChange, type Lang, type ShippedLang } from './localize.js';

type Bare<C> = C extends { readonly 'zh-CN': infer Z } ? Extract<keyof Z, string> : never;
type Id<C> = C extends { readonly id: infer I extends string } ? I : never;
/** Keys every element also shows (it searches its own catalogue, then these). */
type Shared = Bare<typeof commonMessages> | Bare<typeof connectionMessages>;
/** An element's keys, bare (`title`) and scoped to it (`binding-settings:title`, also for shared keys). */
type KeysOf<C> = Bare<C> | `${Id<C>}:${Bare<C> | Shared}`;

/**
 * Every message key of every element: `'browse'`, `'summary.person'`, … A few keys are in several
 * elements (`title`, `retry`, `noHost`, …); `'<element>:<key>'` (`'binding-settings:title'`) changes
 * one element's text only.
 */
export type MessageKey =
  | KeysOf<typeof commonMessages>
  | KeysOf<typeof connectionMessages>
  | KeysOf<typeof bindingSettingsMessages>
  | KeysOf<typeof browseFieldMessages>
  | KeysOf<typeof checklistMessages>
  | KeysOf<typeof networkStrategyMessages>
  | KeysOf<typeof orgScopePickerMessages>
  | KeysOf<typeof signingFrameMessages>;

/** Strings for some message keys (`undefined` takes an override back); a key not given falls back per key. */
export type Translation = { readonly [K in MessageKey]?: string | undefined };

export interface TranslationOptions {
  /**
   * Where keys this language lacks come from (per key). Default: the language the tag fell back to
   * before it was registered (`ja` → zh-CN, `zh-HK` → zh-TW, `en-GB` → en).
   */
  fallback?: Lang;
}

/**
 * Adds a language (`registerTranslation('ja', { browse: '選択' })`) or overrides strings of a shipped
 * one (`registerTranslation('zh-CN', { 'binding-settings:title': '电子签设置' })`). Mounted elements re-render. Texts use
 * `{name}` placeholders and `{n, plural, one {…} other {…}}` as the shipped ones do; a key typo is a
 * type error. Calling it again for the same language merges. Throws a TypeError when `lang` is not
 * a language tag.
 */
export function registerTranslation(
  lang: string,
  messages: Translation,
  options: TranslationOptions = {},
): void {
  if (typeof lang !== 'string' || !lang.trim())
    throw new TypeError(
      '[qys-elements] registerTranslation: the language must be a tag such as "ja" or "zh-HK"',
    );
  let tag: string;
  try {
    tag = Intl.getCanonicalLocales(lang.trim().replace(/_/g, '-'))[0]!;
  } catch {
    throw new TypeError(
      `[qys-elements] registerTranslation: "${lang}" is not a language tag (BCP 47), e.g. "ja"`,
    );
  }
  const shipped = (LANGS as readonly string[]).find((l) => l.toLowerCase() === tag.toLowerCase());
  if (shipped) tag = shipped;
  let r = registered.get(tag);
  if (!r) registered.set(tag, (r = { strings: new Map(), fallback: shipped ? undefined : builtinLang(tag) }));
  if (options.fallback !== undefined && !shipped) {
    const f = normalizeLang(options.fallback);
    if (f !== tag) r.fallback = f;
  }
  for (const [k, v] of Object.entries(messages ?? {}))
    if (typeof v === 'string') r.strings.set(k, v);
    else r.strings.delete(k);
  announceChange();
}

/** The languages a page can show now: the shipped ones and those registered. */
export function availableLangs(): Lang[] {
  return [...new Set<Lang>([...LANGS, ...registered.keys()])];
}

/**
 * Loads a shipped language's on-demand strings for every catalogue defined so far (elements do it
 * themselves when they first show the language; await it to skip the short zh-CN stand-in, in tests,
 * before a screenshot or SSR).
 */
export function loadLanguage(lang: string): Promise<void> {
  const chain = langChain(normalizeLang(lang));
  return Promise.all(
    catalogs.flatMap((c) => chain.filter((l): l is ShippedLang => l in c.loaders).map((l) => load(c, l))),
  ).then(() => undefined);
}
