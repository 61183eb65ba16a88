/**
 * IPv4 / IPv6 address parsing and formatting, without the DOM. Addresses are kept as a version plus a
 * `bigint` value, so one comparison works for ranges of either family. IPv4-mapped IPv6 addresses
 * (`::ffff:10.1.2.3`) are normalised to IPv4: a dual-stack server reports IPv4 clients that way.
 */

import { textOf } from '../input.js';

export type IpVersion = 4 | 6;

export interface IpAddress {
  version: IpVersion;
  value: bigint;
}

/** Why an address did not parse (message codes of the editor's catalogue). */
export type IpErrorCode = 'ip.invalid' | 'ip.leadingZero' | 'ip.octetRange' | 'ip.zoneId';

export type IpParseResult = { ok: true; address: IpAddress } | { ok: false; code: IpErrorCode };

export const IPV4_MAX = (1n << 32n) - 1n;
export const IPV6_MAX = (1n << 128n) - 1n;

export function maxValue(version: IpVersion): bigint {
  return version === 4 ? IPV4_MAX : IPV6_MAX;
}

export function bits(version: IpVersion): number {
  return version === 4 ? 32 : 128;
}

function parseIpv4Value(text: string): { ok: true; value: bigint } | { ok: false; code: IpErrorCode } {
  const parts = text.split('.');
  if (parts.length !== 4) return { ok: false, code: 'ip.invalid' };
  let value = 0;
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return { ok: false, code: 'ip.invalid' };
    // `010` is octal 8 in some tools and decimal 10 in others: refuse rather than guess.
    if (p.length > 1 && p[0] === '0') return { ok: false, code: 'ip.leadingZero' };
    const n = Number(p);
    if (n > 255) return { ok: false, code: 'ip.octetRange' };
    value = value * 256 + n;
  }
  return { ok: true, value: BigInt(value) };
}

function parseIpv6Value(text: string): { ok: true; value: bigint } | { ok: false; code: IpErrorCode } {
  if (text.includes('%')) return { ok: false, code: 'ip.zoneId' };
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.indexOf('.', lastColon) > lastColon) {
    const v4 = parseIpv4Value(text.slice(lastColon + 1));
    if (!v4.ok) return v4;
    tailV4 = v4.value;
    head = text.slice(0, lastColon + 1);
    // `::1.2.3.4` leaves `::`; `64:ff9b::1.2.3.4` leaves `64:ff9b::`; `::ffff:1.2.3.4` leaves `::ffff:`.
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const groupsWanted = tailV4 === undefined ? 8 : 6;
  const dbl = head.indexOf('::');
  if (dbl !== head.lastIndexOf('::') && dbl >= 0) return { ok: false, code: 'ip.invalid' };
  const splitGroups = (s: string) => (s === '' ? [] : s.split(':'));
  let groups: string[];
  if (dbl >= 0) {
    const left = splitGroups(head.slice(0, dbl));
    const right = splitGroups(head.slice(dbl + 2));
    const missing = groupsWanted - left.length - right.length;
    if (missing < 1) return { ok: false, code: 'ip.invalid' };
    groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  } else {
    groups = splitGroups(head);
    if (groups.length !== groupsWanted) return { ok: false, code: 'ip.invalid' };
  }
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return { ok: false, code: 'ip.invalid' };
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  if (tailV4 !== undefined) value = (value << 32n) | tailV4;
  return { ok: true, value };
}

/**
 * Parses one IPv4 or IPv6 address (surrounding whitespace and `[…]` brackets around IPv6 allowed).
 * IPv4-mapped IPv6 becomes IPv4. Never throws.
 */
export function parseIp(input: string): IpParseResult {
  let text = textOf(input).trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (text === '') return { ok: false, code: 'ip.invalid' };
  if (text.includes(':')) {
    const r = parseIpv6Value(text);
    if (!r.ok) return r;
    if (r.value >> 32n === 0xffffn) return { ok: true, address: { version: 4, value: r.value & IPV4_MAX } };
    return { ok: true, address: { version: 6, value: r.value } };
  }
  const r = parseIpv4Value(text);
  return r.ok ? { ok: true, address: { version: 4, value: r.value } } : r;
}

/** Canonical text: dotted IPv4, RFC 5952 IPv6 (lower-case, longest zero run compressed). */
export function formatIp(address: IpAddress): string {
  const { version, value } = address;
  if (version === 4) {
    return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.');
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':');
  if (bestLen < 2) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLen))}`;
}
