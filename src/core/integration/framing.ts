/**
 * Would a browser on `parentOrigin` be allowed to frame a page that answered with these headers?
 * Implements CSP `frame-ancestors` source matching (CSP3 §6.4.2 / §6.7.2) and `X-Frame-Options`
 * (ignored when a `frame-ancestors` directive is present, as browsers do).
 *
 * A parent page cannot see a refused cross-origin frame (Chromium fires `load` with an opaque error
 * page), so the headers are fetched by the OA server (`host.client.inspectFraming`) and decided here.
 */
import type { FramingInspection } from '../../api/schemas.js';
import { objectOf, textOf } from '../input.js';

export type FramingVerdict =
  | { verdict: 'allowed'; reason: 'no-policy' | 'csp-allows' | 'xfo-sameorigin-match'; directive?: string }
  | {
      verdict: 'refused';
      reason: 'csp-refuses' | 'xfo-deny' | 'xfo-sameorigin';
      directive?: string;
      /** The origin to add to the embed whitelist (嵌入电子签平台页面白名单). */
      addOrigin: string;
    }
  | { verdict: 'unknown'; reason: 'unreachable' | 'bad-url'; detail?: string };

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' };

interface Origin {
  scheme: string; // 'https:'
  host: string; // lower-case, no brackets stripped for IPv6
  port: string; // explicit or default
}

function parseOrigin(value: string): Origin | null {
  try {
    const u = new URL(value);
    if (!u.host) return null;
    return {
      scheme: u.protocol,
      host: u.hostname.toLowerCase(),
      port: u.port || DEFAULT_PORT[u.protocol] || '',
    };
  } catch {
    return null;
  }
}

/** The `frame-ancestors` values of one or more policies (`, ` separates policies in one header line). */
export function frameAncestorsPolicies(headerValue: string | null | undefined): string[][] {
  const text = textOf(headerValue);
  if (!text) return [];
  const policies: string[][] = [];
  for (const policy of text.split(',')) {
    for (const directive of policy.split(';')) {
      const tokens = directive.trim().split(/\s+/).filter(Boolean);
      if (tokens[0]?.toLowerCase() === 'frame-ancestors') {
        policies.push(tokens.slice(1));
        break; // only the first frame-ancestors directive of a policy counts
      }
    }
  }
  return policies;
}

function schemeMatches(sourceScheme: string, target: string): boolean {
  if (sourceScheme === target) return true;
  // An http: source also allows https: (and ws: → wss:), the "upgrade" rule.
  return (sourceScheme === 'http:' && target === 'https:') || (sourceScheme === 'ws:' && target === 'wss:');
}

/** Does one source expression allow `ancestor`? `self` is the framed page's own origin. */
export function sourceMatches(source: string, ancestor: Origin, self: Origin | null): boolean {
  const s = source.trim();
  const lower = s.toLowerCase();
  if (lower === "'none'") return false;
  if (lower === "'self'") {
    return (
      !!self &&
      schemeMatches(self.scheme, ancestor.scheme) &&
      self.host === ancestor.host &&
      self.port === ancestor.port
    );
  }
  if (lower.startsWith("'")) return false; // nonces/hashes/keywords never match an ancestor
  if (lower === '*') {
    // `*` matches any URL whose scheme is http(s) or the protected resource's own scheme.
    return (
      ancestor.scheme === 'http:' ||
      ancestor.scheme === 'https:' ||
      (!!self && ancestor.scheme === self.scheme)
    );
  }
  // scheme-source: `https:`
  const schemeOnly = /^([a-z][a-z0-9+.-]*):$/i.exec(s);
  if (schemeOnly) return schemeMatches(`${schemeOnly[1]!.toLowerCase()}:`, ancestor.scheme);
  // host-source: [scheme://]host[:port][/path]
  const m =
    /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|\*\.[^:/]+|\[[0-9a-f:.]+\]|[^:/]+)(?::(\*|\d+))?(\/.*)?$/i.exec(s);
  if (!m) return false;
  const [, scheme, hostPart, port] = m;
  const host = hostPart!.toLowerCase();
  if (scheme) {
    if (!schemeMatches(`${scheme.toLowerCase()}:`, ancestor.scheme)) return false;
  } else if (self) {
    if (!schemeMatches(self.scheme, ancestor.scheme)) return false;
  } else if (ancestor.scheme !== 'http:' && ancestor.scheme !== 'https:') {
    return false;
  }
  if (host === '*') {
    /* any host */
  } else if (host.startsWith('*.')) {
    const suffix = host.slice(1); // ".example.com"
    if (!ancestor.host.endsWith(suffix) || ancestor.host.length === suffix.length) return false;
  } else if (host !== ancestor.host) {
    return false;
  }
  if (port === '*') return true;
  if (port) return port === ancestor.port;
  // No port: only the default port of the ancestor's scheme (so an http: source with no port also
  // allows the same host upgraded to https on 443).
  return ancestor.port === DEFAULT_PORT[ancestor.scheme];
}

