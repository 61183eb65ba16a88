/**
 * Domain rules (域名策略): exact hosts (`oa.example.com`), wildcard subdomains (`*.intra.example.com`,
 * which matches `a.intra.example.com` and deeper but not `intra.example.com` itself), IP literals
 * (`192.168.1.5`, `[fd00::5]`), each with an optional port (`oa.example.com:8080`). A rule with a port
 * matches only that port; a rule without one matches any port.
 * Normalised: lower case, no trailing dot, internationalised names in punycode.
 */
import { textOf, textsOf } from '../input.js';
import { formatIp, parseIp } from './ip.js';
import { DOMAIN_RULE_MAX, type RuleErrorCode, type RuleIssue } from './issues.js';

export interface DomainRule {
  kind: 'exact' | 'wildcard';
  /** Normalised host without `*.` (IPv6 literals without brackets, in canonical form). */
  host: string;
  port?: number;
}

export type DomainRuleResult =
  | { ok: true; rule: DomainRule }
  | { ok: false; code: RuleErrorCode; params?: Record<string, string | number> };

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

function toAscii(host: string): string | null {
  if (!/[^\x00-\x7f]/.test(host)) return host;
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
}

/** Validates and normalises a host name (no port, no wildcard). */
function normaliseHostName(raw: string): { ok: true; host: string } | { ok: false; code: RuleErrorCode } {
  let host = raw.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '') return { ok: false, code: 'domain.label' };
  const ascii = toAscii(host);
  if (ascii === null) return { ok: false, code: 'domain.label' };
  host = ascii;
  if (host.length > 253) return { ok: false, code: 'domain.tooLong' };
  for (const label of host.split('.')) {
    if (label.length > 63) return { ok: false, code: 'domain.labelLength' };
    if (!LABEL.test(label)) return { ok: false, code: 'domain.label' };
  }
  return { ok: true, host };
}

/** Splits `host:port` / `[v6]:port`; the port text is returned unparsed. */
function splitHostPort(text: string): { host: string; port?: string; bracketed: boolean } | null {
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return null;
    const rest = text.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return null;
    return rest === ''
      ? { host: text.slice(1, close), bracketed: true }
      : { host: text.slice(1, close), port: rest.slice(1), bracketed: true };
  }
  const colons = text.split(':').length - 1;
  if (colons === 0) return { host: text, bracketed: false };
  if (colons === 1) {
    const i = text.indexOf(':');
    return { host: text.slice(0, i), port: text.slice(i + 1), bracketed: false };
  }
  // Several colons without brackets: a bare IPv6 literal, no port; with a name before them, a host
  // followed by a bad port (`oa.example.com:8080:9090`), reported as such rather than as a bad IP.
  const first = text.indexOf(':');
  if (!/^[0-9a-f]{0,4}$/i.test(text.slice(0, first)))
    return { host: text.slice(0, first), port: text.slice(first + 1), bracketed: false };
  return { host: text, bracketed: true };
}

function parsePort(text: string): number | null {
  if (!/^[1-9][0-9]{0,4}$/.test(text)) return null;
  const n = Number(text);
  return n <= 65535 ? n : null;
}

const cache = new Map<string, DomainRuleResult>();

/** Parses one domain rule. Never throws. Results are shared: do not mutate them. */
export function parseDomainRule(input: string): DomainRuleResult {
  const key = textOf(input);
  let r = cache.get(key);
  if (!r) {
    if (cache.size > 50_000) cache.clear();
    cache.set(key, (r = parseDomainUncached(key)));
  }
  return r;
}

