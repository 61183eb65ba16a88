/**
 * Network-segment rules (网段策略): single addresses, CIDR blocks and ranges, IPv4 and IPv6.
 * Parsing never throws; every rule gets either a parsed value or an error issue.
 */
import { textOf, textsOf } from '../input.js';
import { bits, formatIp, maxValue, parseIp, type IpVersion } from './ip.js';
import { SEGMENT_RULE_MAX, type RuleIssue, type RuleErrorCode } from './issues.js';

export interface SegmentRule {
  kind: 'address' | 'cidr' | 'range';
  version: IpVersion;
  /** First address covered (inclusive). */
  start: bigint;
  /** Last address covered (inclusive). */
  end: bigint;
  /** CIDR prefix length (kind `cidr` only). */
  prefix?: number;
}

export type SegmentRuleResult =
  | { ok: true; rule: SegmentRule; warnings: RuleIssue[] }
  | { ok: false; code: RuleErrorCode; params?: Record<string, string | number> };

const err = (code: RuleErrorCode, params?: Record<string, string | number>): SegmentRuleResult =>
  params ? { ok: false, code, params } : { ok: false, code };

function looksLikeDomain(text: string): boolean {
  return /[a-z]/i.test(text) && !text.includes(':') && /^[*a-z0-9.-]+$/i.test(text);
}

// Rule lists are re-parsed on every edit; most rules did not change. Results are immutable.
const cache = new Map<string, SegmentRuleResult>();

/** Parses one segment rule. `index` is only used for the warnings it returns. */
export function parseSegmentRule(input: string, index = 0): SegmentRuleResult {
  const key = textOf(input);
  let r = cache.get(key);
  if (!r) {
    if (cache.size > 50_000) cache.clear();
    cache.set(key, (r = parseUncached(key, 0)));
  }
  if (!r.ok || !r.warnings.length || index === 0) return r;
  return { ...r, warnings: r.warnings.map((w) => ({ ...w, index })) };
}

function parseUncached(input: string, index: number): SegmentRuleResult {
  // Full-width forms typed with a Chinese IME (１０．０．０．０／８, ：８０８０) are the ASCII they look like.
  const text = input.normalize('NFKC').trim();
  if (text === '') return err('rule.empty');
  if (text.length > SEGMENT_RULE_MAX) return err('rule.tooLong', { max: SEGMENT_RULE_MAX });
  if (/^[0-9.]*\*[0-9.*]*$/.test(text) && text.includes('.')) return err('segment.wildcard');
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const addrText = text.slice(0, slash).trim();
    const prefixText = text.slice(slash + 1).trim();
    const a = parseIp(addrText);
    if (!a.ok) return err(looksLikeDomain(addrText) ? 'segment.isDomain' : a.code);
    let { version, value } = a.address;
    const wasMapped = version === 4 && addrText.includes(':');
    const maxBits = wasMapped ? 128 : bits(version);
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText) || Number(prefixText) > maxBits)
      return err('cidr.prefix', { max: maxBits });
    let prefix = Number(prefixText);
    if (wasMapped) {
      if (prefix < 96) {
        // Wider than the mapped block: keep it as the IPv6 block it literally is.
        version = 6;
        value = (0xffffn << 32n) | value;
      } else prefix -= 96;
    }
    const hostBits = BigInt(bits(version) - prefix);
    const mask = maxValue(version) ^ ((1n << hostBits) - 1n);
    const start = value & mask;
    const end = start | ((1n << hostBits) - 1n);
    const rule: SegmentRule = { kind: 'cidr', version, start, end, prefix };
    const warnings: RuleIssue[] = [];
    if (start !== value)
      warnings.push({
        index,
        severity: 'warning',
        code: 'cidr.hostBits',
        params: { network: formatSegmentRule(rule) },
      });
    if (prefix === 0) warnings.push({ index, severity: 'warning', code: 'segment.everything' });
    return { ok: true, rule, warnings };
  }
  const dash = text.indexOf('-');
  if (dash >= 0 && !looksLikeDomain(text)) {
    const a = parseIp(text.slice(0, dash));
    const b = parseIp(text.slice(dash + 1));
    if (!a.ok) return err(a.code);
    if (!b.ok) return err(b.code);
    if (a.address.version !== b.address.version) return err('range.mixedVersions');
    if (a.address.value > b.address.value) return err('range.reversed');
    const rule: SegmentRule = {
      kind: 'range',
      version: a.address.version,
      start: a.address.value,
      end: b.address.value,
    };
    const warnings: RuleIssue[] =
      rule.start === 0n && rule.end === maxValue(rule.version)
        ? [{ index, severity: 'warning', code: 'segment.everything' }]
        : [];
    return { ok: true, rule, warnings };
  }
  const a = parseIp(text);
  if (!a.ok)
    return err(
      looksLikeDomain(text) ? 'segment.isDomain' : a.code === 'ip.invalid' ? 'segment.invalid' : a.code,
    );
  const { version, value } = a.address;
  return { ok: true, rule: { kind: 'address', version, start: value, end: value }, warnings: [] };
}

