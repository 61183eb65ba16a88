/**
 * One localize helper for every user-visible string. Each element keeps its catalogue in
 * `<name>.messages.ts`, made with `defineMessages(id, zh, { en: () => import(…), 'zh-TW': () => import(…) })`:
 * zh-CN is inline (the default language); en (`<name>.messages.en.ts`, whose type check requires
 * exactly the keys of zh-CN) and zh-TW (generated from zh-CN by `npm run i18n`, OpenCC +
 * scripts/zh-tw-overrides.json) load on demand, so a page downloads only the languages it shows. An
 * element whose language is still loading delays its render (`whenLoaded`): no flash of zh-CN. Pages add languages
 * or override strings with `registerTranslation()`. test/internal/messages.test.ts fails on any
 * empty or missing entry in any shipped language.
 * Placeholders are `{name}`; numbers are formatted for the language. English counts use
 * `{n, plural, one {# person} other {# persons}}` (Intl.PluralRules); `{ms, ago}` is relative time:
 * those two come from icu.ts, passed as `format` by the catalogues that use them.
 */
/** The languages that ship: zh-CN inline, en and zh-TW loaded on demand (zh-TW generated from zh-CN). */
export type ShippedLang = 'zh-CN' | 'zh-TW' | 'en';
/** A language in force: a shipped one or one added with `registerTranslation()` (e.g. `ja`). */
export type Lang = ShippedLang | (string & {});
export const LANGS: readonly ShippedLang[] = ['zh-CN', 'zh-TW', 'en'];

export type Params = Record<string, string | number>;

/**
 * Formats beyond `{name}` (icu.ts: plurals, relative time), given by the catalogues whose strings use
 * them, so an element whose strings have none (the signing frame) does not ship the code.
 */
export type Formatter = (template: string, params: Params, lang: Lang) => string;

/** A catalogue module of another language: `export default { key: 'text', … }`. */
export type CatalogLoader<K extends string = string> = () => Promise<{
  default: Readonly<Partial<Record<K, string>>>;
}>;

export interface Catalog<K extends string = string, I extends string = string> {
  readonly id: I;
  readonly 'zh-CN': Readonly<Record<K, string>>;
  /** Filled when its module has loaded (see `loaders`, `whenLoaded`). */
  en?: Readonly<Partial<Record<K, string>>>;
  /** Filled when its module has loaded (see `loaders`, `whenLoaded`). */
  'zh-TW'?: Readonly<Partial<Record<K, string>>>;
  /** Languages that load on demand, so a page pays only for the language it shows. */
  readonly loaders: Readonly<Partial<Record<ShippedLang, CatalogLoader<K>>>>;
  /** Formats its strings use beyond `{name}` (icu.ts); strings registered for it use them too. */
  readonly format?: Formatter;
}

/** Every catalogue made so far (for the completeness test and `loadLanguage()`). */
export const catalogs: Catalog[] = [];

/**
 * A catalogue: its zh-CN strings inline, and the other shipped languages as modules loaded on demand
 * (`en` is required); `format` (icu.ts) when its strings use plurals or `{ms, ago}`. Registers it in
 * `catalogs`.
 */
export function defineMessages<const I extends string, const Z extends Record<string, string>>(
  id: I,
  zh: Z,
  loaders: { en: CatalogLoader<Extract<keyof Z, string>> } & Partial<
    Record<ShippedLang, CatalogLoader<Extract<keyof Z, string>>>
  >,
  format?: Formatter,
): Catalog<Extract<keyof Z, string>, I> {
  const c = { id, 'zh-CN': zh, loaders, format } as Catalog<Extract<keyof Z, string>, I>;
  catalogs.push(c);
  return c;
}

/**
 * Type check of a language module (`<name>.messages.en.ts`): `E` must have exactly catalogue `C`'s
 * zh-CN keys, each a string. A missing key or an extra one is a type error where it is used.
 */
export type ExactStrings<
  C extends { readonly 'zh-CN': Readonly<Record<string, string>> },
  E extends { readonly [K in keyof C['zh-CN']]: string } & {
    readonly [K in Exclude<keyof E, keyof C['zh-CN']>]: never;
  },