function parseDomainUncached(input: string): DomainRuleResult {
  // Full-width forms typed with a Chinese IME (１０．０．０．０／８, ：８０８０) are the ASCII they look like.
  const text = input.normalize('NFKC').trim();
  if (text === '') return { ok: false, code: 'rule.empty' };
  if (text.length > DOMAIN_RULE_MAX)
    return { ok: false, code: 'rule.tooLong', params: { max: DOMAIN_RULE_MAX } };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return { ok: false, code: 'domain.scheme' };
  if (/[/?#\\]/.test(text)) {
    if (/^[0-9a-f.:]+\/\d+$/i.test(text)) return { ok: false, code: 'domain.isSegment' };
    return { ok: false, code: 'domain.path' };
  }
  if (text.includes('@')) return { ok: false, code: 'domain.userinfo' };
  const dash = text.indexOf('-');
  if (dash > 0 && parseIp(text.slice(0, dash)).ok && parseIp(text.slice(dash + 1)).ok)
    return { ok: false, code: 'domain.isSegment' };
  if (/\s/.test(text)) return { ok: false, code: 'domain.label' };
  const parts = splitHostPort(text);
  if (!parts) return { ok: false, code: 'domain.label' };
  let port: number | undefined;
  if (parts.port !== undefined) {
    const p = parsePort(parts.port);
    if (p === null) return { ok: false, code: 'domain.port' };
    port = p;
  }
  let host = parts.host;
  let kind: DomainRule['kind'] = 'exact';
  if (host.includes('*')) {
    if (host === '*' || host === '*.') return { ok: false, code: 'domain.wildcardAll' };
    if (!host.startsWith('*.') || host.indexOf('*', 1) >= 0)
      return { ok: false, code: 'domain.wildcardPosition' };
    kind = 'wildcard';
    host = host.slice(2);
    if (host === '' || host === '.') return { ok: false, code: 'domain.wildcardAll' };
  }
  const asIp = parts.bracketed || /^[0-9.]+$/.test(host) ? parseIp(host) : null;
  if (asIp) {
    if (!asIp.ok) return { ok: false, code: asIp.code };
    if (kind === 'wildcard') return { ok: false, code: 'domain.wildcardIp' };
    const rule: DomainRule = { kind, host: formatIp(asIp.address) };
    if (port !== undefined) rule.port = port;
    return { ok: true, rule };
  }
  const n = normaliseHostName(host);
  if (!n.ok) return n;
  const rule: DomainRule = { kind, host: n.host };
  if (port !== undefined) rule.port = port;
  return { ok: true, rule };
}

/** Canonical text of a parsed rule (`parseDomainRule(formatDomainRule(r))` gives `r` back). */
export function formatDomainRule(rule: DomainRule): string {
  const host = rule.host.includes(':') ? `[${rule.host}]` : rule.host;
  return `${rule.kind === 'wildcard' ? '*.' : ''}${host}${rule.port !== undefined ? `:${rule.port}` : ''}`;
}

/**
 * Normalises the host a browser is on (`location.host`, `location.hostname`, or a typed value;
 * a port is kept). Returns null when it is not a host name or IP literal.
 */
export function normaliseHostname(input: string): { host: string; port?: number } | null {
  const r = parseDomainUncached(textOf(input));
  if (!r.ok || r.rule.kind !== 'exact') return null;
  return r.rule.port !== undefined ? { host: r.rule.host, port: r.rule.port } : { host: r.rule.host };
}

export interface ParsedDomainRules {
  rules: (DomainRule | null)[];
  issues: RuleIssue[];
}

const keyOf = (r: DomainRule) => `${r.kind === 'wildcard' ? '*.' : ''}${r.host}|${r.port ?? ''}`;

/** Parses and analyses a list of domain rules. */
export function parseDomainRules(inputs: readonly string[]): ParsedDomainRules {
  const rules: (DomainRule | null)[] = [];
  const issues: RuleIssue[] = [];
  textsOf(inputs).forEach((text, index) => {
    const r = parseDomainRule(text);
    if (r.ok) rules.push(r.rule);
    else {
      rules.push(null);
      issues.push(
        r.params
          ? { index, severity: 'error', code: r.code, params: r.params }
          : { index, severity: 'error', code: r.code },
      );
    }
  });
  issues.push(...analyseDomainRules(rules));
  issues.sort((x, y) => x.index - y.index);
  return { rules, issues };
}

/**
 * Warnings: duplicates, and rules already covered by a wildcard rule (with the same port, or a
 * wildcard without a port). O(n × labels).
 */
export function analyseDomainRules(rules: readonly (DomainRule | null)[]): RuleIssue[] {
  const out: RuleIssue[] = [];
  const first = new Map<string, number>();
  const wildcards = new Map<string, number>();
  rules.forEach((r, i) => {
    if (!r) return;
    const k = keyOf(r);
    if (!first.has(k)) first.set(k, i);
    if (r.kind === 'wildcard' && !wildcards.has(k)) wildcards.set(k, i);
  });
  rules.forEach((r, i) => {
    if (!r) return;
    const k = keyOf(r);
    const f = first.get(k)!;
    if (f !== i) {
      out.push({
        index: i,
        severity: 'warning',
        code: 'rule.duplicate',
        related: f,
        params: { other: f + 1 },
      });
      return;
    }
    if (wildcards.size === 0 || r.host.includes(':') || /^[0-9.]+$/.test(r.host)) return;
    // An exact host is covered by `*.` + any proper suffix; a wildcard by a shorter wildcard.
    for (let dot = r.host.indexOf('.'); dot >= 0; dot = r.host.indexOf('.', dot + 1)) {
      const suffix = r.host.slice(dot + 1);
      const w =
        wildcards.get(`*.${suffix}|`) ??
        (r.port !== undefined ? wildcards.get(`*.${suffix}|${r.port}`) : undefined);
      if (w !== undefined && w !== i) {
        out.push({
          index: i,
          severity: 'warning',
          code: 'domain.coveredByWildcard',
          related: w,
          params: { other: w + 1 },
        });
        return;
      }
    }
  });
  return out;
}
