/**
 * Addresses the Qiyuesuo side needs (seed 001), built with the URL API from the OA (E10) base URL:
 * ports and sub-path deployments are kept, slashes never double, query and fragment are dropped.
 */
import { textOf } from '../input.js';

export type OaBaseResult = { ok: true; base: string } | { ok: false; code: 'url.invalid' | 'url.protocol' };

/**
 * Normalises an OA base URL to `scheme://host[:port][/sub/path]` without a trailing slash. Never
 * throws: anything that is not such a URL (a non-string included) is `url.invalid` or `url.protocol`.
 */
export function normalizeBaseUrl(input: string): OaBaseResult {
  const v = textOf(input).trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(v) && !/^https?:/i.test(v)) return { ok: false, code: 'url.protocol' };
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return { ok: false, code: 'url.invalid' };
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname)
    return { ok: false, code: 'url.invalid' };
  const path = u.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  return { ok: true, base: `${u.protocol}//${u.host}${path}` };
}

/** `base` + `path`, with exactly one slash between them. `base` must be normalised. */
export function joinPath(base: string, path: string): string {
  const u = new URL(base);
  const basePath = u.pathname.replace(/\/+$/, '');
  const rel = path.replace(/^\/+/, '');
  u.pathname = `${basePath}/${rel}`;
  u.search = '';
  u.hash = '';
  return u.href;
}

/** The path part of a normalised base (`''` for a root deployment, `/e10` for a sub-path). */
export function basePath(base: string): string {
  return new URL(base).pathname.replace(/\/+$/, '');
}

export const E10_PATHS = {
  openServer: 'openserver',
  signCallbackPrivate: 'papi/signcenter/qiyuesuo/signCallbackPrivate',
  categoryCallback: 'papi/signcenter/qiyuesuo/categoryCallback',
  e9CategoryCallback: 'QYSPrivateCallbackServlet',
} as const;

export interface E10Addresses {
  base: string;
  openServer: string;
  signCallbackPrivate: string;
  categoryCallback: string;
}

export function e10Addresses(base: string): E10Addresses {
  return {
    base,
    openServer: joinPath(base, E10_PATHS.openServer),
    signCallbackPrivate: joinPath(base, E10_PATHS.signCallbackPrivate),
    categoryCallback: joinPath(base, E10_PATHS.categoryCallback),
  };
}

/**
 * nginx rule for an E9 → E10 upgrade at the same address (seed 001 §一.5 step 2): the old seal-flow
 * callback `/QYSPrivateCallbackServlet` is forwarded to the E10 one. `rewrite … last` keeps the query.
 */
export function nginxCallbackRewrite(base: string): string {
  const prefix = basePath(base);
  const from = `${prefix}/${E10_PATHS.e9CategoryCallback}`.replace(/[.^$*+?()[\]{}|\\]/g, '\\$&');
  return [
    `# 契约锁用印流程回调：E9 旧地址转发到 E10（放在 OA 站点的 server { } 中）`,
    `# Qiyuesuo seal-flow callback: forward the E9 address to E10 (inside the OA site's server { } block)`,
    `location = ${prefix}/${E10_PATHS.e9CategoryCallback} {`,
    `    rewrite ^${from}$ ${prefix}/${E10_PATHS.categoryCallback} last;`,
    `}`,
  ].join('\n');
}