> = E;

// --- languages added or overridden at run time (registerTranslation, in i18n.ts) ---------------------------

/** @internal (i18n.ts) */
export interface Registered {
  readonly strings: Map<string, string>;
  /** Unset for the shipped languages (they keep their own chain). */
  fallback?: Lang;
}
/** Languages added and strings overridden at run time (i18n.ts `registerTranslation`). @internal */
export const registered = new Map<string, Registered>();
const changeListeners = new Set<() => void>();
let changeQueued = false;

/** Calls `fn` (batched, once per task) whenever strings arrive or are registered. Returns an unsubscribe. */
export function onTranslationsChange(fn: () => void): () => void {
  changeListeners.add(fn);
  return () => changeListeners.delete(fn);
}
/** @internal */
export function announceChange(): void {
  if (changeQueued) return;
  changeQueued = true;
  queueMicrotask(() => {
    changeQueued = false;
    changeListeners.forEach((fn) => fn());
  });
}

/** The shipped language a tag meant before anything was registered. */
export function builtinLang(l: string): ShippedLang {
  const t = l.toLowerCase();
  if (t.startsWith('en')) return 'en';
  if (/^zh-(?:tw|hk|mo|hant)(?:-|$)/.test(t) || /^zh-\w+-(?:tw|hk|mo)(?:-|$)/.test(t)) return 'zh-TW';
  return 'zh-CN';
}

/**
 * `zh`, `zh-CN`, `zh-Hans…` → `zh-CN`; `zh-TW`, `zh-Hant…`, `zh-HK`, `zh-MO` → `zh-TW`; `en…` → `en`;
 * a registered language (exact tag, then without its last subtags: `ja-JP` → `ja`) → itself;
 * anything else (or nothing) → `zh-CN`.
 */
export function normalizeLang(lang: string | null | undefined): Lang {
  // A page may set `el.lang` to anything: only a string names a language.
  const l = (typeof lang === 'string' ? lang : '').trim().replace(/_/g, '-').toLowerCase();
  if (registered.size) {
    for (let t = l; t; t = t.includes('-') ? t.slice(0, t.lastIndexOf('-')) : '')
      for (const k of registered.keys()) if (k.toLowerCase() === t) return k;
  }
  return builtinLang(l);
}

/** Where a language's strings come from, per key, in order: `ja` → ja, zh-CN; `zh-TW` → zh-TW, zh-CN. */
export function langChain(lang: Lang): Lang[] {
  const chain: Lang[] = [];
  for (let l: Lang | undefined = lang; l !== undefined && !chain.includes(l);) {
    chain.push(l);
    l = registered.get(l)?.fallback ?? (l === 'zh-TW' ? 'zh-CN' : undefined);
  }
  return chain;
}

/** zh-CN or en, whichever `lang` falls back to first (for services that speak only those two). */
export function primaryLang(lang: Lang): 'zh-CN' | 'en' {
  return langChain(lang).find((l): l is 'zh-CN' | 'en' => l === 'zh-CN' || l === 'en') ?? 'zh-CN';
}

const loading = new Map<string, Promise<void>>();
/** Starts loading (once) `lang`'s module of catalogue `c`; elements re-render when it lands. */
export function load(c: Catalog, lang: ShippedLang): Promise<void> {
  const loader = c.loaders[lang];
  const id = `${c.id}\u0000${lang}`;
  let p = loading.get(id);
  if (!p && loader) {
    p = loader().then(
      (m) => {
        (c as unknown as Record<string, unknown>)[lang] = m.default;
        announceChange();
      },
      (e: unknown) => {
        loading.delete(id); // a later render tries again
        console.warn(`[qys-elements] ${lang} strings of ${c.id} did not load; showing the fallback`, e);
      },
    );
    loading.set(id, p);
  }
  return p ?? Promise.resolve();
}

/**
 * Starts loading what `lang` needs of `from` (along its fallback chain) and returns a promise that
 * resolves when it is there (also when a load failed: the fallback is shown); `undefined` when
 * nothing is missing, so a caller renders at once. Elements await it before rendering, so a page
 * never sees zh-CN (or raw keys) flash before the language it asked for.
 */