/** Canonical text of a parsed rule (`parseSegmentRule(formatSegmentRule(r))` gives `r` back). */
export function formatSegmentRule(rule: SegmentRule): string {
  const a = formatIp({ version: rule.version, value: rule.start });
  if (rule.kind === 'address') return a;
  if (rule.kind === 'cidr') return `${a}/${rule.prefix}`;
  return `${a}-${formatIp({ version: rule.version, value: rule.end })}`;
}

export interface ParsedSegmentRules {
  /** One entry per input rule: the parsed rule, or null when it has an error. */
  rules: (SegmentRule | null)[];
  /** Errors and warnings (analysis included), ordered by rule index. */
  issues: RuleIssue[];
}

/** Parses and analyses a list of segment rules. */
export function parseSegmentRules(inputs: readonly string[]): ParsedSegmentRules {
  const rules: (SegmentRule | null)[] = [];
  const issues: RuleIssue[] = [];
  textsOf(inputs).forEach((text, index) => {
    const r = parseSegmentRule(text, index);
    if (r.ok) {
      rules.push(r.rule);
      issues.push(...r.warnings);
    } else {
      rules.push(null);
      issues.push(
        r.params
          ? { index, severity: 'error', code: r.code, params: r.params }
          : { index, severity: 'error', code: r.code },
      );
    }
  });
  issues.push(...analyseSegmentRules(rules));
  issues.sort((x, y) => x.index - y.index);
  return { rules, issues };
}

/**
 * Warnings about a parsed list: exact duplicates, rules inside another rule, partial overlaps.
 * O(n log n): rules sorted by start (widest first on ties) and swept once per address family.
 */
export function analyseSegmentRules(rules: readonly (SegmentRule | null)[]): RuleIssue[] {
  const order: number[] = [];
  rules.forEach((r, i) => r && order.push(i));
  const cmp = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
  order.sort((i, j) => {
    const a = rules[i]!;
    const b = rules[j]!;
    return a.version - b.version || cmp(a.start, b.start) || cmp(b.end, a.end) || i - j;
  });
  const out: RuleIssue[] = [];
  let widest = -1;
  for (const i of order) {
    const cur = rules[i]!;
    const w = widest >= 0 ? rules[widest]! : undefined;
    if (!w || w.version !== cur.version) {
      widest = i;
      continue;
    }
    if (cur.start <= w.end) {
      const other = widest + 1;
      if (cur.end <= w.end) {
        const code = cur.start === w.start && cur.end === w.end ? 'rule.duplicate' : 'rule.contained';
        out.push({ index: i, severity: 'warning', code, related: widest, params: { other } });
      } else {
        out.push({ index: i, severity: 'warning', code: 'rule.overlap', related: widest, params: { other } });
      }
    }
    if (cur.end > w.end) widest = i;
  }
  return out;
}

/**
 * Warnings for own rules that lie entirely inside one rule of a selected preset
 * (`rule.coveredByPreset`, param `name`). O((n + m) log m).
 */
export function coveredByPresets(
  rules: readonly (SegmentRule | null)[],
  presets: readonly { name: string; rules: readonly string[] }[],
): RuleIssue[] {
  const refs: { rule: SegmentRule; name: string }[] = [];
  for (const p of presets)
    for (const text of p.rules) {
      const r = parseSegmentRule(text);
      if (r.ok) refs.push({ rule: r.rule, name: p.name });
    }
  const out: RuleIssue[] = [];
  for (const version of [4, 6] as const) {
    const list = refs
      .filter((x) => x.rule.version === version)
      .sort((a, b) => (a.rule.start < b.rule.start ? -1 : a.rule.start > b.rule.start ? 1 : 0));
    if (!list.length) continue;
    // widest[i]: the reference with the largest end among list[0..i].
    const widest: number[] = [];
    list.forEach((x, i) => {
      const w = widest[i - 1];
      widest.push(w !== undefined && list[w]!.rule.end >= x.rule.end ? w : i);
    });
    rules.forEach((r, index) => {
      if (!r || r.version !== version) return;
      let lo = 0;
      let hi = list.length - 1;
      if (list[0]!.rule.start > r.start) return;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (list[mid]!.rule.start <= r.start) lo = mid;
        else hi = mid - 1;
      }
      const w = list[widest[lo]!]!;
      if (w.rule.end >= r.end)
        out.push({ index, severity: 'warning', code: 'rule.coveredByPreset', params: { name: w.name } });
    });
  }
  return out;
}
