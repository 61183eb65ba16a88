/**
 * The 内外网自动登录 value (`AutoLogin`) as the strategy editor edits it: checking a value from the page, comparing,
 * splitting pasted rule text, the list edits (add, edit in place, toggle a preset) and the "try an address"
 * preview. DOM-free.
 */
import type { AutoLogin, AutoLoginMode, SegmentPreset } from '../../api/schemas.js';
import { coveredByPresets, parseSegmentRules, type ParsedSegmentRules } from './rules.js';
import { resolveSigningTarget, type SigningTargetInput, type SigningTargetResult } from './resolve.js';

export const AUTO_LOGIN_MODES: readonly AutoLoginMode[] = ['off', 'segment', 'domain'];

/** Off, with both lists empty. */
export const emptyAutoLogin = (): AutoLogin => ({ mode: 'off', segmentRules: [], domainRules: [] });

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A copy of `v` when it is an `AutoLogin` (mode, both lists, optional preset IDs), else `null`. */
export function asAutoLogin(v: unknown): AutoLogin | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (!AUTO_LOGIN_MODES.includes(o.mode as AutoLoginMode)) return null;
  if (!isStringArray(o.segmentRules) || !isStringArray(o.domainRules)) return null;
  if (o.segmentPresetIds !== undefined && !isStringArray(o.segmentPresetIds)) return null;
  const out: AutoLogin = {
    mode: o.mode as AutoLoginMode,
    segmentRules: [...o.segmentRules],
    domainRules: [...o.domainRules],
  };
  if (o.segmentPresetIds) out.segmentPresetIds = [...o.segmentPresetIds];
  return out;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]));

/** Same mode, same rules in the same order, same preset IDs. */
export const sameAutoLogin = (a: AutoLogin, b: AutoLogin): boolean =>
  a.mode === b.mode &&
  sameList(a.segmentRules, b.segmentRules) &&
  sameList(a.domainRules, b.domainRules) &&
  sameList(a.segmentPresetIds, b.segmentPresetIds);

/** Splits pasted text into rules: one per line, or separated by commas / semicolons / 、. */
export function splitRuleText(text: string): string[] {
  return text
    .split(/[\r\n,，;；、]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The list edited by the mode in force (segment when off). */
export const ruleListKey = (v: AutoLogin): 'segmentRules' | 'domainRules' =>
  v.mode === 'domain' ? 'domainRules' : 'segmentRules';

/** `v` with the rules of `text` appended to the list in force, or `null` when `text` has none. */
export function addRules(
  v: AutoLogin,
  text: string,
): { value: AutoLogin; added: number; start: number } | null {
  const items = splitRuleText(text);
  if (!items.length) return null;
  const key = ruleListKey(v);
  return { value: { ...v, [key]: [...v[key], ...items] }, added: items.length, start: v[key].length };
}

/**
 * `v` with rule `index` of the list in force replaced by `text`, or `null` when nothing changes. Several rules
 * pasted into one row become several rows; a cleared row stays (as an error) until it is deleted, so an
 * accidental clear loses nothing silently.
 */
export function editRule(v: AutoLogin, index: number, text: string): AutoLogin | null {
  const key = ruleListKey(v);
  const list = v[key];
  if (list[index] === undefined || list[index] === text.trim()) return null;
  const parts = splitRuleText(text);
  const next = [...list];
  next.splice(index, 1, ...(parts.length > 1 ? parts : [text.trim()]));
  return { ...v, [key]: next };
}

/** `v` with rule `index` of the list in force removed (`removed`: its text), or `null` when there is none. */
export function removeRule(v: AutoLogin, index: number): { value: AutoLogin; removed: string } | null {
  const key = ruleListKey(v);
  const removed = v[key][index];
  if (removed === undefined) return null;
  return { value: { ...v, [key]: v[key].filter((_, i) => i !== index) }, removed };
}

/** `v` with preset `id` chosen (`on`) or not. */
export function togglePreset(v: AutoLogin, id: string, on: boolean): AutoLogin {
  const ids = new Set(v.segmentPresetIds ?? []);
  if (on) ids.add(id);
  else ids.delete(id);
  return { ...v, segmentPresetIds: [...ids] };
}

/** The segment rules parsed, with a warning on each rule a chosen preset already covers (sorted by row). */
export function parseSegmentsWithPresets(
  rules: readonly string[],
  presets: readonly SegmentPreset[] | undefined,
  chosenIds: readonly string[] | undefined,
): ParsedSegmentRules {
  const parsed = parseSegmentRules(rules);
  const chosen = (presets ?? []).filter((p) => chosenIds?.includes(p.id));
  if (chosen.length) {
    parsed.issues.push(...coveredByPresets(parsed.rules, chosen));
    parsed.issues.sort((a, b) => a.index - b.index);
  }
  return parsed;
}

// Stand-ins when the page gives no signing addresses: the preview still shows the zone.
const URL_UNKNOWN_EXTERNAL = '\u0000external';
const URL_UNKNOWN_INTERNAL = '\u0000internal';

/**
 * The "try an address" preview: the signing zone and URL that `at` (a client IP, the page's host and scheme)
 * gets under `v`, rules that are not valid left out. `urls`: the signing addresses (undefined: not given, so
 * the zone is still decided and `urlUnknown` is true).
 */
export function previewSigningTarget(
  v: AutoLogin,
  urls: { external?: string; internal?: string } | undefined,
  at: SigningTargetInput,
  presets: readonly SegmentPreset[] | undefined,
): { result: SigningTargetResult; urlUnknown: boolean } {
  const result = resolveSigningTarget(
    {
      signingUrlExternal: urls?.external?.trim() || URL_UNKNOWN_EXTERNAL,
      signingUrlInternal: urls ? (urls.internal ?? '') : URL_UNKNOWN_INTERNAL,
      autoLogin: v,
    },
    at,
    { presets: presets ? [...presets] : null, ignoreInvalidRules: true },
  );
  const urlUnknown =
    result.ok && (result.url === URL_UNKNOWN_EXTERNAL || result.url === URL_UNKNOWN_INTERNAL);
  return { result, urlUnknown };
}
