/**
 * The message formats beyond `{name}`: `{n, plural, one {…} other {…}}` (Intl.PluralRules, also
 * `=0 {…}`; `#` is the number) and `{ms, ago}` (how long ago, in words). A catalogue whose strings use
 * them passes `icu` as the `format` of its `defineMessages()` call; the others (the signing frame's)
 * do not ship this code.
 */
import { formatNumber, type Lang, type Params } from './localize.js';

// Intl objects are slow to construct: one of each per language, made on first use.
const pluralRules = /* @__PURE__ */ new Map<Lang, Intl.PluralRules>();
/**
 * The plural category of `n`. The shipped languages' rules are known without Intl (its first construction on a
 * page loads ICU data): Chinese has only `other`; English integers are `one` at ±1, else `other`.
 */
export function pluralCategory(n: number, lang: Lang): string {
  if (lang === 'zh-CN' || lang === 'zh-TW') return 'other';
  if (lang === 'en' && Number.isSafeInteger(n)) return n === 1 || n === -1 ? 'one' : 'other';
  let r = pluralRules.get(lang);
  if (!r) pluralRules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(n);
}

const relativeFormats = /* @__PURE__ */ new Map<Lang, Intl.RelativeTimeFormat>();
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
 * Resolves the plural format of `template` (`{name}` placeholders are left to `interpolate`): the `format` of the
 * catalogues whose strings count things but say no `{ms, ago}` (they do not ship the relative-time code).
 */
export function plurals(template: string, params: Params, lang: Lang): string {
  if (!template.includes(', plural,')) return template;
  return template.replace(PLURAL, (m, k: string, branches: string) => {
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
}

/** Resolves the plural and `ago` formats of `template`; `{name}` placeholders are left to `interpolate`. */
export function icu(template: string, params: Params, lang: Lang): string {
  const out = plurals(template, params, lang);
  if (!out.includes(', ago}')) return out;
  return out.replace(/\{(\w+), ago\}/g, (m, k: string) => {
    const v = params[k];
    return typeof v === 'number' ? formatAgo(v, lang) : m;
  });
}
