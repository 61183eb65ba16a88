/**
 * One localize helper for every user-visible string. Each element keeps its catalogue in
 * `<name>.messages.ts`, made with `defineMessages(zh, en)`: TypeScript requires `en` to have exactly
 * the keys of `zh`, and test/internal/messages.test.ts fails on any empty or missing entry.
 * Placeholders are `{name}`; numbers are formatted for the language.
 */
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

export type Params = Record<string, string | number>;

export interface Catalog<K extends string = string> {
  readonly id: string;
  readonly 'zh-CN': Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

/** Every catalogue made so far (for the completeness test). */
export const catalogs: Catalog[] = [];

export function defineMessages<const Z extends Record<string, string>>(
  id: string,
  zh: Z,
  en: { readonly [K in keyof Z]: string },
): Catalog<Extract<keyof Z, string>> {
  const c = { id, 'zh-CN': zh, en } as Catalog<Extract<keyof Z, string>>;
  catalogs.push(c as Catalog);
  return c;
}

/** `zh`, `zh-CN`, `zh-Hans…` → `zh-CN`; `en…` → `en`; anything else (or nothing) → `zh-CN`. */
export function normalizeLang(lang: string | null | undefined): Lang {
  // A page may set `el.lang` to anything: only a string names a language.
  const l = (typeof lang === 'string' ? lang : '').trim().toLowerCase();
  if (l.startsWith('en')) return 'en';
  return 'zh-CN';
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();
export function formatNumber(n: number, lang: Lang): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang)));
  return f.format(n);
}

export function interpolate(template: string, params: Params | undefined, lang: Lang): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = params[k];
    if (v === undefined) return m;
    return typeof v === 'number' ? formatNumber(v, lang) : v;
  });
}

/** Looks `key` up in the first catalogue that has it; falls back to the key itself. */
export function translate(lang: Lang, key: string, params: Params | undefined, ...from: Catalog[]): string {
  for (const c of from) {
    const s = (c[lang] as Record<string, string>)[key];
    if (s !== undefined) return interpolate(s, params, lang);
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
