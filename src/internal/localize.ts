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
 * `{n, plural, one {# person} other {# persons}}` (Intl.PluralRules); `{ms, ago}` is relative time.
 */
/** The languages that ship: zh-CN inline, en and zh-TW loaded on demand (zh-TW generated from zh-CN). */
export type ShippedLang = 'zh-CN' | 'zh-TW' | 'en';
/** A language in force: a shipped one or one added with `registerTranslation()` (e.g. `ja`). */
export type Lang = ShippedLang | (string & {});
export const LANGS: readonly ShippedLang[] = ['zh-CN', 'zh-TW', 'en'];

export type Params = Record<string, string | number>;

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
}

/** Every catalogue made so far (for the completeness test and `loadLanguage()`). */
export const catalogs: Catalog[] = [];

/**
 * A catalogue: its zh-CN strings inline, and the other shipped languages as modules loaded on demand
 * (`en` is required). Registers it in `catalogs`.
 */
export function defineMessages<const I extends string, const Z extends Record<string, string>>(
  id: I,
  zh: Z,
  loaders: { en: CatalogLoader<Extract<keyof Z, string>> } & Partial<
    Record<ShippedLang, CatalogLoader<Extract<keyof Z, string>>>
  >,
): Catalog<Extract<keyof Z, string>, I> {
  const c = { id, 'zh-CN': zh, loaders } as Catalog<Extract<keyof Z, string>, I>;
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

const numberFormats = new Map<Lang, Intl.NumberFormat>();
export function formatNumber(n: number, lang: Lang): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang)));
  return f.format(n);
}

// Intl objects are slow to construct: one of each per language, made on first use.
const pluralRules = new Map<Lang, Intl.PluralRules>();
function pluralCategory(n: number, lang: Lang): string {
  let r = pluralRules.get(lang);
  if (!r) pluralRules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(n);
}

const relativeFormats = new Map<Lang, Intl.RelativeTimeFormat>();
const JUST_NOW: Record<string, string> = { 'zh-CN': '刚刚', 'zh-TW': '剛剛', en: 'just now' };

/**
 * How long ago, in words: under a minute 刚刚 / just now; then minutes, hours; from a day on,
 * 昨天 / yesterday, n 天前 / n days ago (Intl.RelativeTimeFormat, `numeric: 'auto'`).
 */
export function formatAgo(elapsedMs: number, lang: Lang): string {
  const ms = Number.isFinite(elapsedMs) ? Math.max(0, elapsedMs) : 0;
  let f = relativeFormats.get(lang);
  if (!f) relativeFormats.set(lang, (f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  if (ms < 60_000) return JUST_NOW[lang] ?? f.format(0, 'second');
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return f.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return f.format(-hours, 'hour');
  return f.format(-Math.floor(hours / 24), 'day');
}

/** `{n, plural, one {# person} other {# persons}}` (also `=0 {…}`); `#` is the formatted number. */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(=\d+|\w+)\s*\{([^{}]*)\}/g;

/**
 * Fills `{name}` placeholders (numbers formatted for the language) and two formats:
 * `{n, plural, one {…} other {…}}` chooses by Intl.PluralRules, `{ms, ago}` says how long ago.
 */
export function interpolate(template: string, params: Params | undefined, lang: Lang): string {
  if (!params) return template;
  let out = template;
  if (out.includes(', plural,'))
    out = out.replace(PLURAL, (m, k: string, branches: string) => {
      const v = params[k];
      if (typeof v !== 'number') return m;
      let exact: string | undefined;
      let byCategory: string | undefined;
      let other: string | undefined;
      const category = pluralCategory(v, lang);
      for (const [, key, text] of branches.matchAll(BRANCH)) {
        if (key === `=${v}`) exact = text;
        else if (key === category) byCategory = text;
        else if (key === 'other') other = text;
      }
      const chosen = exact ?? byCategory ?? other;
      return chosen === undefined ? m : chosen.replace(/#/g, formatNumber(v, lang));
    });
  if (out.includes(', ago}'))
    out = out.replace(/\{(\w+), ago\}/g, (m, k: string) => {
      const v = params[k];
      return typeof v === 'number' ? formatAgo(v, lang) : m;
    });
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
        if (scoped !== undefined) return interpolate(scoped, params, l);
      }
      const own = reg.get(key);
      if (own !== undefined) return interpolate(own, params, l);
    }
    for (const c of from) {
      const strings = (c as unknown as Record<string, Readonly<Record<string, string>> | undefined>)[l];
      if (!strings && l in c.loaders) void load(c, l as ShippedLang);
      const s = strings?.[key];
      if (s !== undefined) return interpolate(s, params, l);
    }
  }
  // A language still loading (or without the key) shows zh-CN rather than the bare key.
  for (const c of from) {
    const s = c['zh-CN'][key];
    if (s !== undefined) return interpolate(s, params, 'zh-CN');
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