export function whenLoaded(lang: Lang, from: readonly Catalog[]): Promise<void> | undefined {
  let wait: Promise<void>[] | undefined;
  for (const l of langChain(lang))
    for (const c of from)
      if (!(c as unknown as Record<string, unknown>)[l] && l in c.loaders)
        (wait ??= []).push(load(c, l as ShippedLang));
  return wait && Promise.all(wait).then(() => undefined);
}

/**
 * The shipped languages write an integer with ASCII digits grouped by three with a comma (`1,234,567`; `-5`), as
 * Intl.NumberFormat does for them: written here, because the first `new Intl.NumberFormat` on a page costs 12–21 ms
 * (it loads ICU's number data) and elements show counts on their first render. Exact for every safe integer but -0
 * (test/node/localize-numbers.test.ts compares with Intl).
 */
export const groupDigits = (n: number): string =>
  (n < 0 ? '-' : '') + String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');

// Other numbers and languages: one Intl.NumberFormat per language, made on first use (never on an element's
// construction or first render unless it shows such a number).
const numberFormats = new Map<Lang, Intl.NumberFormat>();
/** `n` written for `lang` (`1,234`; `1,234.5`; a registered language's own digits). */
export function formatNumber(n: number, lang: Lang): string {
  if (Number.isSafeInteger(n) && !Object.is(n, -0) && LANGS.includes(lang as ShippedLang))
    return groupDigits(n);
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang)));
  return f.format(n);
}

/**
 * Fills `{name}` placeholders (numbers formatted for the language); a catalogue's `format` (icu.ts:
 * `{n, plural, one {…} other {…}}`, `{ms, ago}`) runs first when it has one.
 */
export function interpolate(
  template: string,
  params: Params | undefined,
  lang: Lang,
  format?: Formatter,
): string {
  if (!params) return template;
  const out = format ? format(template, params, lang) : template;
  return out.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = params[k];
    if (v === undefined) return m;
    return typeof v === 'number' ? formatNumber(v, lang) : v;
  });
}

/**
 * Looks `key` up for `lang`, then along its fallback (`zh-TW` → zh-CN; a registered language → its
 * fallback): strings registered for the language first, then the catalogues in order. Falls back to
 * zh-CN, then the key itself. A language whose module has not loaded yet starts loading and is skipped.
 */
export function translate(lang: Lang, key: string, params: Params | undefined, ...from: Catalog[]): string {
  for (const l of langChain(lang)) {
    // Registered strings: `<catalogue id>:<key>` (one element's text) before `<key>` (every element's).
    const reg = registered.get(l)?.strings;
    if (reg) {
      for (const c of from) {
        const scoped = reg.get(`${c.id}:${key}`);
        if (scoped !== undefined) return interpolate(scoped, params, l, c.format);
      }
      const own = reg.get(key);
      if (own !== undefined) return interpolate(own, params, l, from.find((c) => c.format)?.format);
    }
    for (const c of from) {
      const strings = (c as unknown as Record<string, Readonly<Record<string, string>> | undefined>)[l];
      if (!strings && l in c.loaders) void load(c, l as ShippedLang);
      const s = strings?.[key];
      if (s !== undefined) return interpolate(s, params, l, c.format);
    }
  }
  // A language still loading (or without the key) shows zh-CN rather than the bare key.
  for (const c of from) {
    const s = c['zh-CN'][key];
    if (s !== undefined) return interpolate(s, params, 'zh-CN', c.format);
  }
  return key;
}

/** True when some catalogue has `key`. */
export function hasMessage(key: string, ...from: Catalog[]): boolean {
  return from.some((c) => key in c['zh-CN']);
}

/** The language in force for `el`: its own `lang`, the closest ancestor's (across shadow roots), the document's. */
export function resolveLang(el: Element): Lang {
  const own = (el as HTMLElement).lang;
  if (own) return normalizeLang(own);
  let node: Node | null = el.parentNode ?? null;
  while (node) {
    if (node instanceof Element) {
      const l = node.getAttribute('lang');
      if (l) return normalizeLang(l);
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return normalizeLang(document.documentElement.lang);
}