/**
 * Decide whether `parentOrigin` may frame the inspected page. Never throws: the inspection comes
 * from the host, and one that is not an object (or names no URL) is `unknown` / `bad-url`.
 */
export function evaluateFraming(inspection: FramingInspection, parentOrigin: string): FramingVerdict {
  const i = objectOf<FramingInspection>(inspection);
  if (!i) return { verdict: 'unknown', reason: 'bad-url' };
  if (!i.reachable) {
    const detail = textOf(i.error);
    return detail
      ? { verdict: 'unknown', reason: 'unreachable', detail }
      : { verdict: 'unknown', reason: 'unreachable' };
  }
  const ancestor = parseOrigin(textOf(parentOrigin));
  const self = parseOrigin(textOf(i.url));
  if (!ancestor || !self) return { verdict: 'unknown', reason: 'bad-url' };
  const addOrigin = `${ancestor.scheme}//${ancestor.host.includes(':') ? `[${ancestor.host}]` : ancestor.host}${
    ancestor.port && ancestor.port !== DEFAULT_PORT[ancestor.scheme] ? `:${ancestor.port}` : ''
  }`;

  const policies = frameAncestorsPolicies(i.contentSecurityPolicy);
  if (policies.length > 0) {
    for (const sources of policies) {
      if (!sources.some((src) => sourceMatches(src, ancestor, self))) {
        return {
          verdict: 'refused',
          reason: 'csp-refuses',
          directive: sources.join(' ') || "'none'",
          addOrigin,
        };
      }
    }
    return {
      verdict: 'allowed',
      reason: 'csp-allows',
      directive: policies.map((p) => p.join(' ')).join(', '),
    };
  }

  const xfo = textOf(i.xFrameOptions).split(',')[0]!.trim().toLowerCase();
  if (xfo === 'deny') return { verdict: 'refused', reason: 'xfo-deny', addOrigin };
  if (xfo === 'sameorigin') {
    const same =
      self.scheme === ancestor.scheme && self.host === ancestor.host && self.port === ancestor.port;
    return same
      ? { verdict: 'allowed', reason: 'xfo-sameorigin-match' }
      : { verdict: 'refused', reason: 'xfo-sameorigin', addOrigin };
  }
  return { verdict: 'allowed', reason: 'no-policy' };
}

/**
 * An https page cannot frame an http page (mixed content is blocked); seed 000 FAQ 1 also asks that
 * OA and Qiyuesuo use the same protocol. Returns null when both match.
 */
export function protocolMismatch(pageUrl: string, targetUrl: string): null | 'mixed-content' | 'http-page' {
  const page = parseOrigin(pageUrl);
  const target = parseOrigin(targetUrl);
  if (!page || !target || page.scheme === target.scheme) return null;
  if (page.scheme === 'https:' && target.scheme === 'http:') return 'mixed-content';
  if (page.scheme === 'http:' && target.scheme === 'https:') return 'http-page';
  return null;
}
