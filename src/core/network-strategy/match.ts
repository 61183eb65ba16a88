/**
 * Compiled matchers for large rule sets. Segment rules become, per address family, a sorted list of
 * boundaries with the deciding rule for each elementary interval (binary search per lookup); the
 * deciding rule is the first rule in list order that covers the address. Domain rules become hash
 * maps: exact hosts, then wildcard suffixes from the most specific up (a lookup walks the labels).
 */
import { parseIp, type IpAddress } from './ip.js';
import type { SegmentRule } from './rules.js';
import type { DomainRule } from './domain.js';
import { normaliseHostname } from './domain.js';

interface FamilyTable {
  /** Sorted interval starts; interval i is [points[i], points[i+1]). */
  points: bigint[];
  /** Deciding entry of each interval, -1 when none. */
  owner: Int32Array;
}

function buildFamily(entries: { rule: SegmentRule; id: number }[]): FamilyTable {
  const set = new Set<bigint>();
  for (const { rule } of entries) {
    set.add(rule.start);
    set.add(rule.end + 1n);
  }
  const points = [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const pos = new Map<bigint, number>();
  points.forEach((p, i) => pos.set(p, i));
  const n = points.length;
  const owner = new Int32Array(Math.max(n - 1, 0)).fill(-1);
  // "Next unpainted interval" with path compression: each interval is painted once, by the first
  // entry (in priority order) that covers it.
  const next = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) next[i] = i;
  const find = (i: number): number => {
    let r = i;
    while (next[r] !== r) r = next[r]!;
    while (next[i] !== r) {
      const k = next[i]!;
      next[i] = r;
      i = k;
    }
    return r;
  };
  for (const { rule, id } of entries) {
    const lo = pos.get(rule.start)!;
    const hi = pos.get(rule.end + 1n)!;
    for (let i = find(lo); i < hi; i = find(i)) {
      owner[i] = id;
      next[i] = i + 1;
    }
  }
  return { points, owner };
}

function lookup(t: FamilyTable, value: bigint): number {
  const { points } = t;
  let lo = 0;
  let hi = points.length - 1;
  if (hi < 0 || value < points[0]!) return -1;
  // Largest i with points[i] <= value.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (points[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo < t.owner.length ? t.owner[lo]! : -1;
}

export interface SegmentMatcher {
  /** Index (in the compiled list) of the first rule covering `address`, or -1. */
  match(address: IpAddress | string): number;
  readonly size: number;
}

/** Compiles segment rules (null entries, i.e. invalid rules, are skipped but keep their index). */
export function compileSegmentMatcher(rules: readonly (SegmentRule | null)[]): SegmentMatcher {
  const v4: { rule: SegmentRule; id: number }[] = [];
  const v6: { rule: SegmentRule; id: number }[] = [];
  rules.forEach((rule, id) => {
    if (rule) (rule.version === 4 ? v4 : v6).push({ rule, id });
  });
  const t4 = buildFamily(v4);
  const t6 = buildFamily(v6);
  return {
    size: rules.length,
    match(address) {
      let a: IpAddress;
      if (typeof address === 'string') {
        const p = parseIp(address);
        if (!p.ok) return -1;
        a = p.address;
      } else a = address;
      return lookup(a.version === 4 ? t4 : t6, a.value);
    },
  };
}

export interface DomainMatcher {
  /** Index of the deciding rule for `hostname` (`host` or `host:port`), or -1. */
  match(hostname: string | { host: string; port?: number }): number;
  readonly size: number;
}

/**
 * Compiles domain rules. Precedence, most specific first: exact host with the port, exact host,
 * then the longest wildcard suffix (with the port before without); on equal keys the first rule wins.
 */
export function compileDomainMatcher(rules: readonly (DomainRule | null)[]): DomainMatcher {
  const exact = new Map<string, number>();
  const wild = new Map<string, number>();
  rules.forEach((r, i) => {
    if (!r) return;
    const key = `${r.host}|${r.port ?? ''}`;
    const m = r.kind === 'exact' ? exact : wild;
    if (!m.has(key)) m.set(key, i);
  });
  return {
    size: rules.length,
    match(hostname) {
      const h = typeof hostname === 'string' ? normaliseHostname(hostname) : hostname;
      if (!h) return -1;
      const port = h.port ?? '';
      const e = (port !== '' ? exact.get(`${h.host}|${port}`) : undefined) ?? exact.get(`${h.host}|`);
      if (e !== undefined) return e;
      if (wild.size === 0 || h.host.includes(':')) return -1;
      let dot = h.host.indexOf('.');
      while (dot >= 0) {
        const suffix = h.host.slice(dot + 1);
        const w = (port !== '' ? wild.get(`${suffix}|${port}`) : undefined) ?? wild.get(`${suffix}|`);
        if (w !== undefined) return w;
        dot = h.host.indexOf('.', dot + 1);
      }
      return -1;
    },
  };
}
